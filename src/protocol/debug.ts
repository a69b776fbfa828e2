/**
 * The custom DAP requests and events of the `langgraph` debug adapter, as JSON shapes. The graph
 * panel (through the extension), the Checkpoints view and any other DAP client speak these; the
 * adapter answers them from the runner. Plain data only: no runtime or VS Code types, so the
 * webview can import this file too.
 */
import type { EngineInfo } from "./runner";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface GraphNodeView {
  id: string;
  /** Where `addNode` was called, when known. `__start__`/`__end__` have none. */
  source?: SourceLocation;
  /** Set for a node that is itself a compiled graph, or that was seen invoking one from its function. */
  subgraph?: GraphView;
  /** The subgraph is a graph the node's function invoked (known once the node has run), not the node itself. */
  invoked?: boolean;
}

export interface GraphEdgeView {
  source: string;
  target: string;
  conditional: boolean;
  /** The path-map key of a conditional edge, when it differs from the target. */
  label?: string;
}

/** A conditional edge with no path map: its targets are known only as the run goes. */
export interface DynamicRouteView {
  source: string;
  /** Targets seen so far at run time. */
  observed: string[];
}

export interface GraphView {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  dynamic: DynamicRouteView[];
  /** The state's channel names (added for the panel, which rejects edits to other keys). */
  stateKeys?: string[];
  /**
   * Other graphs the program compiles, not (yet) seen as nodes of this one: graphs a node may
   * invoke from its function. Their `addNode` lines take breakpoints, named `<key>/<node>`.
   */
  otherGraphs?: OtherGraphView[];
  /** Where this graph was compiled (`@file:line:column`): breakpoints name its nodes `<key>/<node>` wherever it runs. */
  graphKey?: string;
  /** The engine that runs the graph (the root graph's view only), for the panel's header. */
  engine?: EngineInfo;
}

export interface OtherGraphView {
  /** How breakpoint lists name the graph wherever it runs nested: `@<file>:<line>:<column>` of its `compile()`. */
  key: string;
  graph: GraphView;
}

export interface InterruptView {
  id: string;
  value: unknown;
}

export interface TaskView {
  id: string;
  name: string;
  path: unknown[];
  input?: unknown;
  interrupts: InterruptView[];
  error?: { message: string; name: string };
  result?: unknown;
  /** For a subgraph task: the checkpoint namespace its subgraph runs under (`research:<taskId>`). */
  checkpointNs?: string;
  /** For a subgraph task whose subgraph has a checkpoint: the subgraph's own snapshot at this moment. */
  state?: SnapshotView;
  /** In a `graphState` event: `input` was too large to carry and is left out (the `snapshot` request has it). */
  inputOmitted?: boolean;
}

export type CheckpointSourceView = "input" | "loop" | "update" | "fork";

export interface SnapshotView {
  threadId: string;
  checkpointId: string;
  parentCheckpointId?: string;
  values: Record<string, unknown>;
  next: string[];
  tasks: TaskView[];
  metadata: { source: CheckpointSourceView; step: number; [key: string]: unknown };
  createdAt: string;
  /** The checkpoint namespace of this snapshot: absent for the root graph, `research:<taskId>` inside a subgraph. */
  checkpointNs?: string;
  /**
   * On the root snapshot the debugger shows: the namespace of the subgraph level it is at (the
   * deepest subgraph with work pending, or the subgraph checkpoint travelled to); absent at the root.
   */
  focusNs?: string;
  /**
   * In a `graphState` event: `values` was too large to carry at every stop and is left out (empty);
   * the `values` (or `snapshot`) request for this checkpoint gives it.
   */
  valuesOmitted?: boolean;
}

/** One level of a nested snapshot: a subgraph (or the root graph) at the moment shown. */
export interface LevelView {
  /** "" for the root graph. */
  checkpointNs: string;
  /** The subgraph nodes from the root down to this level (`["research"]`); empty for the root. */
  path: string[];
  /** The level's own snapshot: its state, its pending tasks, its checkpoint. */
  snapshot: SnapshotView;
}

