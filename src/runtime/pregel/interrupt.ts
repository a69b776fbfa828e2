/**
 * `interrupt()`: a node asks a person for a value. The first time, it throws a `GraphInterrupt`
 * that unwinds the run; on resume the node runs again from the top and the k-th `interrupt()` call
 * returns the k-th resume value. Which values a task has is kept in an AsyncLocalStorage, so the
 * call works from any depth of the node's own async code.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { GraphInterrupt, missingCheckpointer } from "../errors";
import type { NestedScope } from "./subgraph";

export interface TaskScratchpad {
  /** Resume values for this task, in the order its `interrupt()` calls ask for them. */
  resume: unknown[];
  /** How many `interrupt()` calls this run of the task has made. */
  calls: number;
  /** The id of the task's k-th interrupt. */
  interruptId: (index: number) => string;
  hasCheckpointer: boolean;
  /** The scope a graph invoked from inside this task's node runs in (as a subgraph of the task). */
  nestedScope?: () => NestedScope;
  /** Called with a compiled graph the node invokes, before it runs nested (the node remembers it). */
  invoking?: (graph: unknown) => void;
  /** The config and the input the node was called with (`getConfig()`, `getCurrentTaskInput()`). */
  config?: Record<string, unknown>;
  input?: unknown;
}

const scratchpads = new AsyncLocalStorage<TaskScratchpad>();

/** The scratchpad of the task whose node is running here, if any. */
export function currentTask(): TaskScratchpad | undefined {
  return scratchpads.getStore();
}

export function runWithScratchpad<T>(scratchpad: TaskScratchpad, fn: () => T): T {
  return scratchpads.run(scratchpad, fn);
}

// `R` defaults to `any` as in LangGraph.js: the resume value's type is whatever the person sends.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function interrupt<I = unknown, R = any>(value: I): R {
  const scratchpad = scratchpads.getStore();
  if (!scratchpad) throw new Error("Called interrupt() outside the context of a graph.");
  if (!scratchpad.hasCheckpointer) throw missingCheckpointer();
  const index = scratchpad.calls++;
  if (index < scratchpad.resume.length) return scratchpad.resume[index] as R;
  throw new GraphInterrupt([{ id: scratchpad.interruptId(index), value }]);
}
