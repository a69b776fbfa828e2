/**
 * Keeps track of the `langgraph` debug sessions: which one the views follow (the active one, or
 * the newest), the last `graphState` each reported (a panel opened later still shows the stop),
 * and which graph file each thread belongs to, remembered in the workspace so a thread picked in
 * the Checkpoints view tomorrow can be opened with `attach` on the right file. Other parts listen
 * here instead of each subscribing to the debug API.
 */
import * as vscode from "vscode";
import type { GraphStateEvent, GraphView, NodeBreakpoints } from "../protocol/debug";
import { DEBUG_TYPE } from "./configResolution";

export interface ThreadOrigin {
  program: string;
  graph?: string;
  checkpointDir: string;
}

const ORIGINS_KEY = "langgraph.threadOrigins";
const MAX_ORIGINS = 200;
const STATE_WAIT_MS = 60_000;

export class SessionTracker implements vscode.Disposable {
  private readonly sessions: vscode.DebugSession[] = [];
  private readonly states = new Map<string, GraphStateEvent>();
  private readonly stateWaiters = new Map<string, Array<(event: GraphStateEvent) => void>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onGraphState = new vscode.EventEmitter<{ session: vscode.DebugSession; event: GraphStateEvent }>();
  readonly onNodeBreakpoints = new vscode.EventEmitter<{ session: vscode.DebugSession; breakpoints: NodeBreakpoints }>();
  /** The adapter's view of the graph changed during a run (a node invoked a graph, a route was seen). */
  readonly onGraph = new vscode.EventEmitter<{ session: vscode.DebugSession; graph: GraphView }>();
  readonly onStarted = new vscode.EventEmitter<vscode.DebugSession>();
  readonly onEnded = new vscode.EventEmitter<vscode.DebugSession>();
  /** The session the views follow changed (started, ended, or another became active). */
  readonly onCurrentChanged = new vscode.EventEmitter<vscode.DebugSession | undefined>();

  constructor(private readonly memento: vscode.Memento) {
    this.subscriptions.push(
      vscode.debug.onDidStartDebugSession((session) => this.started(session)),
      vscode.debug.onDidTerminateDebugSession((session) => this.ended(session)),
      vscode.debug.onDidChangeActiveDebugSession(() => this.onCurrentChanged.fire(this.current)),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((event) => this.customEvent(event)),
    );
  }

  /** The active `langgraph` session, else the newest one still running. */
  get current(): vscode.DebugSession | undefined {
    const active = vscode.debug.activeDebugSession;
    if (active?.type === DEBUG_TYPE && this.sessions.includes(active)) return active;
    return this.sessions[this.sessions.length - 1];
  }

  lastState(session: vscode.DebugSession): GraphStateEvent | undefined {
    return this.states.get(session.id);
  }

  /** The thread a session shows, once it has reported a stop. */
  threadOf(session: vscode.DebugSession): string | undefined {
    return this.states.get(session.id)?.threadId ?? stringAttribute(session.configuration, "threadId");
  }

  sessionOfThread(threadId: string, checkpointDir: string): vscode.DebugSession | undefined {
    return [...this.sessions].reverse().find((session) => this.threadOf(session) === threadId && sameDir(session.configuration.checkpointDir, checkpointDir));
  }

  /** Resolves with the session's stop (or its end): the first graph state that shows a checkpoint. */
  waitForState(session: vscode.DebugSession): Promise<GraphStateEvent> {
    const known = this.states.get(session.id);
    if (known && isSettled(known)) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("The debug session did not report its state in time; see the Debug Console.")), STATE_WAIT_MS);
      const ended = this.onEnded.event((gone) => {
        if (gone !== session) return;
        clearTimeout(timer);
        ended.dispose();
        reject(new Error("The debug session ended before it showed the thread; see the Debug Console."));
      });
      const list = this.stateWaiters.get(session.id) ?? [];
      list.push((event) => {
        clearTimeout(timer);
        ended.dispose();
        resolve(event);
      });
      this.stateWaiters.set(session.id, list);
    });
  }

  /** Resolves with the next `langgraph` session that starts and satisfies `wanted`. */
  nextSession(wanted: (session: vscode.DebugSession) => boolean): { session: Promise<vscode.DebugSession>; cancel(): void } {
    let listener: vscode.Disposable | undefined;
    const session = new Promise<vscode.DebugSession>((resolve) => {
      listener = this.onStarted.event((started) => {
        if (!wanted(started)) return;
        listener?.dispose();
        resolve(started);
      });
    });
    return { session, cancel: () => listener?.dispose() };
  }

  origin(threadId: string): ThreadOrigin | undefined {
    return this.memento.get<Record<string, ThreadOrigin>>(ORIGINS_KEY, {})[threadId];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const emitter of [this.onGraphState, this.onNodeBreakpoints, this.onGraph, this.onStarted, this.onEnded, this.onCurrentChanged]) emitter.dispose();
  }

  private started(session: vscode.DebugSession): void {
    if (session.type !== DEBUG_TYPE) return;
    this.sessions.push(session);
    this.onStarted.fire(session);
    this.onCurrentChanged.fire(this.current);
  }

  private ended(session: vscode.DebugSession): void {
    const index = this.sessions.indexOf(session);
    if (index < 0) return;
    this.sessions.splice(index, 1);
    this.onEnded.fire(session);
    this.states.delete(session.id);
    this.stateWaiters.delete(session.id);
    this.onCurrentChanged.fire(this.current);
  }

  private customEvent(event: vscode.DebugSessionCustomEvent): void {
    if (event.session.type !== DEBUG_TYPE) return;
    if (event.event === "graphState") {
      const state = event.body as GraphStateEvent;
      const first = !this.states.has(event.session.id);
      this.states.set(event.session.id, state);
      if (first) void this.remember(state.threadId, event.session.configuration);
      if (isSettled(state)) {
        for (const waiter of this.stateWaiters.get(event.session.id) ?? []) waiter(state);
        this.stateWaiters.delete(event.session.id);
      }
      this.onGraphState.fire({ session: event.session, event: state });
    } else if (event.event === "nodeBreakpoints") {
      this.onNodeBreakpoints.fire({ session: event.session, breakpoints: event.body as NodeBreakpoints });
    } else if (event.event === "graph") {
      this.onGraph.fire({ session: event.session, graph: event.body as GraphView });
    }
  }

  private async remember(threadId: string, configuration: vscode.DebugConfiguration): Promise<void> {
    const program = stringAttribute(configuration, "program");
    const checkpointDir = stringAttribute(configuration, "checkpointDir");
    if (!program || !checkpointDir) return;
    const graph = stringAttribute(configuration, "graph");
    const origins = { ...this.memento.get<Record<string, ThreadOrigin>>(ORIGINS_KEY, {}) };
    delete origins[threadId]; // re-inserted last, so the oldest entries are the ones dropped
    origins[threadId] = { program, checkpointDir, ...(graph ? { graph } : {}) };
    const kept = Object.entries(origins).slice(-MAX_ORIGINS);
    await this.memento.update(ORIGINS_KEY, Object.fromEntries(kept));
  }
}

/** A state that shows a checkpoint: the adapter also reports runs as they start, with no checkpoint yet. */
function isSettled(state: GraphStateEvent): boolean {
  return state.status !== "running" && state.status !== "idle" && state.checkpointId !== "";
}

function stringAttribute(configuration: vscode.DebugConfiguration, name: string): string | undefined {
  const value: unknown = configuration[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function sameDir(a: unknown, b: string): boolean {
  return typeof a === "string" && vscode.Uri.file(a).fsPath === vscode.Uri.file(b).fsPath;
}
