/**
 * Answers for a graph waiting in `interrupt()`: each pending interrupt shows the node that asked,
 * its payload, and an answer box. An answer is JSON, or plain text sent as a string (the line under
 * the box says which, as you type). Resume sends `resume` with `{value}` when one interrupt waits and
 * `{values: {interruptId: value}}` when several do. Shown only at the thread's head: a past
 * checkpoint's questions cannot be answered.
 */
import type { InterruptView } from "../../src/protocol/debug";
import { h, setMessage } from "../dom";
import type { HostChannel } from "../host";
import type { Store } from "../store";
import { describeAnswer, parseAnswer } from "../state/validate";
import { askerOf } from "../graph/levels";

interface Pending {
  task: string;
  interrupt: InterruptView;
}

export class InterruptPanel {
  readonly element: HTMLElement;
  private readonly list = h("div", { class: "interrupt-list" });
  private readonly errors = h("div", { class: "inline-error", role: "alert", hidden: true });
  private readonly resumeButton = h("vscode-button", { class: "resume" }, "Resume");
  private readonly boxes = new Map<string, HTMLElement & { value: string }>();
  private key = "";

  constructor(private readonly store: Store, private readonly host: HostChannel, private readonly answers: Record<string, string>, private readonly onAnswersChange: () => void) {
    this.resumeButton.addEventListener("click", () => void this.resume());
    this.element = h("section", { class: "interrupt-panel", "aria-label": "Waiting for your answer", hidden: true },
      h("h2", { class: "interrupt-title" }, h("span", { class: "interrupt-icon", "aria-hidden": "true" }, "?"), "Waiting for your answer"),
      this.list, h("div", { class: "interrupt-actions" }, this.resumeButton), this.errors);
    store.on(["state", "viewed", "session"], () => this.refresh());
  }

  private pending(): Pending[] {
    const snapshot = this.store.snapshot;
    if (!snapshot || !this.store.atHead || this.store.data.session.status === "ended") return [];
    // A question asked inside a subgraph surfaces on the parent's task too: name the node that asked, by path.
    return snapshot.tasks.flatMap((task) => task.interrupts.map((interrupt) => ({ task: askerOf(task, interrupt.id), interrupt })));
  }

  private refresh(): void {
    const pending = this.pending();
    this.element.hidden = pending.length === 0;
    const key = pending.map((item) => item.interrupt.id).join(",");
    if (key === this.key) return;
    this.key = key;
    this.boxes.clear();
    setMessage(this.errors, undefined);
    this.list.replaceChildren(...pending.map((item) => this.card(item)));
    this.resumeButton.textContent = pending.length > 1 ? `Resume with ${pending.length} answers` : "Resume";
  }

  private card({ task, interrupt }: Pending): HTMLElement {
    const box = h("vscode-textarea", { class: "answer", rows: 3, monospace: true, "aria-label": `Answer to ${task}`, placeholder: "JSON, or plain text" }) as HTMLElement & { value: string };
    box.value = this.answers[interrupt.id] ?? "";
    const hint = h("div", { class: "answer-hint" }, box.value ? describeAnswer(box.value) : "JSON, or plain text (sent as a string).");
    box.addEventListener("input", () => {
      this.answers[interrupt.id] = box.value;
      hint.textContent = describeAnswer(box.value);
      setMessage(this.errors, undefined);
      this.onAnswersChange();
    });
    this.boxes.set(interrupt.id, box);
    return h("article", { class: "interrupt-card", "data-interrupt": interrupt.id },
      h("header", undefined, h("strong", undefined, task), " asks ", h("span", { class: "interrupt-id", title: interrupt.id }, `(${interrupt.id.slice(0, 8)})`)),
      h("pre", { class: "interrupt-payload" }, JSON.stringify(interrupt.value, null, 2) ?? String(interrupt.value)),
      box, hint);
  }

  private async resume(): Promise<void> {
    const pending = this.pending();
    const values: Record<string, unknown> = {};
    for (const { task, interrupt } of pending) {
      const answer = parseAnswer(this.boxes.get(interrupt.id)?.value ?? "");
      if (!answer.ok) {
        setMessage(this.errors, `${task}: ${answer.error}`);
        this.boxes.get(interrupt.id)?.focus();
        return;
      }
      values[interrupt.id] = answer.value;
    }
    if (!pending.length) return;
    const args = pending.length === 1 ? { value: values[pending[0].interrupt.id] } : { values };
    this.resumeButton.toggleAttribute("disabled", true);
    try {
      await this.host.request<"resume">({ type: "resume", args });
      for (const { interrupt } of pending) delete this.answers[interrupt.id];
      this.onAnswersChange();
    } catch (error) {
      setMessage(this.errors, `Could not resume: ${(error as Error).message}`);
    } finally {
      this.resumeButton.toggleAttribute("disabled", false);
    }
  }
}
