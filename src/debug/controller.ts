/**
 * The run of one debug session: starts the runner and loads the graph, starts or continues runs
 * with the breakpoints of the moment, turns each run's outcome into a stop (or the end), and keeps
 * the checkpoint being viewed (the head, or a past one after time travel). Pause waits for the
 * next superstep boundary; a node that does not get there is abandoned (async) or, when it holds
 * the runner's event loop, the runner is killed and started again on the saved thread. A runner
 * that dies on its own ends the session with a message. DAP wording lives in the session.
 * Snapshots are the root graph's with subgraph snapshots nested in them; the level in view is the
 * snapshot's focus, or the Call Stack frame selected last.
 */
import type { GraphStateEvent, GraphView, LevelView, SnapshotView } from "../protocol/debug";
import type { ErrorView, LoadResult, RunOutcome, RunParams } from "../protocol/runner";
import { BreakpointBook } from "./breakpoints";
import { graphStateEvent } from "./graph-state";
import { focusLevel, levelOf } from "./levels";
import { runLists } from "./stepping";
import type { SessionConfig } from "./launch-config";
import { RunnerClient, RunnerExitedError } from "./runner-client";
import { RunMode, StopInfo, abandonedStop, judge, withCompiled } from "./stop-reason";

export interface ControllerEvents {
  stopped(stop: StopInfo): void;
  continued(): void;
  terminated(): void;
  output(text: string, category: "console" | "stdout" | "stderr" | "important"): void;
  graphState(event: GraphStateEvent): void;
  /** The graph's view changed in a run (a node invoked a graph, a dynamic route took a new target). */
  graphChanged(graph: GraphView): void;
  invalidated(): void;
  runnerStarted(pid: number | undefined): void;
}

export type Status = "idle" | "running" | "stopped" | "waiting" | "ended";

const LOAD_TIMEOUT_MS = 60_000;
/** How long a runner may take to answer a quick request before it counts as blocked. */
const RESPONSIVE_MS = 300;
/** How long Pause waits for the step in flight to finish before abandoning it. */
const PAUSE_GRACE_MS = 1000;
const HANG_NOTICE_MS = 10_000;
const GRAPH_STATE_INTERVAL_MS = 100;

export class GraphController {
  status: Status = "idle";
  head: SnapshotView | null = null;
  view: SnapshotView | null = null;
  lastStop: StopInfo | undefined;
  lastError: ErrorView | undefined;
  running: string[] = [];
  loaded: LoadResult | undefined;
  runner!: RunnerClient;
  /** The namespace of the Call Stack frame whose variables were asked for last (the panel shows that level). */
  selectedNs: string | undefined;
  private runSerial = 0;
  private userPaused = false;
  private rearm = false;
  private abandoned: string[] | undefined;
  private timers = new Set<NodeJS.Timeout>();
  private hangNotice: NodeJS.Timeout | undefined;
  private graphStateTimer: NodeJS.Timeout | undefined;
  private lastGraphStateAt = 0;
  /** The runner being killed on purpose (to free a node that never yields): its exit is no crash. */
  private replacing: RunnerClient | undefined;

  constructor(readonly config: SessionConfig, readonly book: BreakpointBook, readonly events: ControllerEvents) {}

  get threadId(): string {
    return this.config.threadId;
  }

  /** The view is not the head: another root checkpoint, or another checkpoint of the level in focus. */
  get viewingPast(): boolean {
    if (!this.view || !this.head) return false;
    if (this.view.checkpointId !== this.head.checkpointId) return true;
    const level = this.viewLevel();
    return level !== undefined && level.snapshot.checkpointId !== levelOf(this.head, level.checkpointNs)?.snapshot.checkpointId;
  }

  /** The level of the view in focus: the subgraph (or root) checkpoint a Continue or an edit starts from. */
  viewLevel(): LevelView | undefined {
    return this.view ? focusLevel(this.view) : undefined;
  }

  /** Starts the runner and loads the graph; throws a worded error when the file cannot be loaded. */
  async open(): Promise<LoadResult> {
    this.runner = this.spawn();
    const { program, graph, checkpointDir, engine } = this.config;
    this.loaded = await this.runner.request("load", { program, ...(graph ? { graph } : {}), checkpointDir, engine }, LOAD_TIMEOUT_MS);
    return this.loaded;
  }

