/**
 * The Call Stack of a stopped graph: one frame per task pending at the checkpoint being viewed,
 * placed on its node's `addNode` line (a task that threw is placed where it threw, when the stack
 * says), or a single frame for the graph itself when nothing is pending. A subgraph task with work
 * pending inside has the frames of its subgraph's tasks above it, named by path
 * (`research/search`), as a called function's frames sit above its caller's. Each frame belongs
 * to a level (the graph whose task it is), which is what its Variables show. Frame ids are the
 * frame's index plus one; frame 0 is never used, so 0 can mean "no frame" in requests.
 */
import { Source, StackFrame } from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import * as path from "node:path";
import type { GraphView, LevelView, SnapshotView, SourceLocation, TaskView } from "../protocol/debug";
import type { ErrorView } from "../protocol/runner";
import type { GraphController } from "./controller";
import { graphAt } from "./levels";

export interface FrameContext {
  snapshot: SnapshotView | null;
  graph: GraphView | undefined;
  program: string;
  graphName: string;
  /** The snapshot is not the thread's head: the frames say so. */
  past: boolean;
  error?: ErrorView;
}

/** A frame of the Call Stack and the level whose task it shows. */
export interface CallFrame {
  frame: DebugProtocol.StackFrame;
  level: LevelView;
}

/** The frames of what the controller shows: its view, its graph, whether it is the past. */
export function frameContextOf(c: GraphController): FrameContext {
  return { snapshot: c.view, graph: c.loaded?.graph, program: c.config.program, graphName: c.loaded?.exportName ?? "graph", past: c.viewingPast, error: c.lastError };
}

export function stackFrames(context: FrameContext): DebugProtocol.StackFrame[] {
  return callFrames(context).map((entry) => entry.frame);
}

export function callFrames(context: FrameContext): CallFrame[] {
  const { snapshot } = context;
  if (!snapshot || snapshot.tasks.length === 0) {
    const when = context.past && snapshot ? ` (past: step ${snapshot.metadata.step})` : "";
    const state = snapshot ? (snapshot.next.length === 0 ? "at its end" : "") : "not started";
    const frame: DebugProtocol.StackFrame = new StackFrame(1, `${context.graphName}${state ? ` ${state}` : ""}${when}`, sourceOf(context.program), 1, 1);
    frame.canRestart = false;
    return [{ frame, level: { checkpointNs: "", path: [], snapshot: snapshot ?? emptyView() } }];
  }
  const levelled = tasksOf(snapshot, { checkpointNs: "", path: [], snapshot }, snapshot.focusNs ?? "");
  return levelled.map(({ task, level, ended }, index) => ({
    frame: ended ? endFrame(context, task, level, index + 1) : taskFrame(context, task, level, index + 1),
    level: ended ?? level,
  }));
}

/** The frame at `frameId`, or the top frame when the id is not one of them. */
export function frameAt(context: FrameContext, frameId: number | undefined): CallFrame {
  const frames = callFrames(context);
  return frames.find((entry) => entry.frame.id === frameId) ?? frames[0];
}

/**
 * Tasks of a level, each preceded by the tasks pending inside its subgraph (innermost first). The
 * task leading to the subgraph in focus comes first, so the top frame is the focus.
 */
function tasksOf(snapshot: SnapshotView, level: LevelView, focus: string): LevelledTask[] {
  const leads = (task: TaskView) => !!task.checkpointNs && (focus === task.checkpointNs || focus.startsWith(`${task.checkpointNs}|`));
  const ordered = [...snapshot.tasks.filter(leads), ...snapshot.tasks.filter((task) => !leads(task))];
  return ordered.flatMap((task) => [...innerTasks(task, level, focus), { task, level }]);
}

interface LevelledTask {
  task: TaskView;
  level: LevelView;
  /** Set on the frame of a subgraph that ran to its end while its parent's task has not finished. */
  ended?: LevelView;
}

/**
 * The frames inside a subgraph task: its own pending tasks, or, when the subgraph has run its last
 * node and the view is focused on it (a stop after that node), one frame for the subgraph at its end.
 */
function innerTasks(task: TaskView, level: LevelView, focus: string): LevelledTask[] {
  if (!task.state || !task.checkpointNs) return [];
  const inner: LevelView = { checkpointNs: task.checkpointNs, path: [...level.path, task.name], snapshot: task.state };
  if (hasWork(task.state)) return tasksOf(task.state, inner, focus);
  return focus === task.checkpointNs ? [{ task, level, ended: inner }] : [];
}

/**
 * A level with tasks to run, or with a task that failed: LangGraph.js leaves a failed task out of
 * `next` (its error is its write), yet it is where the run stopped.
 */
function hasWork(snapshot: SnapshotView): boolean {
  return snapshot.next.length > 0 || snapshot.tasks.some((task) => task.error);
}

/** The frame of a subgraph at its end, on its node's `addNode` line; its Variables show the subgraph's final state. */
function endFrame(context: FrameContext, task: TaskView, level: LevelView, id: number): DebugProtocol.StackFrame {
  const name = [...level.path, task.name].join("/");
  const when = context.past ? ` (past: step ${level.snapshot.metadata.step})` : "";
  const site = nodeSource(graphAt(context.graph, level.path), task.name);
  const frame: DebugProtocol.StackFrame = new StackFrame(id, `${name} at its end${when}`, sourceOf(site?.file ?? context.program), site?.line ?? 1, site?.column ?? 1);
  frame.canRestart = false;
  return frame;
}

function taskFrame(context: FrameContext, task: TaskView, level: LevelView, id: number): DebugProtocol.StackFrame {
  const name = [...level.path, task.name].join("/");
  const when = context.past ? ` (past: step ${level.snapshot.metadata.step})` : "";
  const thrownHere = task.error && context.error?.location && (!context.error.node || context.error.node === name);
  const site: SourceLocation | undefined = thrownHere ? context.error!.location : nodeSource(graphAt(context.graph, level.path), task.name);
  // An error is the newest news about a task: an answered interrupt() stays recorded beside it.
  const waits = task.interrupts.length > 0 && !(task.state && task.state.next.length > 0);
  const mark = task.error ? ` ✖ ${task.error.name}` : waits ? " (waiting in interrupt())" : "";
  const frame: DebugProtocol.StackFrame = new StackFrame(id, `${name}${mark}${when}`, site ? sourceOf(site.file) : sourceOf(context.program), site?.line ?? 1, site?.column ?? 1);
  frame.canRestart = true;
  return frame;
}

export function nodeSource(graph: GraphView | undefined, node: string): SourceLocation | undefined {
  return graph?.nodes.find((candidate) => candidate.id === node)?.source;
}

function sourceOf(file: string): Source {
  return new Source(path.basename(file), file);
}

function emptyView(): SnapshotView {
  return { threadId: "", checkpointId: "", values: {}, next: [], tasks: [], metadata: { source: "input", step: -1 }, createdAt: "" };
}
