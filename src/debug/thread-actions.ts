/**
 * What a person does to a paused graph, on top of the controller: continue or step (forking when
 * the view is in the past, and saying so), answer interrupts, replay, travel back, look at any
 * checkpoint, and edit state. Each edit is a checkpoint written with `updateState`, reported in the
 * Debug Console with the node it was written as, and never resumes the run.
 */
import type { CustomRequests, GraphView, HistoryEntry, SnapshotView } from "../protocol/debug";
import type { EditResult, EvaluateResult } from "../protocol/runner";
import type { GraphController } from "./controller";
import { RunMode, judge } from "./stop-reason";
import { breakpointBefore, pastWords, shortId } from "./time-travel";

export class ThreadActions {
  constructor(private readonly controller: GraphController) {}

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
      if (head.next.length === 0) {
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
    const pending = head.next.length > 0 ? `; next: ${head.next.join(", ")}` : "; the graph is at its end";
    c.stopAt(head, { reason: "entry", kind: "entry", description: `${words}${pending}` });
  }

  /** Continue (or one step) from the checkpoint being viewed. */
  go(mode: RunMode): void {
    const c = this.controller;
    this.requireIdle("continue");
    if (c.viewingPast && c.view) {
      c.events.output(`Continuing from step ${c.view.metadata.step} (checkpoint ${shortId(c.view.checkpointId)}) forks the thread: a new branch starts there, and the old one stays in its history.\n`, "console");
      return c.start({ checkpointId: c.view.checkpointId }, mode);
    }
    c.start({}, mode);
  }

  resume(args: CustomRequests["resume"]["args"]): void {
    this.requireIdle("resume");
    if (this.controller.viewingPast) throw new Error("Resume answers the interrupts waiting at the head of the thread: select the newest checkpoint first.");
    const resume = args.values ? { values: args.values } : { value: args.value };
    this.controller.start({ resume }, "continue");
  }

  async replay(checkpointId: string): Promise<void> {
    this.requireIdle("replay");
    const snapshot = await this.snapshot(checkpointId);
    const isHead = snapshot.checkpointId === this.controller.head?.checkpointId;
    const words = isHead ? "Running again from" : "Replaying from";
    this.controller.events.output(`${words} step ${snapshot.metadata.step} (checkpoint ${shortId(checkpointId)}).\n`, "console");
    this.controller.start({ checkpointId }, "continue");
  }

  /** Step Back: the parent of the checkpoint being viewed. Nothing changes in the thread. */
  async stepBack(): Promise<void> {
    const c = this.controller;
    this.requireIdle("step back");
    const parentId = c.view?.parentCheckpointId;
    if (!parentId || !c.view) {
      c.events.stopped({ ...(c.lastStop ?? { kind: "step" }), reason: "step", description: "At the first checkpoint of the thread" });
      return;
    }
    this.travelTo(await this.snapshot(parentId), "step");
  }

  async reverseContinue(): Promise<void> {
    const c = this.controller;
    this.requireIdle("reverse continue");
    if (!c.view) return;
    const entries = await c.runner.request("history", { threadId: c.threadId });
    const target = breakpointBefore(entries, c.view.checkpointId, c.book.effective());
    if (!target) {
      c.events.stopped({ ...(c.lastStop ?? { kind: "step" }), reason: "step", description: "At the first checkpoint of the thread" });
      return;
    }
    this.travelTo(await this.snapshot(target.checkpointId), "breakpoint");
  }

  async select(checkpointId: string): Promise<SnapshotView> {
    this.requireIdle("select a checkpoint");
    const snapshot = await this.snapshot(checkpointId);
    this.controller.view = snapshot;
    this.controller.events.invalidated();
    this.controller.sendGraphState();
    return snapshot;
  }

  async graph(): Promise<GraphView> {
    return this.controller.runner.request("graph", {});
  }

  async history(): Promise<{ threadId: string; entries: HistoryEntry[] }> {
    const c = this.controller;
    return { threadId: c.threadId, entries: await c.runner.request("history", { threadId: c.threadId }) };
  }

  /** A checkpoint of the thread; without an id, the one in view (what the Variables view shows). */
  async snapshot(checkpointId?: string): Promise<SnapshotView> {
    return this.read(checkpointId ?? this.controller.view?.checkpointId);
  }

