/**
 * The graph panel's host logic, between the webview and a `langgraph` debug session: it answers
 * the panel's `ready` with everything the panel shows (graph, breakpoints, threads, history, the
 * last stop), forwards the panel's requests to the adapter as custom DAP requests and answers each
 * with exactly one reply, passes the adapter's `graphState` and `nodeBreakpoints` events on, and
 * refreshes the history after every stop. Breakpoint toggles do not go to the adapter: they become
 * editor breakpoints (through `host.setNodeBreakpoints`), which VS Code then sends to the adapter,
 * so the gutter, the Breakpoints view and the panel show one set. No VS Code import: panelHost.ts
 * gives it a webview and a session; the tests give it a real adapter over DAP.
 */
import type { CustomRequestName, CustomRequests, GraphStateEvent, GraphView, NodeBreakpoints, SourceLocation } from "../protocol/debug";
import { HISTORY_PAGE_SIZE, type HistoryPage } from "../protocol/history";
import {
  HostToPanel, PANEL_PROTOCOL_VERSION, PanelRequest, SessionStatus, ThreadSummary, isAdapterRequest, parsePanelMessage,
} from "../protocol/panel";

/** A debug session, as far as the panel needs one. */
export interface AdapterLink {
  customRequest<N extends CustomRequestName>(name: N, args: CustomRequests[N]["args"]): Promise<CustomRequests[N]["body"]>;
}

/** What only the editor can do for the panel. */
export interface PanelEditor {
  post(message: HostToPanel): void;
  nodeBreakpoints(): NodeBreakpoints;
  setNodeBreakpoints(wanted: NodeBreakpoints): Promise<NodeBreakpoints>;
  openSource(node: string, source: SourceLocation): Promise<void>;
  switchThread(threadId: string): Promise<void>;
  listThreads(): Promise<ThreadSummary[]>;
  /** A page of a thread's history read from the store (after a session ended, the adapter can no longer answer): the newest, or the one older than `before`. */
  storedHistory(threadId: string, before?: string): Promise<HistoryPage>;
  /** The graph on screen changed: its `addNode` sites decide which gutter lines are node breakpoints. */
  graphShown(graph: GraphView | undefined): void;
  /** Where a message that cannot be handled is reported (the output channel). */
  log(text: string): void;
}

export const NO_SESSION = "No LangGraph debug session is running: press F5 on the graph file (or pick a thread in the Checkpoints view) to start one.";

export class PanelBridge {
  private session: AdapterLink | undefined;
  private graph: GraphView | undefined;
  private title: string | undefined;
  private lastState: GraphStateEvent | undefined;
  private status: SessionStatus = "none";
  private statusMessage: string | undefined;
  private ready = false;
  private historyRefresh: Promise<void> | undefined;
  private historyStale = false;

  constructor(private readonly editor: PanelEditor) {}

  /** Follows a session (or none); the last stop it already reported may come along. */
  async attach(session: AdapterLink | undefined, lastState?: GraphStateEvent, title?: string): Promise<void> {
    this.session = session;
    this.lastState = lastState;
    this.title = title;
    this.graph = undefined;
    this.editor.graphShown(undefined);
    this.status = session ? (lastState ? statusOf(lastState) : "running") : "none";
    this.statusMessage = undefined;
    if (this.ready) await this.sendAll();
  }

  /** Shows a graph loaded without a session (the panel command on a graph file). */
  showGraph(graph: GraphView, title: string): void {
    this.graph = graph;
    this.title = title;
    this.editor.graphShown(graph);
    if (this.ready) {
      this.editor.post({ type: "graph", graph, title });
      this.editor.post({ type: "nodeBreakpoints", breakpoints: this.editor.nodeBreakpoints() });
    }
  }

  get hasSession(): boolean {
    return this.session !== undefined;
  }

  /** The webview went away (closed, or hidden without retained context): wait for its next `ready`. */
  panelGone(): void {
    this.ready = false;
  }

