/**
 * What a person does to a paused graph, on top of the controller: continue or step (forking when
 * the view is in the past, and saying so), answer interrupts, replay, travel back, look at any
 * checkpoint, and edit state (through `StateEdits`). All of it works at the level in view: inside
 * a subgraph, Step Back walks the subgraph's own checkpoints, and Continue or a replay from a
 * subgraph's past checkpoint goes on from there, not from the subgraph's start.
 */
import type { CustomRequests, GraphView, LevelView, SnapshotView } from "../protocol/debug";
import { trimPage } from "../protocol/history";
import type { EditResult, EvaluateResult } from "../protocol/runner";
import type { GraphController } from "./controller";
import { focusLevel, levelOf, pendingPaths } from "./levels";
import { clipStrings } from "./event-budget";
import { StateEdits } from "./state-edits";
import { RunMode, judge } from "./stop-reason";
import { breakpointBefore, pastWords, previousView, shortId, type HistorySource } from "./time-travel";
import type { LevelAddress } from "./variables";

export class ThreadActions {
  private readonly edits: StateEdits;

  constructor(private readonly controller: GraphController) {
    this.edits = new StateEdits(controller);
  }

  /**
   * The first move after configuration: attach stops at the thread's head; launch continues an
   * existing thread (or stops where it waits for an answer), or runs the input on a new one.
   */
  async begin(): Promise<void> {
    const c = this.controller;
    const { request, threadId, input, stopOnEntry } = c.config;
    const head = await c.readHead();
    if (request === "attach" || (head && input === undefined && (stopOnEntry || waitsForAnswer(head)))) {
      return this.stopAtHead(head!, `${request === "attach" ? "Attached to" : "Opened"} thread ${threadId} at step ${head!.metadata.step}`);
    }
    if (head && input === undefined) {
      if (!hasWorkLeft(head)) {
        c.head = c.view = head;
        c.events.output(`Thread ${threadId} is already at its end. Give "input" to start a new turn on it, or attach to look at it.\n`, "console");
        return c.end();
      }
      c.events.output(`Continuing thread ${threadId} from step ${head.metadata.step}.\n`, "console");
      return c.start({}, "continue");
    }
    c.start({ input: input ?? {} }, stopOnEntry ? "entry" : "continue");
  }

  private stopAtHead(head: SnapshotView, words: string): void {
    const c = this.controller;
    const interrupts = head.tasks.flatMap((task) => task.interrupts);
    const outcome = { status: "stopped" as const, snapshot: head, interrupts, interrupted: true, lastRan: [], paused: false, steps: 0 };
    const verdict = judge(outcome, { mode: "entry", before: [], after: [], filters: c.book.filters, hitIds: () => [] });
    if (interrupts.length > 0 && "stop" in verdict) return c.stopAt(head, verdict.stop);
    const pending = head.next.length > 0 ? `; next: ${pendingPaths(head).join(", ")}` : hasWorkLeft(head) ? `; ${savedWrites(head)}` : "; the graph is at its end";
    c.stopAt(head, { reason: "entry", kind: "entry", description: `${words}${pending}` });
  }

  /** Continue (or a step) from the checkpoint being viewed, at its level. */
  go(mode: RunMode): void {
    const c = this.controller;
    this.requireIdle("continue");
    const level = c.viewLevel();
    if (c.viewingPast && level) {
      const at = this.replayable(level);
      c.events.output(`Continuing from step ${at.snapshot.metadata.step}${ofLevel(at.path)} (checkpoint ${shortId(at.snapshot.checkpointId)}) forks the thread: a new branch starts there, and the old one stays in its history.\n`, "console");
      return c.start(runFrom(at.snapshot.checkpointId, at.checkpointNs), mode);
    }
    c.start({}, mode);
  }

  resume(args: CustomRequests["resume"]["args"]): void {
    this.requireIdle("resume");
    if (this.controller.viewingPast) throw new Error("Resume answers the interrupts waiting at the head of the thread: select the newest checkpoint first.");
    const resume = args.values ? { values: args.values } : { value: args.value };
    this.controller.start({ resume }, "continue");
  }

  /** Runs again from a checkpoint; a subgraph's checkpoint replays from there, not from the subgraph's start. */
  async replay(checkpointId: string, checkpointNs?: string): Promise<void> {
    this.requireIdle("replay");
    const view = await this.read({ checkpointId, checkpointNs });
    const level = this.replayable(checkpointLevel(view, checkpointId), view);
    const head = this.controller.head ? levelOf(this.controller.head, level.checkpointNs) : undefined;
    const words = head?.snapshot.checkpointId === level.snapshot.checkpointId ? "Running again from" : "Replaying from";
    this.controller.events.output(`${words} step ${level.snapshot.metadata.step}${ofLevel(level.path)} (checkpoint ${shortId(level.snapshot.checkpointId)}).\n`, "console");
    this.controller.start(runFrom(level.snapshot.checkpointId, level.checkpointNs), "continue");
  }