  async readHead(): Promise<SnapshotView | null> {
    return this.runner.request("getState", { threadId: this.threadId });
  }

  /** Starts a run and returns at once; the run reports its stop through the events. */
  start(extra: Partial<RunParams>, mode: RunMode): void {
    this.run(extra, mode).catch((error: Error) => {
      this.events.output(`The debugger failed while running the graph: ${error.stack ?? error.message}\n`, "stderr");
      this.end();
    });
  }

  /** Runs with `extra` from the head (or from `extra.checkpointId`), until the next stop. */
  private async run(extra: Partial<RunParams>, mode: RunMode): Promise<void> {
    const serial = ++this.runSerial;
    const lists = this.book.effective();
    // Steps are counted from where the run starts: the checkpoint in view when it forks from the past.
    const stopLists = runLists(mode, lists, this.loaded?.graph, extra.checkpointId ? this.view : this.head);
    this.status = "running";
    this.userPaused = false;
    this.rearm = false;
    this.abandoned = undefined;
    this.lastStop = undefined;
    this.events.continued();
    this.sendGraphState();
    const params: RunParams = {
      threadId: this.threadId,
      ...stopLists,
      ...(this.config.recursionLimit ? { recursionLimit: this.config.recursionLimit } : {}),
      ...(this.config.configurable ? { configurable: this.config.configurable } : {}),
      ...extra,
    };
    let outcome: RunOutcome;
    try {
      outcome = await this.runner.request("run", params);
    } catch (error) {
      if (error instanceof RunnerExitedError || serial !== this.runSerial) return; // the exit handler or a restart took over
      this.events.output(`The run failed in the runner: ${(error as Error).message}\n`, "stderr");
      return this.stopAt(this.head, { reason: "exception", description: (error as Error).message, kind: "error" });
    }
    if (serial !== this.runSerial || this.status !== "running") return;
    this.afterRun(outcome, mode, withCompiled(lists, this.loaded?.compiledInterrupts));
  }

  private afterRun(outcome: RunOutcome, mode: RunMode, lists: { before: string[]; after: string[] }): void {
    this.clearTimers();
    this.running = [];
    if (outcome.graph && this.loaded) {
      this.loaded.graph = outcome.graph;
      this.book.setGraph(outcome.graph);
      this.events.graphChanged(outcome.graph);
    }
    lists = this.book.withPathNames(lists);
    if (outcome.status === "aborted" && this.abandoned) return this.stopAt(outcome.snapshot, abandonedStop(this.abandoned));
    const verdict = judge(outcome, { mode, ...lists, filters: this.book.filters, hitIds: (nodes, when) => this.book.hitIds(nodes, when) });
    if ("stop" in verdict) {
      if (this.rearm && !this.userPaused && verdict.stop.kind === "pause") {
        this.head = outcome.snapshot;
        this.start({}, mode); // the breakpoints changed while running: go on with the new ones
        return;
      }
      return this.stopAt(outcome.snapshot, verdict.stop, outcome.error);
    }
    this.head = this.view = outcome.snapshot;
    if ("waiting" in verdict) {
      this.status = "waiting";
      this.events.output(`${verdict.waiting}\nThe graph waits for an answer: send it with the resume request (the graph panel's Resume).\n`, "console");
      this.sendGraphState();
      return;
    }
    if (verdict.error) this.events.output(`${verdict.end}\n${verdict.error.stack ?? ""}\n`, "stderr");
    else this.events.output(`${verdict.end}\n`, "console");
    this.end();
  }

  stopAt(snapshot: SnapshotView | null, stop: StopInfo, error?: ErrorView): void {
    this.status = "stopped";
    this.head = this.view = snapshot;
    this.selectedNs = undefined;
    this.lastStop = stop;
    this.lastError = error;
    this.sendGraphState();
    this.events.stopped(stop);
  }

  end(): void {
    this.status = "ended";
    this.clearTimers();
    this.sendGraphState();
    this.events.terminated();
  }

