/**
 * Reserved names: the virtual start and end nodes, and the channels and write keys the engine uses
 * for its own bookkeeping. They match LangGraph.js's, so checkpoints read the same in both.
 */
export const START = "__start__";
export const END = "__end__";
export const INTERRUPT = "__interrupt__";
export const RESUME = "__resume__";
export const ERROR = "__error__";
/** The channel that holds `Send`s for the next step. */
export const TASKS = "__pregel_tasks";
/** The task id of writes that come from outside any task (input and `Command` updates). */
export const NULL_TASK_ID = "00000000-0000-0000-0000-000000000000";
export const PULL = "__pregel_pull";
export const PUSH = "__pregel_push";

/** The trigger channel a node listens on: writing it schedules the node for the next step. */
export function branchChannel(node: string): string {
  return `branch:to:${node}`;
}

/** The barrier channel of a join edge (`addEdge([a, b], c)`): `c` runs once all sources wrote. */
export function joinChannel(sources: string[], target: string): string {
  return `join:${sources.join("+")}:${target}`;
}
