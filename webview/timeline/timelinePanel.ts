/**
 * The thread's checkpoints as a tree, oldest first, forks as indented branches. Each row says its
 * step, how it was made (input, loop, update, fork), which node wrote it and what runs next.
 * Selecting a row asks the adapter for that checkpoint (`selectCheckpoint`): its state and
 * highlights show, and nothing changes in the thread. The selected row offers "Replay from here"
 * (`replay`) and "Fork here" (edit in the state panel, then `fork`). A subgraph run's checkpoints
 * sit indented under the parent checkpoint they ran from, the first one named by the subgraph's
 * path, so time travel reaches inside subgraphs too. A long thread comes a page at a time (the
 * newest checkpoints): "Load earlier checkpoints" above the oldest row asks the host for the next
 * older page (`loadHistory`), which joins the ones already shown.
 */
import type { HistoryEntry } from "../../src/protocol/debug";
import { nextPageBefore, withOlderPage } from "../../src/protocol/history";
import { h, setMessage } from "../dom";
import type { HostChannel } from "../host";
import type { Store } from "../store";
import { timelineRows } from "./historyTree";

export class TimelinePanel {
  readonly element: HTMLElement;
  private readonly list = h("ul", { class: "timeline", role: "tree", "aria-label": "Checkpoints" });
  private readonly errors = h("div", { class: "inline-error", role: "alert", hidden: true });
  private readonly status = h("div", { class: "timeline-status" });

  constructor(private readonly store: Store, private readonly host: HostChannel, private readonly onFork: (entry: HistoryEntry) => void) {
    this.element = h("section", { class: "timeline-panel", "aria-label": "Time travel" }, this.status, this.list, this.errors);
    this.list.addEventListener("keydown", (event) => this.onKey(event));
    store.on(["history", "state", "viewed", "session"], () => this.render());
  }

  private render(): void {
    const history = this.store.data.history;
    const headId = this.store.data.state?.headCheckpointId;
    const viewedId = this.store.snapshot?.checkpointId;
    const rows = timelineRows(history?.entries ?? [], headId);
    this.status.replaceChildren(this.store.atHead ? "Viewing the latest checkpoint." : h("span", undefined, "Viewing the past: nothing changes until you replay or fork. ",
      h("vscode-button", { class: "back-to-head", secondary: true, onclick: () => headId && void this.select(headId) }, "Back to head")));
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.checkpoint;
    this.list.replaceChildren(...rows.map((row) => {
      const entry = row.entry;
      const selected = entry.checkpointId === viewedId;
      const item = h("li", {
        class: `timeline-row${selected ? " selected" : ""}${row.isHead ? " head" : ""}${row.branchStart ? " branch-start" : ""}`,
        role: "treeitem", "aria-level": row.depth + 1, "aria-selected": String(selected), tabindex: selected ? 0 : -1,
        "data-checkpoint": entry.checkpointId,
        ...(row.subgraph ? { "data-subgraph": row.subgraph, "data-checkpoint-ns": entry.checkpointNs } : {}),
      },
      h("div", { class: "timeline-main" },
        row.branchStart ? h("span", { class: "fork-mark", title: "A branch forked from the checkpoint above" }, "↳") : null,
        row.runStart ? h("span", { class: "timeline-subgraph", title: `The checkpoints of the subgraph ${row.subgraph} in this run` }, `${row.subgraph} ›`) : null,
        h("span", { class: "timeline-step" }, `step ${entry.step}`),
        h("span", { class: `source source-${entry.source}` }, entry.source),
        h("span", { class: "timeline-writer" }, entry.writtenBy.length ? `by ${entry.writtenBy.join(", ")}` : ""),
        entry.next.length ? h("span", { class: "timeline-next" }, `→ ${entry.next.join(", ")}`) : null,
        row.isHead ? h("span", { class: "head-badge" }, "head") : null,
        h("time", { class: "timeline-time", datetime: entry.createdAt, title: entry.createdAt }, clock(entry.createdAt))),
      selected ? this.actions(entry) : null);
      item.style.setProperty("--depth", String(row.depth));
      item.addEventListener("click", (event) => {
        if (!(event.target as Element).closest("vscode-button")) void this.select(entry.checkpointId, entry.checkpointNs);
      });
      return item;
    }));
    if (!rows.length) this.list.append(h("li", { class: "timeline-empty" }, "No checkpoints yet."));
    if (history?.more) this.list.prepend(this.loadEarlierRow(rows[0]?.entry));
    if (focused) this.list.querySelector<HTMLElement>(`[data-checkpoint="${CSS.escape(focused)}"]`)?.focus();
  }

  private loadEarlierRow(oldest: HistoryEntry | undefined): HTMLElement {
    return h("li", { class: "timeline-more" },
      h("vscode-button", { class: "load-earlier", secondary: true, onclick: () => void this.loadEarlier() },
        oldest ? `Load checkpoints before step ${oldest.step}` : "Load earlier checkpoints"));
  }

  /** The next older page, from the host; it joins the shown pages unless the thread changed meanwhile. */
  private async loadEarlier(): Promise<void> {
    const history = this.store.data.history;
    const before = nextPageBefore(history);
    if (!history || !before) return;
    setMessage(this.errors, undefined);
    try {
      const page = await this.host.request<"loadHistory">({ type: "loadHistory", threadId: history.threadId, before });
      const now = this.store.data.history;
      if (now?.threadId === history.threadId) this.store.update({ history: withOlderPage(now, page) }, ["history"]);
    } catch (error) {
      setMessage(this.errors, `Could not load earlier checkpoints: ${(error as Error).message}`);
    }
  }

  private actions(entry: HistoryEntry): HTMLElement {
    return h("div", { class: "timeline-actions" },
      h("vscode-button", { class: "replay", secondary: true, onclick: () => void this.replay(entry) }, "Replay from here"),
      h("vscode-button", { class: "fork", secondary: true, onclick: () => this.onFork(entry) }, "Fork here"));
  }

  async select(checkpointId: string, checkpointNs?: string): Promise<void> {
    setMessage(this.errors, undefined);
    try {
      const snapshot = await this.host.request<"selectCheckpoint">({ type: "selectCheckpoint", args: { checkpointId, ...(checkpointNs ? { checkpointNs } : {}) } });
      if (snapshot && typeof snapshot === "object" && "checkpointId" in snapshot) this.store.update({ viewed: snapshot }, ["viewed"]);
    } catch (error) {
      setMessage(this.errors, `Could not show that checkpoint: ${(error as Error).message}`);
    }
  }

  private async replay(entry: HistoryEntry): Promise<void> {
    setMessage(this.errors, undefined);
    try {
      await this.host.request<"replay">({ type: "replay", args: { checkpointId: entry.checkpointId, ...(entry.checkpointNs ? { checkpointNs: entry.checkpointNs } : {}) } });
    } catch (error) {
      setMessage(this.errors, `Could not replay from step ${entry.step}: ${(error as Error).message}`);
    }
  }

  private onKey(event: KeyboardEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>(".timeline-row");
    if (!row) return;
    const rows = Array.from(this.list.querySelectorAll<HTMLElement>(".timeline-row"));
    const index = rows.indexOf(row);
    const move = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (move) {
      event.preventDefault();
      const next = rows[index + move];
      if (next) { row.tabIndex = -1; next.tabIndex = 0; next.focus(); }
    } else if ((event.key === "Enter" || event.key === " ") && event.target === row) {
      event.preventDefault();
      void this.select(row.dataset.checkpoint!, row.dataset.checkpointNs);
    }
  }
}

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