  /**
   * Where a run from `level` can start: there, or, on an engine that cannot go on from inside a
   * subgraph's past (LangGraph.js), at the root checkpoint the subgraph ran under, said out loud.
   */
  private replayable(level: LevelView, view = this.controller.view): LevelView {
    const c = this.controller;
    if (!level.checkpointNs || !view || c.loaded?.engine.capabilities.replayInsideSubgraph !== false) return level;
    const root = levelOf(view, "")!;
    c.events.output(
      `LangGraph.js cannot go on from a chosen checkpoint inside ${level.path.join("/")}: the run forks at step ${root.snapshot.metadata.step} of the graph ` +
        `(checkpoint ${shortId(root.snapshot.checkpointId)}), the checkpoint ${level.path[0]} ran under, and LangGraph.js replays ${level.path[0]} from its own checkpoints of that step.\n`,
      "console",
    );
    return root;
  }

  /** Step Back: the checkpoint before the one in view, at its level. Nothing changes in the thread. */
  async stepBack(): Promise<void> {
    const c = this.controller;
    this.requireIdle("step back");
    const level = c.viewLevel();
    const previous = level ? await previousView((address) => this.read(address), level) : undefined;
    if (!previous) return this.atFirst();
    this.travelTo(previous, "step");
  }

  async reverseContinue(): Promise<void> {
    const c = this.controller;
    this.requireIdle("reverse continue");
    const level = c.viewLevel();
    if (!level) return;
    const history: HistorySource["history"] = async (checkpointNs, page) => c.runner.request("history", { threadId: c.threadId, ...(checkpointNs ? { checkpointNs } : {}), ...page });
    const target = await breakpointBefore({ history, read: (address) => this.read(address) }, level, c.book.effective());
    if (!target) return this.atFirst();
    this.travelTo(await this.read(target), "breakpoint");
  }

  /** Moves the views to a checkpoint (a subgraph's too); answers with that checkpoint's own snapshot. */
  async select(checkpointId: string, checkpointNs?: string): Promise<SnapshotView> {
    this.requireIdle("select a checkpoint");
    const view = await this.read({ checkpointId, checkpointNs });
    this.controller.view = view;
    this.controller.selectedNs = undefined;
    this.controller.events.invalidated();
    this.controller.sendGraphState();
    return checkpointLevel(view, checkpointId).snapshot;
  }

  async graph(): Promise<GraphView> {
    return this.controller.runner.request("graph", {});
  }

  /** With `limit`, one more is asked of the runner: whether it comes tells if older checkpoints remain. */
  async history({ checkpointNs, subgraphs, limit, before }: CustomRequests["history"]["args"] = {}): Promise<CustomRequests["history"]["body"]> {
    const c = this.controller;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error('"limit" must be a positive whole number.');
    const ask = { threadId: c.threadId, ...(checkpointNs ? { checkpointNs } : {}), ...(subgraphs ? { subgraphs } : {}), ...(before ? { before } : {}) };
    const answer = await c.runner.request("history", limit === undefined ? ask : { ...ask, limit: limit + 1 });
    const page = limit === undefined ? { entries: answer } : trimPage(answer, checkpointNs ?? "", limit);
    return { threadId: c.threadId, entries: page.entries, ...(checkpointNs ? { checkpointNs } : {}), ...("more" in page ? { more: page.more } : {}) };
  }

  /**
   * A checkpoint of the thread: without arguments, the root snapshot in view (what the Call Stack
   * shows); with a namespace, that subgraph's own snapshot (the one in view, or its newest); with
   * an id, that checkpoint's own snapshot, at whichever level it is.
   */
  async snapshot(checkpointId?: string, checkpointNs?: string): Promise<SnapshotView> {
    const view = this.controller.view;
    if (!checkpointId && !checkpointNs) {
      const level = this.controller.viewLevel();
      return this.read(level ? { checkpointId: level.snapshot.checkpointId, checkpointNs: level.checkpointNs } : {});
    }
    if (!checkpointId && checkpointNs) {
      const inView = view ? levelOf(view, checkpointNs) : undefined;
      const level = inView ?? levelOf(await this.read({ checkpointNs }), checkpointNs);
      if (!level) throw new Error(`No subgraph checkpoint in namespace "${checkpointNs}" of thread ${this.controller.threadId}.`);
      return level.snapshot;
    }
    // The checkpoint in view (what the panel asks for when a stop's event left its state out) needs no runner.
    const held = view ? levelOf(view, checkpointNs ?? "") : undefined;
    if (held && held.snapshot.checkpointId === checkpointId) return held.snapshot;
    return checkpointLevel(await this.read({ checkpointId, checkpointNs }), checkpointId!).snapshot;
  }

