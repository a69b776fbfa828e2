/**
 * The shape of a graph library as the differential scenarios use it: the LangGraph.js names the
 * issue promises (StateGraph, Annotation, MemorySaver, interrupt, Command, Send, ...), typed loosely
 * enough that both the real `@langchain/langgraph` and our `src/runtime` fit it. A scenario only ever
 * touches a library through this interface, so the same scenario file runs on either engine.
 */

export type Values = Record<string, unknown>;

export interface Interrupt {
  id: string;
  value: unknown;
}

export interface CheckpointRef {
  configurable?: { thread_id?: string; checkpoint_id?: string; checkpoint_ns?: string };
}

export interface RunConfig extends CheckpointRef {
  recursionLimit?: number;
  interruptBefore?: string[] | "*";
  interruptAfter?: string[] | "*";
  streamMode?: string | string[];
  signal?: AbortSignal;
}

export interface SnapshotTask {
  id: string;
  name: string;
  path: unknown[];
  interrupts: Interrupt[];
  error?: unknown;
  result?: unknown;
}

export interface Snapshot {
  values: Values;
  next: string[];
  tasks: SnapshotTask[];
  metadata?: Values;
  config: CheckpointRef;
  parentConfig?: CheckpointRef;
  createdAt?: string;
}

export interface HistoryOptions {
  limit?: number;
  before?: CheckpointRef;
  filter?: Values;
}

export interface DrawnGraph {
  nodes: Record<string, { id: string; name?: string }>;
  edges: Array<{ source: string; target: string; conditional?: boolean; data?: unknown }>;
  /** Ours only: conditional edges without a path map, with the targets seen at run time. */
  dynamic?: Array<{ source: string; observed: string[] }>;
}

export interface CompiledGraph {
  invoke(input: unknown, config?: RunConfig): Promise<Values>;
  stream(input: unknown, config?: RunConfig): Promise<AsyncIterable<unknown>>;
  getState(config: CheckpointRef): Promise<Snapshot>;
  getStateHistory(config: CheckpointRef, options?: HistoryOptions): AsyncIterable<Snapshot>;
  updateState(config: CheckpointRef, values: unknown, asNode?: string): Promise<CheckpointRef>;
  getGraph(): DrawnGraph;
}

export interface CompileOptions {
  checkpointer?: unknown;
  interruptBefore?: string[] | "*";
  interruptAfter?: string[] | "*";
  debug?: boolean;
}

/** A node or router receives the state; `never` lets each scenario annotate its own state type. */
export type NodeFunction = (state: never, config: never) => unknown;

export interface GraphBuilder {
  addNode(name: string, fn: NodeFunction, options?: { ends?: string[]; retryPolicy?: Record<string, unknown> }): GraphBuilder;
  addEdge(from: string | string[], to: string): GraphBuilder;
  addConditionalEdges(source: string, router: NodeFunction, pathMap?: string[] | Record<string, string>): GraphBuilder;
  compile(options?: CompileOptions): CompiledGraph;
}

export interface ChannelSpec<T> {
  reducer: (left: T, update: never) => T;
  default?: () => T;
}

/** An opaque channel declaration, as `Annotation(...)` returns it. */
export type Channel = { readonly __channel?: unique symbol } | object;

export interface AnnotationFunction {
  <T>(spec?: ChannelSpec<T>): Channel;
  Root(channels: Record<string, Channel>): object;
}

export type ErrorClass = new (message?: string) => Error;

export interface Message {
  role?: string;
  content?: unknown;
  id?: string;
  tool_calls?: unknown[];
}

export interface GraphLib {
  StateGraph: new (schema: object) => GraphBuilder;
  Annotation: AnnotationFunction;
  START: string;
  END: string;
  INTERRUPT: string;
  MemorySaver: new () => object;
  interrupt: <R = unknown>(value: unknown) => R;
  Command: new (params: { resume?: unknown; update?: unknown; goto?: unknown }) => object;
  Send: new (node: string, args: unknown) => object;
  isInterrupted: (value: unknown) => boolean;
  MessagesAnnotation: object;
  messagesStateReducer: (left: Message[], right: Message | Message[]) => Message[];
  GraphRecursionError: ErrorClass;
  InvalidUpdateError: ErrorClass;
  EmptyInputError: ErrorClass;
  GraphValueError: ErrorClass;
  getConfig: () => { configurable?: Record<string, unknown> };
  getCurrentTaskInput: () => unknown;
  addMessages: (left: Message[], right: Message | Message[]) => Message[];
}

/**
 * The exported names every scenario may rely on; a missing one fails the scenario that reads it.
 * (`InMemorySaver` is not exported by @langchain/langgraph 1.7.3 itself, so the seed tests check it.)
 */
export const PUBLIC_NAMES: ReadonlyArray<keyof GraphLib> = [
  "StateGraph", "Annotation", "START", "END", "INTERRUPT", "MemorySaver", "interrupt",
  "Command", "Send", "isInterrupted", "MessagesAnnotation", "messagesStateReducer",
  "GraphRecursionError", "InvalidUpdateError", "EmptyInputError", "GraphValueError",
  "getConfig", "getCurrentTaskInput", "addMessages",
];

export type Scenario = (lib: GraphLib) => Promise<unknown>;
