/**
 * The Call Stack of a stopped graph: one frame per task pending at the checkpoint being viewed,
 * placed on its node's `addNode` line (a task that threw is placed where it threw, when the stack
 * says), or a single frame for the graph itself when nothing is pending. Frame ids are the task's
 * index plus one; frame 0 is never used, so 0 can mean "no frame" in requests.
 */
import { Source, StackFrame } from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import * as path from "node:path";
import type { GraphView, SnapshotView, SourceLocation } from "../protocol/debug";
import type { ErrorView } from "../protocol/runner";

export interface FrameContext {
  snapshot: SnapshotView | null;
  graph: GraphView | undefined;
  program: string;
  graphName: string;
  /** The snapshot is not the thread's head: the frames say so. */
  past: boolean;
  error?: ErrorView;
}

export function stackFrames(context: FrameContext): DebugProtocol.StackFrame[] {
  const { snapshot } = context;
  const step = snapshot ? snapshot.metadata.step : undefined;
  const when = context.past && step !== undefined ? ` (past: step ${step})` : "";
  const tasks = snapshot?.tasks ?? [];
  if (tasks.length === 0) {
    const state = snapshot ? (snapshot.next.length === 0 ? "at its end" : "") : "not started";
    const frame: DebugProtocol.StackFrame = new StackFrame(1, `${context.graphName}${state ? ` ${state}` : ""}${when}`, sourceOf(context.program), 1, 1);
    frame.canRestart = false;
    return [frame];
  }
  return tasks.map((task, index) => {
    const thrownHere = task.error && context.error?.location && (!context.error.node || context.error.node === task.name);
    const site: SourceLocation | undefined = thrownHere ? context.error!.location : nodeSource(context.graph, task.name);
    const mark = task.interrupts.length > 0 ? " ⏸ interrupt()" : task.error ? ` ✖ ${task.error.name}` : "";
    const frame: DebugProtocol.StackFrame = new StackFrame(
      index + 1,
      `${task.name}${mark}${when}`,
      site ? sourceOf(site.file) : sourceOf(context.program),
      site?.line ?? 1,
      site?.column ?? 1,
    );
    frame.canRestart = true;
    return frame;
  });
}

export function nodeSource(graph: GraphView | undefined, node: string): SourceLocation | undefined {
  return graph?.nodes.find((candidate) => candidate.id === node)?.source;
}

function sourceOf(file: string): Source {
  return new Source(path.basename(file), file);
}
