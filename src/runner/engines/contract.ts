/**
 * The one engine contract: what the runner needs from whatever LangGraph runs the user's graph.
 * Two engines implement it, each in its own folder: `workspace` (the `@langchain/langgraph` the
 * user installed, their program loaded unchanged) and `builtin` (our engine in src/runtime). The
 * runner's other modules (run, inspect, views, levels) speak only this contract, plus the public
 * LangGraph API that both engines' compiled graphs share (`CompiledGraph` in ./graph-api). An
 * engine says what it can do in `capabilities`, so the adapter asks instead of assuming, and
 * every difference reaches the user where they meet it.
 */
import type { GraphView } from "../../protocol/debug";
import type { EngineInfo, InterruptList, LoadParams } from "../../protocol/runner";
import type { CompiledGraph } from "./graph-api";

export type { EngineCapabilities, EngineInfo, EngineKind } from "../../protocol/runner";

/** A reducer of a state key: `(current, update) => next`. */
export type Reducer = (current: unknown, update: unknown) => unknown;

/** One graph level (the root graph, or a subgraph at a namespace), for reading and editing its state. */
export interface GraphLevel {
  /** The compiled graph that owns the level's checkpoints. */
  graph: CompiledGraph;
  /** The level's nodes, without `__start__` and `__end__`. */
  nodeNames(): string[];
  /** The state's keys. */
  stateKeys(): string[];
  /** The reducer of a key that has one (a key without one takes the last value written). */
  reducerOf(key: string): Reducer | undefined;
}

/** What a run reports through the engine, besides its stream. */
export interface RunHooks {
  /** Aborted when the user asks to pause: stop at the next superstep boundary, at every depth. */
  pause: AbortSignal;
  /** Aborted when the run must end now. */
  abort: AbortSignal;
  /** A task starts, before its node's first line runs (`namespace`: its graph's namespace, "" for the root). */
  taskStarted(task: { id: string; name: string; namespace: string }): void;
  /** A task whose start was reported ended. */
  taskEnded(id: string): void;
  /** Something the user should know about this run, for the Debug Console. */
  note(text: string): void;
}

/** The engine-specific part of a run's config (pause, abort, progress), merged into the stream call. */
export interface RunSetup {
  options: Record<string, unknown>;
  /** Whether the engine reports this task's start itself (else the run reports it from the stream). */
  reportsStart(namespace: string[], name: string): boolean;
  /** Whether an error thrown by the stream is the engine's way of ending a pause (not a failure). */
  isPauseEnd(error: unknown): boolean;
  /** Undo what the setup did to the graphs (listeners, patched lists); called once the run ends. */
  dispose(): void;
}

/** The graph a program exports, loaded and compiled again with our checkpointer. */
export interface LoadedProgram {
  exportName: string;
  /** Every export that is a graph (builder or compiled). */
  graphExports: string[];
  /** The root graph, with the FileSaver of the session as its checkpointer. */
  graph: CompiledGraph;
  /** The breakpoints compiled into the user's graph (`compile({interruptBefore})`), kept for every run. */
  userInterrupts: { before: InterruptList; after: InterruptList };
  /** Milliseconds spent building or loading the program. */
  loadMs: number;
  /** The graph as the panel draws it and breakpoints name it (subgraphs nested, other compiled graphs listed). */
  view(): GraphView;
  /** The level owning checkpoint namespace `ns` ("" or absent: the root). */
  level(ns?: string): GraphLevel;
  /** The run config the engine needs for breakpoints (by path at every depth), pause, abort and progress. */
  runSetup(hooks: RunHooks, lists: { before: InterruptList; after: InterruptList }): RunSetup;
  /** LangGraph's `Command`, as this engine's class. */
  command(fields: { resume?: unknown; update?: unknown; goto?: unknown }): unknown;
  /** LangGraph's `Overwrite` (write past a reducer), when this engine has it. */
  readonly overwrite: ((value: unknown) => unknown) | undefined;
}

export interface Engine {
  readonly info: EngineInfo;
  load(params: LoadParams): Promise<LoadedProgram>;
}
