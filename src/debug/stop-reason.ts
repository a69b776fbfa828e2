/**
 * Why a run stopped, in words a person reads in the Call Stack: `Paused before tools`, `Paused
 * after agent`, `interrupt() in review: {...}`, `Error in boom: ...`. A run outcome from the runner,
 * the way the run was started (continue, one step, to the entry) and the breakpoints it ran with
 * give the DAP stop reason, the words, and the panel's `StopKind`; or say that the run ended.
 * Inside a subgraph, nodes are named by path (`Paused before research/summarize`).
 */
import type { InterruptView, SnapshotView, StopKind } from "../protocol/debug";
import type { ErrorView, LoadResult, RunOutcome } from "../protocol/runner";
import { namesNode, pendingPaths, waitingPaths } from "./levels";

/** How a run was started: to the next breakpoint, one step (over, into or out of a subgraph), or to its first node. */
export type RunMode = "continue" | "step" | "stepIn" | "stepOut" | "entry";

export interface StopInfo {
  /** The DAP `stopped` reason. */
  reason: "entry" | "breakpoint" | "function breakpoint" | "exception" | "pause" | "step";
  description: string;
  kind: StopKind;
  hitBreakpointIds?: number[];
  exception?: { id: string; description: string; details?: ErrorView; interrupts?: InterruptView[] };
}

export type Verdict =
  | { stop: StopInfo }
  /** A node waits in `interrupt()` but that filter is off: the run waits for an answer, unstopped. */
  | { waiting: string }
  | { end: string; error?: ErrorView };

export interface StopContext {
  mode: RunMode;
  /** Nodes that stop the run before / after them (`"*"`: all of them). */
  before: string[];
  after: string[];
  filters: { interrupt: boolean; errors: boolean };
  hitIds(nodes: string[], when: "before" | "after"): number[];
}

export function judge(outcome: RunOutcome, context: StopContext): Verdict {
  const snapshot = outcome.snapshot;
  if (outcome.status === "error") return judgeError(outcome, context);
  if (outcome.interrupts.length > 0) return judgeInterrupt(outcome.interrupts, snapshot, context);
  if (!outcome.interrupted) return { end: endWords(snapshot) };
  const next = snapshot ? pendingPaths(snapshot) : [];
  if (context.mode === "entry") return stop("entry", `Paused before ${list(next)}`, "entry");
  const beforeHit = matching(context.before, next);
  if (beforeHit.length > 0) return stop("breakpoint", `Paused before ${list(beforeHit)}`, "breakpoint-before", context.hitIds(beforeHit, "before"));
  const afterHit = matching(context.after, outcome.lastRan);
  if (afterHit.length > 0) return stop("breakpoint", `Paused after ${list(afterHit)}`, "breakpoint-after", context.hitIds(afterHit, "after"));
  if (context.mode !== "continue") return stop("step", stepWords(outcome.lastRan, next), "step");
  return stop("pause", next.length > 0 ? `Paused before ${list(next)}` : "Paused at the end of the graph", "pause");
}

function judgeError(outcome: RunOutcome, context: StopContext): Verdict {
  const error = outcome.error ?? { name: "Error", message: "The run failed." };
  const node = error.node ?? outcome.snapshot?.tasks.find((task) => task.error)?.name;
  const words = node ? `Error in ${node}: ${error.message}` : `${error.name}: ${error.message}`;
  if (!context.filters.errors) return { end: words, error };
  return {
    stop: {
      reason: "exception",
      description: firstLine(words),
      kind: "error",
      exception: { id: error.name, description: words, details: { ...error, ...(node ? { node } : {}) } },
    },
  };
}

function judgeInterrupt(interrupts: InterruptView[], snapshot: SnapshotView | null, context: StopContext): Verdict {
  const node = (snapshot ? waitingPaths(snapshot) : [])[0] ?? "a node";
  const more = interrupts.length > 1 ? ` (+${interrupts.length - 1} more)` : "";
  const words = `interrupt() in ${node}: ${preview(interrupts[0].value)}${more}`;
  if (!context.filters.interrupt) return { waiting: words };
  return { stop: { reason: "exception", description: words, kind: "interrupt", exception: { id: "interrupt", description: words, interrupts } } };
}

function stop(reason: StopInfo["reason"], description: string, kind: StopKind, hitBreakpointIds?: number[]): Verdict {
  return { stop: { reason, description, kind, ...(hitBreakpointIds && hitBreakpointIds.length > 0 ? { hitBreakpointIds } : {}) } };
}

function matching(listed: string[], nodes: string[]): string[] {
  return [...new Set(nodes.filter((node) => listed.some((name) => namesNode(name, node))))];
}

function stepWords(ran: string[], next: string[]): string {
  const did = ran.length > 0 ? `Ran ${list(ran)}` : "Stepped";
  return next.length > 0 ? `${did}; next ${list(next)}` : `${did}; the graph is at its end`;
}

function endWords(snapshot: SnapshotView | null): string {
  return snapshot ? `The graph reached its end at step ${snapshot.metadata.step}.` : "The graph reached its end.";
}

function list(names: string[]): string {
  return [...new Set(names)].join(", ");
}

/** A value as short JSON for one line of text. */
export function preview(value: unknown, limit = 120): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0];
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The stop after Pause abandoned a step that did not finish. */
export function abandonedStop(nodes: string[]): StopInfo {
  const names = nodes.join(", ") || "the running node";
  return {
    reason: "pause",
    kind: "pause",
    description: `Paused: ${names} did not finish, so its step was abandoned (Continue runs it again)`,
  };
}

/** The session's breakpoints plus those compiled into the user's graph, which stop runs as well. */
export function withCompiled(lists: { before: string[]; after: string[] }, compiled: LoadResult["compiledInterrupts"] | undefined) {
  const add = (own: string[], more: string[] | "*" | undefined) => [...new Set([...own, ...(more === "*" ? ["*"] : more ?? [])])];
  return { before: add(lists.before, compiled?.before), after: add(lists.after, compiled?.after) };
}
