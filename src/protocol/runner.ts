/**
 * The typed RPC between the debug adapter and its runner child process. Messages travel over the
 * Node IPC channel of `child_process.fork` as JSON: the adapter sends requests, the runner answers
 * each one by id and also sends events (progress while a run goes on). Everything here is plain
 * data; state values are made JSON-safe by the runner before they cross.
 */
import type { GraphView, HistoryEntry, InterruptView, SnapshotView, SourceLocation } from "./debug";
import type { Patch } from "./value-delta";

export interface LoadParams {
  /** The graph module (TypeScript or JavaScript), absolute. */
  program: string;
  /** The export to debug; needed only when the module exports several graphs. */
  graph?: string;
  checkpointDir: string;
  /** Which LangGraph runs the graph; `auto` (the default): the workspace's when it resolves, else ours. */
  engine?: EngineChoice;
}

/** The `engine` launch attribute's values. */
export const ENGINE_CHOICES = ["auto", "workspace", "builtin"] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];
export type EngineKind = Exclude<EngineChoice, "auto">;

/** What an engine can do; the adapter and the panel ask these instead of assuming. */
export interface EngineCapabilities {
  /**
   * How Pause stops a run: `boundary`, at the next superstep boundary; `abort`, the step in flight
   * is abandoned and the run resumes from the last checkpoint (its finished tasks' writes are kept).
   */
  pause: "boundary" | "abort";
  /** `addNode` call sites are known, so gutter lines map to nodes. */
  callSites: boolean;
  /** The seed's "an edit made while a node waits in `interrupt()` answers it" (LangGraph.js re-runs the node instead). */
  resumeThroughEdit: boolean;
  /**
   * A run can go on from a chosen past checkpoint inside a subgraph. Without it, the run forks at
   * the checkpoint of the root graph the subgraph ran under, and the engine replays the subgraph.
   */
  replayInsideSubgraph: boolean;
}

/** Which engine runs the graph, for the Debug Console's first line and the panel's header. */
export interface EngineInfo {
  kind: EngineKind;
  /** `@langchain/langgraph`'s version for the workspace engine; ours for the builtin. */
  version: string;
  /** Where the workspace's `@langchain/langgraph` was found. */
  packageDir?: string;
  capabilities: EngineCapabilities;
  /** Why this engine was picked (`auto` found no LangGraph.js in the workspace, say). */
  reason: string;
}

export interface LoadResult {
  /** The export that was picked. */
  exportName: string;
  /** Every export that is a graph (builder or compiled). */
  graphExports: string[];
  graph: GraphView;
  /** Breakpoints compiled into the user's graph (`compile({interruptBefore})`): the runner adds them to every run. */
  compiledInterrupts: { before: InterruptList; after: InterruptList };
  /** Time spent building and loading the module. */
  bundleMs: number;
  /** The engine that runs the graph. */
  engine: EngineInfo;
}

export type InterruptList = string[] | "*";

export interface RunParams {
  threadId: string;
  /** New input for the thread. Absent: continue from where the thread is (`invoke(null)`). */
  input?: unknown;
  /** Answer pending `interrupt()` calls: `Command({resume})` (a value, or a map by interrupt id). */
  resume?: { value: unknown } | { values: Record<string, unknown> };
  /** Run from this (past) checkpoint: LangGraph's replay, which forks the thread there. */
  checkpointId?: string;
  /** The namespace of `checkpointId` when it is a subgraph's: the replay continues inside that subgraph. */
  checkpointNs?: string;
  interruptBefore: InterruptList;
  interruptAfter: InterruptList;
  recursionLimit?: number;
  /** Values the run gets in `config.configurable`, beside the thread and checkpoint. */
  configurable?: Record<string, unknown>;
}

export interface ErrorView {
  name: string;
  message: string;
  stack?: string;
  /** The node whose task threw, when the error came from a node (`research/search` inside a subgraph). */
  node?: string;
  /** The first frame of the stack in user code (TypeScript line under source maps). */
  location?: SourceLocation;
}