/** One checkpoint in the thread's tree; `parentId` links the branches. */
export interface HistoryEntry {
  checkpointId: string;
  parentId?: string;
  step: number;
  source: CheckpointSourceView;
  /** The node (or nodes) whose writes made this checkpoint, or "input"/"update" sources. */
  writtenBy: string[];
  next: string[];
  createdAt: string;
  /** The namespace of a subgraph's checkpoint; absent for the root graph's. */
  checkpointNs?: string;
  /** For a subgraph's checkpoint: the checkpoint of each enclosing graph it ran under, by namespace. */
  parents?: Record<string, string>;
}

/** Why the run is stopped, as the panel needs to tell a breakpoint from a question. */
export type StopKind = "entry" | "breakpoint-before" | "breakpoint-after" | "interrupt" | "error" | "pause" | "step" | "end";

export interface GraphStateEvent {
  threadId: string;
  /** The checkpoint the views show (the head unless the user travelled back). */
  checkpointId: string;
  headCheckpointId: string;
  stop: StopKind;
  /** Nodes running now (empty while stopped). */
  running: string[];
  snapshot: SnapshotView;
  /** What the session is doing: running, stopped, waiting for an `interrupt()` answer, or ended. */
  status?: "idle" | "running" | "stopped" | "waiting" | "ended";
  /** The stop in words, as the Call Stack shows it (`Paused before tools`). */
  description?: string;
  /**
   * The subgraph level the views are at (the Call Stack frame selected last, else `snapshot.focusNs`),
   * with its own snapshot; absent when that is the root graph.
   */
  level?: LevelView;
}

export interface NodeBreakpoints {
  before: string[];
  after: string[];
}

/** Request arguments and response bodies, by custom request name. */
export interface CustomRequests {
  graph: { args: Record<string, never>; body: GraphView };
  /** With `checkpointNs`: that subgraph's own snapshot (its checkpoint in view, or the one named). */
  snapshot: { args: { checkpointId?: string; checkpointNs?: string }; body: SnapshotView };
  /**
   * The state of one checkpoint alone (what a `graphState` event left out). With `clip`, strings
   * longer than that are cut to it and `clipped` says whether any was: a view draws a large state
   * at once from a small part of it, then asks for the whole.
   */
  values: { args: { checkpointId: string; checkpointNs?: string; clip?: number }; body: { values: Record<string, unknown>; clipped: boolean } };
  /** With `checkpointNs`: the checkpoints of that subgraph namespace. */
  /**
   * With `subgraphs`, the checkpoints of the subgraph runs below follow (each with `checkpointNs` and `parents`).
   * Paged with `limit` (the newest that many of the namespace) and `before` (older than that
   * checkpoint id); with `subgraphs`, a page holds the subgraph runs of its own checkpoints. `more`
   * says whether older checkpoints remain (set when `limit` is given).
   */
  history: {
    args: { checkpointNs?: string; subgraphs?: boolean; limit?: number; before?: string };
    body: { threadId: string; entries: HistoryEntry[]; checkpointNs?: string; more?: boolean };
  };
  updateState: { args: { values: unknown; asNode?: string; checkpointId?: string; checkpointNs?: string }; body: { checkpointId: string; asNode: string } };
  resume: { args: { value?: unknown; values?: Record<string, unknown> }; body: Record<string, never> };
  /** A subgraph's checkpoint replays from there, not from the subgraph's start; the namespace is found when not given. */
  replay: { args: { checkpointId: string; checkpointNs?: string }; body: Record<string, never> };
  fork: { args: { checkpointId: string; values: unknown; asNode?: string; checkpointNs?: string }; body: { checkpointId: string } };
  /** Moves the views to any checkpoint, a subgraph's too; answers with that checkpoint's own snapshot. */
  selectCheckpoint: { args: { checkpointId: string; checkpointNs?: string }; body: SnapshotView };
  setNodeBreakpoints: { args: NodeBreakpoints; body: NodeBreakpoints };
}

export type CustomRequestName = keyof CustomRequests;

/** Custom events: `graphState` on every stop and edit; `nodeBreakpoints` when the set changes. */
export interface CustomEvents {
  graphState: GraphStateEvent;
  nodeBreakpoints: NodeBreakpoints;
  /** The graph's view changed during a run: a node invoked a graph (now drawn under it), a dynamic route took a new target. */
  graph: GraphView;
}
