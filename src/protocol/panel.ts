/**
 * The messages between the extension host and the graph panel webview. The host forwards the
 * adapter's custom events (`graphState`, `nodeBreakpoints`) and request answers; the panel asks for
 * changes with requests that carry a `requestId`, and every request gets exactly one `reply` (ok with
 * the adapter's body, or an error the panel shows next to the control that sent it). The panel opens
 * the conversation with `ready`; the host answers with the current graph, breakpoints, threads,
 * history and state, and does so again whenever the webview is recreated (hidden and shown).
 * Plain JSON only, so both sides (and the tests) can import it.
 */
import type {
  CustomRequests, GraphStateEvent, GraphView, HistoryEntry, NodeBreakpoints, SnapshotView, SourceLocation,
} from "./debug";
import type { HistoryPage } from "./history";

/** Bumped when a message changes shape; the host can refuse a panel built for another version. */
export const PANEL_PROTOCOL_VERSION = 1;

export interface ThreadSummary {
  threadId: string;
  /** Shown instead of the id when set (e.g. "t-1 (this session)"). */
  label?: string;
}

/** What the run is doing, for the banner when no stop is being shown. */
export type SessionStatus = "none" | "running" | "stopped" | "ended";

/** Host -> panel. */
export type HostToPanel =
  | { type: "graph"; graph: GraphView; title?: string }
  | {
      type: "graphState";
      state: GraphStateEvent;
      /** The node `updateState` would act as when none is given; the panel infers it from history if absent. */
      defaultAsNode?: string;
    }
  /** The newest page of the thread's history; `more`: older checkpoints remain (the timeline offers them). */
  | { type: "history"; threadId: string; entries: HistoryEntry[]; more?: boolean }
  | { type: "threads"; threads: ThreadSummary[]; current: string }
  | { type: "nodeBreakpoints"; breakpoints: NodeBreakpoints }
  | { type: "session"; status: SessionStatus; message?: string }
  | PanelReply;

/** The answer to one panel request. `body` is the adapter's response body for adapter requests. */
export type PanelReply =
  | { type: "reply"; requestId: string; ok: true; body?: unknown }
  | { type: "reply"; requestId: string; ok: false; error: string };

/** Requests the host forwards to the adapter as custom DAP requests of the same name. */
export type AdapterRequestName = "updateState" | "resume" | "replay" | "fork" | "selectCheckpoint" | "setNodeBreakpoints" | "values";

export type AdapterRequest = {
  [K in AdapterRequestName]: { type: K; requestId: string; args: CustomRequests[K]["args"] };
}[AdapterRequestName];

/** Requests the host handles itself. */
export type HostRequest =
  | { type: "openSource"; requestId: string; node: string; source: SourceLocation }
  | { type: "switchThread"; requestId: string; threadId: string }
  /** The page of the thread's history older than checkpoint `before` (root graph), with its subgraph runs. */
  | { type: "loadHistory"; requestId: string; threadId: string; before: string };

/** Panel -> host. */
export type PanelToHost = { type: "ready"; version: number } | AdapterRequest | HostRequest;

export type PanelRequest = AdapterRequest | HostRequest;

/** The reply body the panel expects for each request that has one. */
export interface PanelReplyBodies {
  updateState: CustomRequests["updateState"]["body"];
  resume: CustomRequests["resume"]["body"];
  replay: CustomRequests["replay"]["body"];
  fork: CustomRequests["fork"]["body"];
  selectCheckpoint: SnapshotView;
  setNodeBreakpoints: NodeBreakpoints;
  /** A checkpoint's state, which a `graphState` event left out for its size. */
  values: CustomRequests["values"]["body"];
  openSource: undefined;
  switchThread: undefined;
  loadHistory: HistoryPage;
}

const ADAPTER_REQUESTS: ReadonlySet<string> = new Set<AdapterRequestName>([
  "updateState", "resume", "replay", "fork", "selectCheckpoint", "setNodeBreakpoints", "values",
]);

export function isAdapterRequest(message: PanelToHost): message is AdapterRequest {
  return ADAPTER_REQUESTS.has(message.type);
}

/**
 * Checks the envelope of a message that came from the webview (the host must not trust it):
 * returns the typed message, or a sentence saying what is wrong. Argument shapes are checked by
 * the adapter, which already validates every custom request.
 */
export function parsePanelMessage(raw: unknown): PanelToHost | string {
  if (typeof raw !== "object" || raw === null) return "panel message is not an object";
  const message = raw as Record<string, unknown>;
  if (message.type === "ready") {
    return typeof message.version === "number" ? (message as PanelToHost) : "ready without a protocol version";
  }
  if (typeof message.type !== "string") return "panel message has no type";
  if (typeof message.requestId !== "string") return `panel request ${message.type} has no requestId`;
  if (ADAPTER_REQUESTS.has(message.type)) {
    return typeof message.args === "object" && message.args !== null
      ? (message as PanelToHost) : `panel request ${message.type} has no args object`;
  }
  if (message.type === "openSource") {
    const source = message.source as Partial<SourceLocation> | undefined;
    return typeof message.node === "string" && typeof source?.file === "string" && typeof source.line === "number"
      ? (message as PanelToHost) : "openSource needs a node and a source {file, line, column}";
  }
  if (message.type === "switchThread") {
    return typeof message.threadId === "string" ? (message as PanelToHost) : "switchThread needs a threadId";
  }
  if (message.type === "loadHistory") {
    return typeof message.threadId === "string" && typeof message.before === "string" ? (message as PanelToHost) : "loadHistory needs a threadId and a before";
  }
  return `unknown panel message type ${JSON.stringify(message.type)}`;
}