  /** Pause: the next superstep boundary, or the step abandoned if it does not finish in time. */
  async pause(): Promise<void> {
    if (this.status === "waiting") return this.stopAt(this.head, { reason: "pause", description: "Paused: waiting in interrupt()", kind: "interrupt" });
    if (this.status !== "running") return;
    this.userPaused = true;
    const serial = this.runSerial;
    // An engine that cannot stop at a boundary (LangGraph.js without RunControl) abandons the step now.
    if (this.loaded?.engine.capabilities.pause === "abort") return this.abandonStep(serial);
    const answered = await this.runner.request("pause", {}, RESPONSIVE_MS).then(() => true, () => false);
    if (serial !== this.runSerial || this.status !== "running") return;
    if (!answered) return this.restartHungRunner();
    this.later(PAUSE_GRACE_MS, () => this.abandonStep(serial));
  }

  /** The breakpoints changed: a run in flight pauses and goes on with the new ones. */
  breakpointsChanged(): void {
    // Without a pause at a boundary, re-arming would abandon the step in flight and run its nodes
    // again: the new breakpoints take effect from the next stop instead.
    if (this.status !== "running" || this.loaded?.engine.capabilities.pause === "abort") return;
    this.rearm = true;
    this.runner.request("pause", {}, RESPONSIVE_MS).catch(() => undefined);
  }

  private async abandonStep(serial: number): Promise<void> {
    if (serial !== this.runSerial || this.status !== "running") return;
    this.abandoned = [...this.running];
    const answered = await this.runner.request("abort", {}, RESPONSIVE_MS).then(() => true, () => false);
    if (!answered && serial === this.runSerial && this.status === "running") await this.restartHungRunner();
  }

  /** The node holds the runner's event loop: kill the runner, start a new one on the saved thread. */
  private async restartHungRunner(): Promise<void> {
    const hung = this.running.length > 0 ? [...this.running] : this.head?.next ?? [];
    this.runSerial++;
    const old = this.runner;
    this.replacing = old;
    old.kill();
    await old.exited;
    this.events.output(
      `${hung.join(", ") || "A node"} did not give control back (a loop that never awaits?), so the runner process was restarted.\n`,
      "important",
    );
    try {
      await this.open();
      this.stopAt(await this.readHead(), abandonedStop(hung));
    } catch (error) {
      this.events.output(`The runner could not be started again: ${(error as Error).message}\n`, "stderr");
      this.end();
    }
  }

  private onProgress(running: string[]): void {
    if (this.status !== "running") return;
    this.running = running;
    this.throttledGraphState();
    if (this.hangNotice) this.timers.delete(this.hangNotice), clearTimeout(this.hangNotice);
    this.hangNotice = running.length === 0 ? undefined : this.later(HANG_NOTICE_MS, () => {
      this.events.output(`${running.join(", ")} has been running for ${HANG_NOTICE_MS / 1000} s. Pause stops at the next step, or abandons this one if it does not finish.\n`, "console");
    });
  }

  private spawn(): RunnerClient {
    const runner = new RunnerClient({
      cwd: this.config.cwd,
      env: this.config.env,
      onOutput: (text, stream) => this.events.output(text, stream),
      onEvent: (event) => this.onProgress(event.body.running),
    });
    runner.exited.then((exit) => {
      if (runner !== this.runner || runner === this.replacing || this.status === "ended" || this.status === "idle") return;
      const doing = this.running.length > 0 ? ` while ${this.running.join(", ")} ran` : "";
      const how = exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`;
      this.events.output(`The runner process ${how}${doing}. The thread ${this.threadId} stays in ${this.config.checkpointDir}: attach to it to look at it.\n`, "stderr");
      this.end();
    });
    this.events.runnerStarted(runner.pid);
    return runner;
  }

  /** While running, the panel hears of progress at most every `GRAPH_STATE_INTERVAL_MS`. */
  private throttledGraphState(): void {
    if (this.graphStateTimer) return;
    const wait = this.lastGraphStateAt + GRAPH_STATE_INTERVAL_MS - performance.now();
    if (wait <= 0) return this.sendGraphState();
    this.graphStateTimer = this.later(wait, () => {
      this.graphStateTimer = undefined;
      if (this.status === "running") this.sendGraphState();
    });
  }

  sendGraphState(): void {
    this.lastGraphStateAt = performance.now();
    this.events.graphState(graphStateEvent(this));
  }

  /** Ends the session's runner: asked politely, killed if it does not answer. */
  async dispose(): Promise<void> {
    this.status = "ended";
    this.runSerial++;
    this.clearTimers();
    if (this.runner) await this.runner.stop();
  }

  private later(ms: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.hangNotice = undefined;
    this.graphStateTimer = undefined;
  }
}