  async receive(raw: unknown): Promise<void> {
    const message = parsePanelMessage(raw);
    if (typeof message === "string") return this.editor.log(`Graph panel: ${message}`);
    if (message.type === "ready") {
      if (message.version !== PANEL_PROTOCOL_VERSION) {
        this.editor.log(`Graph panel speaks protocol ${message.version}, the host ${PANEL_PROTOCOL_VERSION}: rebuild the extension.`);
      }
      this.ready = true;
      return this.sendAll();
    }
    await this.answer(message);
  }

  onGraphState(event: GraphStateEvent): void {
    // A graph the adapter could not give earlier (its runner was busy in a node) is asked for again.
    if (!this.graph && this.session && this.ready) void this.sendGraph(this.session);
    this.lastState = event;
    this.status = statusOf(event);
    this.post({ type: "graphState", state: event });
    this.post({ type: "session", status: this.status, ...(event.description ? { message: event.description } : {}) });
    this.refreshHistory();
  }

  /** The session's graph changed in a run (a node invoked a graph, now drawn inside it). */
  onGraph(graph: GraphView): void {
    this.graph = graph;
    this.editor.graphShown(graph);
    this.post({ type: "graph", graph, ...(this.title ? { title: this.title } : {}) });
  }

  onNodeBreakpoints(breakpoints: NodeBreakpoints): void {
    this.post({ type: "nodeBreakpoints", breakpoints });
  }

  sessionEnded(message?: string): void {
    this.session = undefined;
    this.status = "ended";
    this.statusMessage = message;
    this.post({ type: "session", status: "ended", ...(message ? { message } : {}) });
    void this.sendFinalHistory();
  }

  /** The run's last checkpoints, which the adapter's history answer may have missed, from the store. */
  private async sendFinalHistory(): Promise<void> {
    const threadId = this.lastState?.threadId;
    if (!threadId) return;
    try {
      await this.historyRefresh;
      const { entries, more } = await this.editor.storedHistory(threadId);
      if (entries.length > 0 && !this.session) this.post({ type: "history", threadId, entries, more });
    } catch (error) {
      this.editor.log(`Graph panel: could not read the thread's history from the store: ${(error as Error).message}`);
    }
  }

