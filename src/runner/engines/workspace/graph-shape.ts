/**
 * Reads the shape of a graph compiled by the user's own `@langchain/langgraph` (1.0 to 1.7):
 * its builder's nodes, edges, waiting edges, branches and node `ends`, its state channels and
 * their reducers, and the compiled graphs its nodes are. LangGraph.js exposes none of this as
 * public API, so the few internal fields we read are described here by small structural
 * interfaces, in one place, and every reader tolerates their absence (a plain `Graph`, a
 * functional-API `entrypoint`, a future version) by returning less rather than throwing.
 */
import type { Reducer } from "../contract";

/** A conditional edge: `ends` is its path map (`{key: target}`; an array path map becomes `{t: t}`), absent without one. */
export interface BranchShape {
  ends?: Record<string, string>;
}

/** What `addNode` stored for a node. `subgraphs` is `[runnable]` when the runnable is itself a graph. */
export interface NodeSpecShape {
  runnable?: unknown;
  subgraphs?: unknown[];
  /** `addNode(..., { ends })`: where the node may route with `Command({goto})`. */
  ends?: string[];
  /** 1.7: the node LangGraph registers for `addNode(..., { errorHandler })`. */
  isErrorHandler?: boolean;
  /** 1.7: the handler node that takes over when this node throws. */
  errorHandlerNode?: string;
}

export interface BuilderShape {
  nodes: Record<string, NodeSpecShape>;
  edges: Iterable<readonly [string, string]>;
  /** StateGraph only: `addEdge([a, b], c)`. */
  waitingEdges?: Iterable<readonly [readonly string[], string]>;
  branches: Record<string, Record<string, BranchShape>>;
  /** StateGraph only: the state's channels, from the state, input, output and node input schemas. */
  channels?: Record<string, ChannelShape>;
}

/** A channel: `BinaryOperatorAggregate` keeps its reducer as `operator`, 1.7's `DeltaChannel` as a batch `reducer`. */
interface ChannelShape {
  lc_graph_name?: string;
  operator?: unknown;
  reducer?: unknown;
}

/** A compiled node (`PregelNode`): 1.7 resolves the error handler it fails over to here, defaults included. */
interface CompiledNodeShape {
  errorHandlerNode?: unknown;
}

interface CompiledShape {
  lg_is_pregel?: boolean;
  builder?: unknown;
  nodes?: Record<string, CompiledNodeShape>;
  channels?: Record<string, ChannelShape>;
}

export const START = "__start__";
export const END = "__end__";

/** The compiled graph's builder, when it is a graph built with `Graph`/`StateGraph` (not an `entrypoint`). */
export function builderOf(compiled: object): BuilderShape | undefined {
  const builder = (compiled as CompiledShape).builder;
  if (typeof builder !== "object" || builder === null) return undefined;
  const shape = builder as Partial<BuilderShape>;
  const iterable = shape.edges !== undefined && typeof (shape.edges as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
  return typeof shape.nodes === "object" && typeof shape.branches === "object" && iterable ? (builder as BuilderShape) : undefined;
}

/** A compiled graph we can draw: a LangGraph `Pregel` with a builder. */
export function isDrawableGraph(value: unknown): value is object {
  return typeof value === "object" && value !== null && (value as CompiledShape).lg_is_pregel === true && builderOf(value) !== undefined;
}

/**
 * The real nodes, without `__start__`/`__end__`: the builder's nodes in the order they were added,
 * then the error handler 1.7 adds only to the compiled graph (`setNodeDefaults({ errorHandler })`).
 */
export function nodeNames(compiled: object): string[] {
  const builder = builderOf(compiled);
  const compiledNodes = Object.keys((compiled as CompiledShape).nodes ?? {});
  if (!builder) return compiledNodes.filter((name) => name !== START);
  const names = Object.keys(builder.nodes);
  for (const name of compiledNodes) {
    const handler = errorHandlerOf(compiled, name);
    if (handler && !names.includes(handler)) names.push(handler);
  }
  return names;
}

/** The node that takes over when `node` throws (1.7's `errorHandler`), if it has one. */
export function errorHandlerOf(compiled: object, node: string): string | undefined {
  const resolved = (compiled as CompiledShape).nodes?.[node]?.errorHandlerNode;
  if (typeof resolved === "string") return resolved;
  return builderOf(compiled)?.nodes[node]?.errorHandlerNode;
}

/** Channels LangGraph adds for its own bookkeeping, which are not keys of the user's state. */
export function isInternalChannel(name: string): boolean {
  return name.startsWith("__") || name.startsWith("branch:") || name.startsWith("join:");
}

function channelsOf(compiled: object): Record<string, ChannelShape> {
  return builderOf(compiled)?.channels ?? (compiled as CompiledShape).channels ?? {};
}

/** The state's keys: the builder's channels (every schema's), without LangGraph's internal ones. */
export function stateKeysOf(compiled: object): string[] {
  return Object.keys(channelsOf(compiled)).filter((name) => !isInternalChannel(name));
}

/**
 * The reducer of state key `key`: a `BinaryOperatorAggregate`'s operator (an `Annotation` or zod
 * `reducer`, `messagesStateReducer` for messages), or a `DeltaChannel`'s batch reducer made binary.
 * Undefined for a key that takes the last value written (`LastValue`, `UntrackedValue`, ...).
 */
export function reducerOf(compiled: object, key: string): Reducer | undefined {
  if (isInternalChannel(key)) return undefined;
  const channel = channelsOf(compiled)[key];
  if (typeof channel?.operator === "function") return channel.operator as Reducer;
  if (channel?.lc_graph_name === "DeltaChannel" && typeof channel.reducer === "function") {
    // A DeltaChannel replays a step's writes in one call: `reducer(current, [writes...])`.
    const batch = channel.reducer as (current: unknown, writes: unknown[]) => unknown;
    return (current, update) => batch(current, [update]);
  }
  return undefined;
}

/**
 * The compiled graph node `node` is: its runnable, or the graph inside a `RunnableSequence` it
 * was piped into (where LangGraph itself looks for a subgraph). Undefined for a function node.
 */
export function subgraphOf(compiled: object, node: string): object | undefined {
  const spec = builderOf(compiled)?.nodes[node];
  return spec ? graphInside(spec.runnable, 3) : undefined;
}

function graphInside(runnable: unknown, depth: number): object | undefined {
  if (isDrawableGraph(runnable)) return runnable;
  const steps = (runnable as { steps?: unknown } | undefined)?.steps;
  if (depth === 0 || !Array.isArray(steps)) return undefined;
  for (const step of steps) {
    const found = graphInside(step, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** The one compiled graph a function node declared it calls (`addNode(..., { subgraphs: [g] })`). */
export function declaredSubgraphOf(compiled: object, node: string): object | undefined {
  const declared = builderOf(compiled)?.nodes[node]?.subgraphs ?? [];
  return declared.length === 1 && isDrawableGraph(declared[0]) ? declared[0] : undefined;
}