export interface RunOutcome {
  /** `stopped`: the run paused with work left (breakpoint, interrupt, pause); `done`: it reached the end. */
  status: "stopped" | "done" | "error" | "aborted";
  /** The thread's head after the run. */
  snapshot: SnapshotView | null;
  /** Interrupts raised by `interrupt()` in the last step (empty for a static breakpoint). */
  interrupts: InterruptView[];
  /** The run ended on an `__interrupt__` chunk: a static breakpoint or a dynamic interrupt. */
  interrupted: boolean;
  /** Nodes whose tasks finished in the last step that ran, by path (`research/search` inside a subgraph). */
  lastRan: string[];
  /** The pause signal had been set when the run ended. */
  paused: boolean;
  error?: ErrorView;
  /** Supersteps run by this call. */
  steps: number;
  /** The graph's view, when the run changed it (a node invoked a graph, a dynamic route took a new target). */
  graph?: GraphView;
}

export interface ThreadAddress {
  threadId: string;
  /** A checkpoint of the thread; absent: its head. */
  checkpointId?: string;
  /**
   * The checkpoint namespace of a subgraph ("" for the root graph). `getState` always answers with
   * the root snapshot, the addressed subgraph checkpoint nested in it and in focus; without a
   * namespace, a subgraph checkpoint id is found in whichever namespace holds it.
   */
  checkpointNs?: string;
}

export interface EditResult {
  checkpointId: string;
  /** The node the update was written as (the one the engine chose when none was given). */
  asNode: string;
}

export interface EvaluateResult {
  value: unknown;
  /** `typeof`, or the class name of an object. */
  type: string;
}

/** Request parameters and results, by method name. */
export interface RunnerMethods {
  load: { params: LoadParams; result: LoadResult };
  graph: { params: Record<string, never>; result: GraphView };
  run: { params: RunParams; result: RunOutcome };
  /** Stop the current run at the next superstep boundary. */
  pause: { params: Record<string, never>; result: { running: boolean } };
  /** End the current run now (the step in flight is abandoned). */
  abort: { params: Record<string, never>; result: { running: boolean } };
  getState: { params: ThreadAddress; result: SnapshotView | null };
  /**
   * With `subgraphs`, the checkpoints of every subgraph run below the namespace follow its own.
   * `limit` and `before` page the namespace's checkpoints, newest first (see CustomRequests["history"]).
   */
  history: { params: { threadId: string; checkpointNs?: string; subgraphs?: boolean; limit?: number; before?: string }; result: HistoryEntry[] };
  updateState: { params: ThreadAddress & { values: unknown; asNode?: string }; result: EditResult };
  /** Set one value inside the state: `path` from the state key down; `text` is JSON or a JS expression. */
  editValue: { params: ThreadAddress & { path: Array<string | number>; text: string }; result: EditResult & { value: unknown } };
  /** A JavaScript expression over `state` and `snapshot`, evaluated in the runner. */
  evaluate: { params: ThreadAddress & { expression: string }; result: EvaluateResult };
  shutdown: { params: Record<string, never>; result: Record<string, never> };
}

export type RunnerMethod = keyof RunnerMethods;

export type RunnerRequest = {
  [M in RunnerMethod]: { kind: "request"; id: number; method: M; params: RunnerMethods[M]["params"] };
}[RunnerMethod];

export interface RunnerFailure {
  name: string;
  message: string;
  stack?: string;
}

export type RunnerResponse =
  | { kind: "response"; id: number; ok: true; result: unknown }
  /** A `run` or `getState` answer, as its difference from the previous answer of `method` (value-delta.ts). */
  | { kind: "response"; id: number; ok: true; method: RunnerMethod; delta: Patch }
  | { kind: "response"; id: number; ok: false; error: RunnerFailure };

/** What the runner reports on its own while a run goes on. */
export interface RunnerEvents {
  /** The tasks running now: sent when a task starts, and `PROGRESS_INTERVAL_MS` after tasks end. */
  progress: { step: number; running: string[] };
}

export type RunnerEvent = {
  [E in keyof RunnerEvents]: { kind: "event"; event: E; body: RunnerEvents[E] };
}[keyof RunnerEvents];

export type RunnerMessage = RunnerResponse | RunnerEvent;

export const PROGRESS_INTERVAL_MS = 100;