  private async answer(request: PanelRequest): Promise<void> {
    try {
      const body = await this.perform(request);
      this.post({ type: "reply", requestId: request.requestId, ok: true, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      this.post({ type: "reply", requestId: request.requestId, ok: false, error: (error as Error).message });
    }
  }

  private async perform(request: PanelRequest): Promise<unknown> {
    if (request.type === "setNodeBreakpoints") return this.editor.setNodeBreakpoints(request.args);
    if (request.type === "openSource") return void (await this.editor.openSource(request.node, this.reportedSite(request.source)));
    if (request.type === "switchThread") return void (await this.editor.switchThread(request.threadId));
    if (request.type === "loadHistory") return this.historyPage(request.threadId, request.before);
    if (!isAdapterRequest(request)) throw new Error(`Unknown request ${(request as { type: string }).type}.`);
    const session = this.requireSession();
    const link = session.customRequest as (name: string, args: unknown) => Promise<unknown>;
    return link.call(session, request.type, request.args);
  }

  /**
   * The panel may only open an `addNode` call site the graph on screen reports: its messages come
   * from a webview, and a file path taken from one as it is would let any page open any file.
   */
  private reportedSite(asked: SourceLocation): SourceLocation {
    const site = this.graph && callSites(this.graph).find((known) => known.file === asked.file && known.line === asked.line && known.column === asked.column);
    if (!site) throw new Error(`${asked.file}:${asked.line}:${asked.column} is not a call site of the graph shown: only the addNode lines the debugger reported open.`);
    return site;
  }

  private requireSession(): AdapterLink {
    if (!this.session) throw new Error(NO_SESSION);
    return this.session;
  }

  /** Everything the panel shows, in the order it draws best: graph first, then what lies on it. */
  private async sendAll(): Promise<void> {
    const session = this.session;
    if (session) await this.sendGraph(session);
    else if (this.graph) this.post({ type: "graph", graph: this.graph, ...(this.title ? { title: this.title } : {}) });
    this.post({ type: "nodeBreakpoints", breakpoints: this.editor.nodeBreakpoints() });
    await this.sendThreads();
    if (session) await this.sendHistory(session);
    if (this.lastState) this.post({ type: "graphState", state: this.lastState });
    this.post({ type: "session", status: this.status, ...(this.statusMessage ? { message: this.statusMessage } : {}) });
  }

  private async sendThreads(): Promise<void> {
    try {
      const threads = await this.editor.listThreads();
      const current = this.lastState?.threadId ?? "";
      const labelled = threads.map((thread) => (thread.threadId === current ? { ...thread, label: thread.label ?? `${thread.threadId} (this session)` } : thread));
      if (current && !labelled.some((thread) => thread.threadId === current)) labelled.unshift({ threadId: current, label: `${current} (this session)` });
      this.post({ type: "threads", threads: labelled, current });
    } catch (error) {
      this.editor.log(`Graph panel: could not list the threads: ${(error as Error).message}`);
    }
  }

  private async sendGraph(session: AdapterLink): Promise<void> {
    try {
      const graph = await session.customRequest("graph", {});
      if (session !== this.session) return;
      this.graph = graph;
      this.editor.graphShown(graph);
      this.post({ type: "graph", graph, ...(this.title ? { title: this.title } : {}) });
    } catch (error) {
      this.editor.log(`Graph panel: the adapter did not give the graph: ${(error as Error).message}`);
    }
  }

  /** A page of the thread's history: from the session while it shows the thread, else from the store. */
  private async historyPage(threadId: string, before?: string): Promise<HistoryPage> {
    const session = this.session;
    if (!session || this.lastState?.threadId !== threadId) return this.editor.storedHistory(threadId, before);
    const history = await session.customRequest("history", { subgraphs: true, limit: HISTORY_PAGE_SIZE, ...(before ? { before } : {}) });
    return { entries: history.entries, more: history.more === true };
  }

  private async sendHistory(session: AdapterLink): Promise<void> {
    try {
      const history = await session.customRequest("history", { subgraphs: true, limit: HISTORY_PAGE_SIZE });
      if (session === this.session) this.post({ type: "history", threadId: history.threadId, entries: history.entries, more: history.more === true });
    } catch (error) {
      this.editor.log(`Graph panel: could not read the history: ${(error as Error).message}`);
    }
  }

  /** One history read at a time; stops that arrive meanwhile cause one more read after it. */
  private refreshHistory(): void {
    if (!this.ready || !this.session) return;
    if (this.historyRefresh) {
      this.historyStale = true;
      return;
    }
    const session = this.session;
    this.historyRefresh = this.sendHistory(session).finally(() => {
      this.historyRefresh = undefined;
      if (this.historyStale) {
        this.historyStale = false;
        this.refreshHistory();
      }
    });
  }

  private post(message: HostToPanel): void {
    if (this.ready) this.editor.post(message);
  }
}

/** Every source location a graph view reports: its nodes', its subgraphs' and its other graphs'. */
function callSites(graph: GraphView): SourceLocation[] {
  return [
    ...graph.nodes.flatMap((node) => [...(node.source ? [node.source] : []), ...(node.subgraph ? callSites(node.subgraph) : [])]),
    ...(graph.otherGraphs ?? []).flatMap((other) => callSites(other.graph)),
  ];
}

function statusOf(event: GraphStateEvent): SessionStatus {
  switch (event.status) {
    case "running":
    case "idle":
      return "running";
    case "ended":
      return "ended";
    default:
      return "stopped";
  }
}
