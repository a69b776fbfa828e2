/**
 * Everything the panel knows, in one place: the graph, the last stop (`graphState`), the history,
 * threads, node breakpoints, the session status, and the checkpoint the person is viewing. Host
 * messages write here; each view subscribes to the topics it draws, so a `graphState` repaints
 * highlights, the state tree and the banner but never lays the graph out again.
 */
import type { GraphStateEvent, GraphView, HistoryEntry, NodeBreakpoints, SnapshotView } from "../src/protocol/debug";
import type { SessionStatus, ThreadSummary } from "../src/protocol/panel";
import { nodeAt, pathOfNamespace } from "./graph/levels";

export interface PanelData {
  graph?: GraphView;
  title?: string;
  state?: GraphStateEvent;
  /** From the host, when it knows which node `updateState` would act as. */
  defaultAsNode?: string;
  /** The pages of the thread's history read so far; `more`: older checkpoints remain. */
  history?: { threadId: string; entries: HistoryEntry[]; more?: boolean };
  threads?: { threads: ThreadSummary[]; current: string };
  breakpoints: NodeBreakpoints;
  session: { status: SessionStatus; message?: string };
  /** The checkpoint on screen: the stop's, or one picked in the timeline. */
  viewed?: SnapshotView;
}

export type Topic = "graph" | "state" | "history" | "threads" | "breakpoints" | "session" | "viewed";

type Listener = () => void;

export class Store {
  readonly data: PanelData = { breakpoints: { before: [], after: [] }, session: { status: "none" } };
  private readonly listeners = new Map<Topic, Listener[]>();

  on(topics: Topic[], listener: Listener): void {
    for (const topic of topics) this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  /** Writes the fields, then calls each listener of the touched topics once. */
  update(fields: Partial<PanelData>, topics: Topic[]): void {
    Object.assign(this.data, fields);
    const called = new Set<Listener>();
    for (const topic of topics) {
      for (const listener of this.listeners.get(topic) ?? []) {
        if (called.has(listener)) continue;
        called.add(listener);
        listener();
      }
    }
  }

  /** The snapshot on screen. */
  get snapshot(): SnapshotView | undefined {
    return this.data.viewed ?? this.data.state?.snapshot;
  }

  /** True when the viewed checkpoint is the thread's head (the past is for viewing and forking). */
  get atHead(): boolean {
    const { state } = this.data;
    const snapshot = this.snapshot;
    return !state || !snapshot || snapshot.checkpointId === state.headCheckpointId;
  }

  nodeIds(): string[] {
    return this.data.graph?.nodes.map((node) => node.id) ?? [];
  }

  /**
   * The graph level whose state is on screen: a checkpoint picked in the timeline is its own level
   * (a subgraph's checkpoint has its namespace); else the level of the stop (the Call Stack frame
   * chosen last, or the subgraph the run stopped in); else the root graph.
   */
  get level(): ViewedLevel {
    const { viewed, state } = this.data;
    if (viewed) return { snapshot: viewed, checkpointNs: viewed.checkpointNs ?? "", path: pathOfNamespace(viewed.checkpointNs) };
    if (state?.level) return { snapshot: state.level.snapshot, checkpointNs: state.level.checkpointNs, path: state.level.path.join("/") };
    return { snapshot: state?.snapshot, checkpointNs: "", path: "" };
  }

  /** The graph drawn for the level at `path` ("" is the root). */
  graphAt(path: string): GraphView | undefined {
    return path ? nodeAt(this.data.graph, path)?.subgraph : this.data.graph;
  }
}

export interface ViewedLevel {
  snapshot?: SnapshotView;
  /** "" for the root graph. */
  checkpointNs: string;
  /** The subgraph's node path (`research/search`), "" for the root graph. */
  path: string;
}
