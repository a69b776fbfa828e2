/**
 * The custom `graphState` event, built from where the session is: the root snapshot in view (its
 * subgraph tasks carrying their subgraph's snapshot, so the panel can highlight every depth), the
 * head, what runs, why it stopped, and the subgraph level the views are at (the Call Stack frame
 * selected last, else the snapshot's focus) with that level's own snapshot. Large values are left
 * out of it (event-budget.ts), so an event costs the same however much the state has grown.
 */
import type { GraphStateEvent, SnapshotView } from "../protocol/debug";
import type { Status } from "./controller";
import { withinBudget } from "./event-budget";
import { focusLevel, levelOf } from "./levels";
import type { StopInfo } from "./stop-reason";

export interface GraphStateSource {
  threadId: string;
  status: Status;
  head: SnapshotView | null;
  view: SnapshotView | null;
  running: string[];
  lastStop: StopInfo | undefined;
  selectedNs: string | undefined;
}

export function graphStateEvent(source: GraphStateSource): GraphStateEvent {
  const snapshot = withinBudget(source.view ?? source.head ?? notStarted(source.threadId));
  const stop = source.status === "ended" ? "end" : source.lastStop?.kind ?? (source.status === "waiting" ? "interrupt" : "pause");
  const level = (source.selectedNs !== undefined ? levelOf(snapshot, source.selectedNs) : undefined) ?? focusLevel(snapshot);
  return {
    threadId: source.threadId,
    checkpointId: snapshot.checkpointId,
    headCheckpointId: source.head?.checkpointId ?? snapshot.checkpointId,
    stop,
    running: source.status === "running" ? source.running : [],
    snapshot,
    status: source.status,
    ...(source.lastStop ? { description: source.lastStop.description } : {}),
    ...(level.checkpointNs ? { level } : {}),
  };
}

/** What the panel is shown before a new thread has its first checkpoint. */
function notStarted(threadId: string): SnapshotView {
  return { threadId, checkpointId: "", values: {}, next: [], tasks: [], metadata: { source: "input", step: -1 }, createdAt: "" };
}
