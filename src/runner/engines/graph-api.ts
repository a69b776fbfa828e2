/**
 * The public LangGraph API that both engines' compiled graphs share, as structural types: what the
 * runner calls on a graph whichever LangGraph runs it (`stream`, `getState`, `getStateHistory`,
 * `updateState`, and the checkpointer's `getTuple` and `list`). The shapes are LangGraph.js's; our
 * engine's declarations in src/runtime are their TypeScript twin, so the types come from there.
 */
import type { CheckpointConfig, CheckpointSaver, CheckpointTuple, RunConfig, StateSnapshot } from "../../runtime";

export type { CheckpointConfig, CheckpointSaver, CheckpointTuple, RunConfig, StateSnapshot };

/** A compiled graph, as any LangGraph engine has it. */
export interface CompiledGraph {
  checkpointer?: CheckpointSaver | boolean;
  name?: string;
  invoke(input: unknown, config?: RunConfig): Promise<unknown>;
  stream(input: unknown, config?: Record<string, unknown>): Promise<AsyncIterable<unknown>>;
  /** With `subgraphs`, each subgraph task carries its subgraph's snapshot in `state`. */
  getState(config: CheckpointConfig, options?: { subgraphs?: boolean }): Promise<StateSnapshot>;
  getStateHistory(config: CheckpointConfig, options?: { limit?: number; before?: CheckpointConfig }): AsyncIterable<StateSnapshot>;
  /** `writtenAs`: the node the runner reports the update as (when `asNode` is left to the engine), for an engine that does not record it. */
  updateState(config: CheckpointConfig, values: unknown, asNode?: string, writtenAs?: string): Promise<CheckpointConfig>;
}

/** The graph's checkpointer, when it is a saver (not `true`/`false`, which only a subgraph may hold). */
export function saverOf(graph: CompiledGraph): CheckpointSaver | undefined {
  const saver = graph.checkpointer;
  return typeof saver === "object" && saver !== null ? saver : undefined;
}
