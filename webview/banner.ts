/**
 * The line at the top that says, in words and in a look of its own, why the run is where it is:
 * stopped at a breakpoint (the debugger's red dot), waiting for your answer (the accent color and a
 * "?"), stopped by an error, running, or finished. A breakpoint and a question must never look
 * alike: one waits for Continue, the other for an answer. A stop inside a subgraph names the node
 * by its path (`research/rank`), from the subgraph snapshots nested in the stop.
 */
import type { GraphStateEvent, HistoryEntry } from "../src/protocol/debug";
import { h } from "./dom";
import { deepest, marksAtEveryDepth } from "./graph/levels";
import type { Store } from "./store";

export type BannerKind = "none" | "breakpoint" | "interrupt" | "error" | "paused" | "running" | "ended" | "past";

export interface BannerText {
  kind: BannerKind;
  icon: string;
  text: string;
}

export function bannerFor(store: Store): BannerText {
  const { state, session, history } = store.data;
  if (session.status === "running") return { kind: "running", icon: "…", text: session.message ?? "Running…" };
  if (session.status === "ended") return { kind: "ended", icon: "■", text: session.message ?? "The run has finished. Its checkpoints stay in the store." };
  if (!state) return { kind: "none", icon: "", text: session.message ?? "Start a langgraph debug session to see the run here." };
  const stop = describeStop(state, history?.entries ?? []);
  if (!store.atHead) return { kind: "past", icon: "⟲", text: `Viewing step ${store.snapshot?.metadata.step}, a past checkpoint: nothing changes until you replay or fork. The run: ${stop.text}` };
  return stop;
}

function describeStop(state: GraphStateEvent, entries: readonly HistoryEntry[]): BannerText {
  const { snapshot } = state;
  const marks = marksAtEveryDepth(snapshot, "");
  const next = deepest(marks.next).join(", ");
  const asking = snapshot.tasks.filter((task) => task.interrupts.length);
  const failed = snapshot.tasks.find((task) => task.error);
  const failedAt = deepest(marks.errored)[0];
  const writers = entries.find((entry) => entry.checkpointId === state.headCheckpointId)?.writtenBy.join(", ");
  switch (state.stop) {
    case "interrupt": {
      const count = asking.reduce((sum, task) => sum + task.interrupts.length, 0);
      const who = deepest(marks.interrupted).join(", ") || next;
      return { kind: "interrupt", icon: "?", text: `Waiting for your answer: interrupt() in ${who}${count > 1 ? ` (${count} questions)` : ""}.` };
    }
    case "breakpoint-before":
      return { kind: "breakpoint", icon: "●", text: `Paused before ${next} (breakpoint). Continue runs it.` };
    case "breakpoint-after":
      return { kind: "breakpoint", icon: "●", text: `Paused after ${writers || "the last step"} (breakpoint).${next ? ` Next: ${next}.` : ""}` };
    case "error":
      return { kind: "error", icon: "!", text: `Error in ${failedAt ?? next}: ${failed?.error?.message ?? "the node threw"}` };
    case "entry":
      return { kind: "paused", icon: "‖", text: `Paused on entry.${next ? ` Next: ${next}.` : ""}` };
    case "step":
      return { kind: "paused", icon: "‖", text: `Stepped one superstep.${next ? ` Next: ${next}.` : ""}` };
    case "pause":
      return { kind: "paused", icon: "‖", text: `Paused.${next ? ` Next: ${next}.` : ""}` };
    case "end":
      return { kind: "ended", icon: "■", text: "The run reached its end." };
  }
}

export class Banner {
  readonly element = h("div", { class: "banner banner-none", role: "status", "aria-live": "polite" });

  constructor(private readonly store: Store) {
    store.on(["state", "viewed", "session", "history"], () => this.render());
    this.render();
  }

  private render(): void {
    const { kind, icon, text } = bannerFor(this.store);
    this.element.className = `banner banner-${kind}`;
    this.element.dataset.kind = kind;
    this.element.replaceChildren(h("span", { class: "banner-icon", "aria-hidden": "true" }, icon), h("span", { class: "banner-text" }, text));
  }
}
