/**
 * Edits of a paused graph's state: the panel's `updateState` and `fork`, and Set Value in the
 * Variables view. Each edit is a checkpoint written with `updateState`, reported in the Debug
 * Console with the node it was written as, and never resumes the run. An edit goes after the
 * checkpoint being viewed at its level: at the head it extends the thread, in the past it forks.
 * At a subgraph's level (a frame inside a subgraph, or a request naming its namespace) it is
 * written into the subgraph's own checkpoints, and the resumed subgraph goes on from it.
 */
import type { CustomRequests } from "../protocol/debug";
import type { EditResult, ThreadAddress } from "../protocol/runner";
import type { GraphController } from "./controller";
import { levelOf } from "./levels";
import { shortId } from "./time-travel";

export class StateEdits {
  constructor(private readonly controller: GraphController) {}

  async updateState(args: CustomRequests["updateState"]["args"]): Promise<EditResult> {
    const address = this.editAddress(args.checkpointNs ?? "", args.checkpointId);
    const answers = args.asNode ? undefined : this.waitingNode(address);
    const result = await this.controller.runner.request("updateState", { ...address, values: args.values, ...(args.asNode ? { asNode: args.asNode } : {}) });
    await this.afterEdit(result, address, answers);
    return result;
  }

  async fork(args: CustomRequests["fork"]["args"]): Promise<{ checkpointId: string }> {
    const { checkpointId, checkpointNs, values, asNode } = args;
    const result = await this.updateState({ values, checkpointId, ...(checkpointNs ? { checkpointNs } : {}), ...(asNode ? { asNode } : {}) });
    return { checkpointId: result.checkpointId };
  }

  /** Set Value: one value inside the state of the level `at` (the root's checkpoint in view when absent). */
  async editValue(path: Array<string | number>, text: string, at?: { checkpointNs: string; checkpointId: string }): Promise<unknown> {
    const address = this.editAddress(at?.checkpointNs ?? "", at?.checkpointId);
    const answers = this.waitingNode(address);
    const result = await this.controller.runner.request("editValue", { ...address, path, text });
    await this.afterEdit(result, address, answers);
    return result.value;
  }

  /** The checkpoint id is given only when it is not the head of its namespace (an edit of the past forks). */
  private editAddress(ns: string, checkpointId: string | undefined): ThreadAddress {
    const c = this.controller;
    if (c.status === "running") throw new Error("The graph is running: pause it before editing its state.");
    const id = checkpointId ?? (c.view ? levelOf(c.view, ns)?.snapshot.checkpointId : undefined);
    const headId = c.head ? levelOf(c.head, ns)?.snapshot.checkpointId : undefined;
    return { threadId: c.threadId, ...(ns ? { checkpointNs: ns } : {}), ...(id && id !== headId ? { checkpointId: id } : {}) };
  }

  /**
   * The root node waiting in `interrupt()` at the checkpoint in view, which an edit without `asNode`
   * also answers on an engine with the seed's rule (the builtin); on one without it (LangGraph.js)
   * the node asks again, and the message says so.
   */
  private waitingNode(address: ThreadAddress): Waiting | undefined {
    if (address.checkpointNs) return undefined;
    const node = this.controller.view?.tasks.find((task) => task.interrupts.length > 0)?.name;
    return node ? { node, answered: this.controller.loaded?.engine.capabilities.resumeThroughEdit ?? true } : undefined;
  }

  private async afterEdit(result: EditResult, address: ThreadAddress, waiting: Waiting | undefined): Promise<void> {
    const c = this.controller;
    const ns = address.checkpointNs ?? "";
    c.head = await this.read({});
    // At the root the edit is the new head; in a subgraph it is the newest checkpoint of its namespace.
    c.view = ns ? await this.read({ checkpointId: result.checkpointId, checkpointNs: ns }) : c.head;
    c.selectedNs = undefined;
    const level = levelOf(c.view, ns) ?? levelOf(c.view, "")!;
    const where = level.path.length > 0 ? ` in ${level.path.join("/")}` : "";
    const fork = address.checkpointId ? ` It forks the thread from checkpoint ${shortId(address.checkpointId)}.` : "";
    const answer = !waiting
      ? ""
      : waiting.answered
        ? ` It is also the answer to the interrupt() waiting in ${waiting.node}: Continue resumes ${waiting.node} with it.`
        : ` ${waiting.node} still waits in interrupt(): on this engine (LangGraph.js) an edit does not answer it, and Continue runs ${waiting.node} again, which asks again; answer it in the panel.`;
    c.events.output(
      `Wrote the update as node "${result.asNode}"${where}: checkpoint ${shortId(result.checkpointId)}, step ${level.snapshot.metadata.step}; next: ${level.snapshot.next.join(", ") || "nothing (the end)"}.${fork}${answer} The run stays paused: Continue goes on from here.\n`,
      "console",
    );
    this.restop(`Edited as ${result.asNode}${where}; next ${level.snapshot.next.join(", ") || "nothing (the end)"}`);
  }

  /**
   * A stop that describes the edit, so the Call Stack's header and the panel's banner say the same:
   * VS Code keeps a stop's text until the next `stopped` event. An edit after the end only redraws.
   */
  private restop(description: string): void {
    const c = this.controller;
    if (c.status !== "stopped" || !c.lastStop) {
      c.events.invalidated();
      return c.sendGraphState();
    }
    c.lastStop = { ...c.lastStop, reason: "step", description, kind: c.lastStop.kind === "breakpoint-after" ? "pause" : c.lastStop.kind, hitBreakpointIds: undefined, exception: undefined };
    c.sendGraphState();
    c.events.stopped(c.lastStop);
  }

  private async read(address: Omit<ThreadAddress, "threadId">) {
    const c = this.controller;
    const snapshot = await c.runner.request("getState", { threadId: c.threadId, ...address });
    if (!snapshot) throw new Error(`Thread ${c.threadId} has no checkpoint ${address.checkpointId ?? ""}.`);
    return snapshot;
  }
}

/** A node waiting in `interrupt()` when an edit is written, and whether the edit answers it. */
interface Waiting {
  node: string;
  answered: boolean;
}