  /** A checkpoint of the thread; without an id, its head. */
  private async read(checkpointId?: string): Promise<SnapshotView> {
    const c = this.controller;
    const snapshot = await c.runner.request("getState", { threadId: c.threadId, ...(checkpointId ? { checkpointId } : {}) });
    if (!snapshot) throw new Error(checkpointId ? `No checkpoint ${checkpointId} in thread ${c.threadId}.` : `Thread ${c.threadId} has no checkpoint yet.`);
    return snapshot;
  }

  async updateState(args: CustomRequests["updateState"]["args"]): Promise<EditResult> {
    const address = this.editAddress(args.checkpointId);
    const answers = args.asNode ? undefined : this.waitingNode();
    const result = await this.controller.runner.request("updateState", { ...address, values: args.values, ...(args.asNode ? { asNode: args.asNode } : {}) });
    await this.afterEdit(result, address.checkpointId, answers);
    return result;
  }

  async fork(args: CustomRequests["fork"]["args"]): Promise<{ checkpointId: string }> {
    const result = await this.updateState({ values: args.values, checkpointId: args.checkpointId, ...(args.asNode ? { asNode: args.asNode } : {}) });
    return { checkpointId: result.checkpointId };
  }

  async editValue(path: Array<string | number>, text: string): Promise<unknown> {
    const address = this.editAddress(undefined);
    const answers = this.waitingNode();
    const result = await this.controller.runner.request("editValue", { ...address, path, text });
    await this.afterEdit(result, address.checkpointId, answers);
    return result.value;
  }

  async evaluate(expression: string): Promise<EvaluateResult> {
    const c = this.controller;
    return c.runner.request("evaluate", { threadId: c.threadId, ...(c.view ? { checkpointId: c.view.checkpointId } : {}), expression }, 5000);
  }

  /** An edit goes after the checkpoint being viewed: at the head it extends the thread, in the past it forks. */
  private editAddress(checkpointId: string | undefined): { threadId: string; checkpointId?: string } {
    const c = this.controller;
    if (c.status === "running") throw new Error("The graph is running: pause it before editing its state.");
    const past = checkpointId ?? (c.viewingPast ? c.view?.checkpointId : undefined);
    return { threadId: c.threadId, ...(past && past !== c.head?.checkpointId ? { checkpointId: past } : {}) };
  }

  /** The node waiting in `interrupt()` at the checkpoint in view: an edit without `asNode` also answers it (the seed's rule). */
  private waitingNode(): string | undefined {
    return this.controller.view?.tasks.find((task) => task.interrupts.length > 0)?.name;
  }

  private async afterEdit(result: EditResult, forkedFrom: string | undefined, answers: string | undefined): Promise<void> {
    const c = this.controller;
    const snapshot = await this.read();
    c.head = c.view = snapshot;
    const fork = forkedFrom ? ` It forks the thread from checkpoint ${shortId(forkedFrom)}.` : "";
    const answer = answers ? ` It is also the answer to the interrupt() waiting in ${answers}: Continue resumes ${answers} with it.` : "";
    c.events.output(
      `Wrote the update as node "${result.asNode}": checkpoint ${shortId(result.checkpointId)}, step ${snapshot.metadata.step}; next: ${snapshot.next.join(", ") || "nothing (the end)"}.${fork}${answer} The run stays paused: Continue goes on from here.\n`,
      "console",
    );
    c.events.invalidated();
    c.sendGraphState();
  }

  private travelTo(snapshot: SnapshotView, reason: "step" | "breakpoint"): void {
    const c = this.controller;
    c.view = snapshot;
    const isHead = snapshot.checkpointId === c.head?.checkpointId;
    const description = isHead ? c.lastStop?.description ?? "Paused" : pastWords(snapshot.metadata.step, snapshot.next);
    c.sendGraphState();
    c.events.stopped({ ...(c.lastStop ?? { kind: "step" }), reason, description });
  }

  private requireIdle(what: string): void {
    const status = this.controller.status;
    if (status === "running") throw new Error(`The graph is running: pause it before you ${what}.`);
    if (status === "ended" && what !== "select a checkpoint") throw new Error(`The session has ended: start it again (or attach to thread ${this.controller.threadId}) to ${what}.`);
  }
}

function waitsForAnswer(snapshot: SnapshotView): boolean {
  return snapshot.tasks.some((task) => task.interrupts.length > 0);
}