  /** A checkpoint's state alone, with strings cut to `clip` characters when asked (event-budget.ts). */
  async values(checkpointId: string, checkpointNs?: string, clip?: number): Promise<CustomRequests["values"]["body"]> {
    const { values } = await this.snapshot(checkpointId, checkpointNs);
    if (clip === undefined) return { values, clipped: false };
    const cut = clipStrings(values, clip);
    return { values: cut.value as Record<string, unknown>, clipped: cut.clipped };
  }

  /** The root view with the addressed checkpoint nested in it (the head without an address). */
  private async read(address: { checkpointId?: string; checkpointNs?: string }): Promise<SnapshotView> {
    const c = this.controller;
    const { checkpointId, checkpointNs } = address;
    const snapshot = await c.runner.request("getState", { threadId: c.threadId, ...(checkpointId ? { checkpointId } : {}), ...(checkpointNs !== undefined ? { checkpointNs } : {}) });
    if (!snapshot) throw new Error(checkpointId ? `No checkpoint ${checkpointId} in thread ${c.threadId}.` : `Thread ${c.threadId} has no checkpoint yet.`);
    return snapshot;
  }

  updateState(args: CustomRequests["updateState"]["args"]): Promise<EditResult> {
    return this.edits.updateState(args);
  }

  fork(args: CustomRequests["fork"]["args"]): Promise<{ checkpointId: string }> {
    return this.edits.fork(args);
  }

  editValue(path: Array<string | number>, text: string, at?: LevelAddress): Promise<unknown> {
    return this.edits.editValue(path, text, at);
  }

  /** Evaluates over the state of the level `at` (a frame's), else of the level in focus. */
  async evaluate(expression: string, at?: LevelAddress): Promise<EvaluateResult> {
    const c = this.controller;
    const level = c.viewLevel();
    const where = at ?? (level ? { checkpointNs: level.checkpointNs, checkpointId: level.snapshot.checkpointId } : undefined);
    const address = where ? { checkpointId: where.checkpointId, ...(where.checkpointNs ? { checkpointNs: where.checkpointNs } : {}) } : {};
    return c.runner.request("evaluate", { threadId: c.threadId, ...address, expression }, 5000);
  }

  private travelTo(view: SnapshotView, reason: "step" | "breakpoint"): void {
    const c = this.controller;
    c.view = view;
    c.selectedNs = undefined;
    const level = focusLevel(view);
    const description = c.viewingPast ? pastWords(level.snapshot.metadata.step, level.snapshot.next, level.path) : c.lastStop?.description ?? "Paused";
    c.sendGraphState();
    c.events.stopped({ ...(c.lastStop ?? { kind: "step" }), reason, description });
  }

  private atFirst(): void {
    const c = this.controller;
    c.events.stopped({ ...(c.lastStop ?? { kind: "step" }), reason: "step", description: "At the first checkpoint of the thread" });
  }

  private requireIdle(what: string): void {
    const status = this.controller.status;
    if (status === "running") throw new Error(`The graph is running: pause it before you ${what}.`);
    if (status === "ended" && what !== "select a checkpoint") throw new Error(`The session has ended: start it again (or attach to thread ${this.controller.threadId}) to ${what}.`);
  }
}

/** The run parameters that start from a checkpoint, with its namespace when it is a subgraph's. */
function runFrom(checkpointId: string, checkpointNs: string): { checkpointId: string; checkpointNs?: string } {
  return { checkpointId, ...(checkpointNs ? { checkpointNs } : {}) };
}

/** The level of `view` whose checkpoint is `checkpointId` (the focus, normally), else the focus. */
function checkpointLevel(view: SnapshotView, checkpointId: string): LevelView {
  const focus = focusLevel(view);
  if (focus.snapshot.checkpointId === checkpointId) return focus;
  return levelOf(view, "")!.snapshot.checkpointId === checkpointId ? levelOf(view, "")! : focus;
}

function ofLevel(path: string[]): string {
  return path.length > 0 ? ` of ${path.join("/")}` : "";
}

/**
 * Whether running on from this checkpoint does anything. `next` leaves out the tasks whose writes
 * are already saved, so a run that died between a step's writes and its checkpoint has an empty
 * `next` but pending tasks: `invoke(null)` applies their writes and goes on.
 */
function hasWorkLeft(snapshot: SnapshotView): boolean {
  return snapshot.next.length > 0 || snapshot.tasks.length > 0;
}

function savedWrites(snapshot: SnapshotView): string {
  return `the writes of ${snapshot.tasks.map((task) => task.name).join(", ")} are saved but not yet checkpointed: Continue applies them and goes on`;
}

function waitsForAnswer(snapshot: SnapshotView): boolean {
  return snapshot.tasks.some((task) => task.interrupts.length > 0);
}
