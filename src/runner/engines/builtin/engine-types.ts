/**
 * The parts of our engine the builtin engine uses beyond the shared LangGraph API, as structural
 * types. The runner never imports the engine's values: the engine is bundled into the user's graph
 * bundle, and the runner takes its classes (`FileSaver`, `Command`) from that same bundle, so there
 * is one copy of each class and the user's graph objects are instances of it. The types below come
 * from the engine's own declarations where they exist.
 */
import type { CheckpointSaver, DrawableGraph } from "../../../runtime";
import type { InterruptList } from "../../../protocol/runner";
import type { CompiledGraph as SharedGraphApi } from "../graph-api";

export type { DrawableGraph };

export interface CompileOptions {
  checkpointer?: CheckpointSaver;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  name?: string;
}

/** A `StateGraph` builder, as exported by a user module. */
export interface GraphBuilder {
  addNode: Function;
  compile(options?: CompileOptions): CompiledGraph;
  channels?: Record<string, { reducer?: Function }>;
  /** The nodes added so far; a node that is a compiled graph holds it as `subgraph`, one seen invoking a graph as `invoked`. */
  nodes?: Map<string, { subgraph?: unknown; invoked?: unknown }>;
}

/** A compiled graph of our engine: the shared API, plus what the builtin engine reads off it. */
export interface CompiledGraph extends SharedGraphApi {
  builder: GraphBuilder;
  checkpointer?: CheckpointSaver;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  /** Where `compile()` was called, as breakpoint lists name the graph (`@file:line:column`). */
  graphKey?: string;
  getGraph(): DrawableGraph;
}

/** The engine's public module (our `@langchain/langgraph`), as found inside the user's bundle. */
export interface RuntimeModule {
  Command: new (params: { resume?: unknown; update?: unknown; goto?: unknown }) => unknown;
  FileSaver?: new (directory: string) => CheckpointSaver;
  MemorySaver: new () => CheckpointSaver;
  /** LangGraph.js's way to write past a reducer; used for edits when the engine has it. */
  Overwrite?: new (value: unknown) => unknown;
}

export function isCompiledGraph(value: unknown): value is CompiledGraph {
  const graph = value as CompiledGraph | null;
  return typeof graph === "object" && graph !== null && typeof graph.invoke === "function" && typeof graph.getState === "function" && isGraphBuilder(graph.builder);
}

export function isGraphBuilder(value: unknown): value is GraphBuilder {
  const builder = value as GraphBuilder | null;
  return typeof builder === "object" && builder !== null && typeof builder.addNode === "function" && typeof builder.compile === "function";
}
