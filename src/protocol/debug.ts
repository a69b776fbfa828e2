/**
 * The custom DAP requests and events of the `langgraph` debug adapter, as JSON shapes. The graph
 * panel (through the extension), the Checkpoints view and any other DAP client speak these; the
 * adapter answers them from the runner. Plain data only: no runtime or VS Code types, so the
 * webview can import this file too.
 */

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface GraphNodeView {
  id: string;
  /** Where `addNode` was called, when known. `__start__`/`__end__` have none. */
  source?: SourceLocation;
  /** Set for a node that is itself a compiled graph. */
  subgraph?: GraphView;
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
}

export interface NodeBreakpoints {
  before: string[];
  after: string[];
}

/** Request arguments and response bodies, by custom request name. */
export interface CustomRequests {
  graph: { args: Record<string, never>; body: GraphView };
  snapshot: { args: { checkpointId?: string }; body: SnapshotView };
  history: { args: Record<string, never>; body: { threadId: string; entries: HistoryEntry[] } };
  updateState: { args: { values: unknown; asNode?: string; checkpointId?: string }; body: { checkpointId: string; asNode: string } };
  resume: { args: { value?: unknown; values?: Record<string, unknown> }; body: Record<string, never> };
  replay: { args: { checkpointId: string }; body: Record<string, never> };
  fork: { args: { checkpointId: string; values: unknown; asNode?: string }; body: { checkpointId: string } };
  selectCheckpoint: { args: { checkpointId: string }; body: SnapshotView };
  setNodeBreakpoints: { args: NodeBreakpoints; body: NodeBreakpoints };
}

export type CustomRequestName = keyof CustomRequests;

/** Custom events: `graphState` on every stop and edit; `nodeBreakpoints` when the set changes. */
export interface CustomEvents {
  graphState: GraphStateEvent;
  nodeBreakpoints: NodeBreakpoints;
}
