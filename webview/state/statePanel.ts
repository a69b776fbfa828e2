/**
 * The state of the viewed checkpoint, as a tree and as JSON, both editable and kept in step. Apply
 * sends `updateState` with only the keys that changed (they go through the channels' reducers, as
 * a node's return would) and the chosen "as node", defaulting to the node the engine would pick;
 * the run stays paused. In fork mode the same editor sends `fork` from a past checkpoint instead.
 * Bad JSON, keys the state does not have and nodes the graph does not have are shown inline and
 * nothing is sent. Inside a subgraph (the stop's level, or a subgraph checkpoint picked in the
 * timeline) it shows and edits that subgraph's own state, "as node" one of its nodes. A stop whose
 * state is too large for the `graphState` event (`valuesOmitted`) is asked for with the `snapshot`
 * request; the tree and the JSON view draw only what is in view, so a 5 MB state shows at once.
 */
import type { HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { h, setMessage } from "../dom";
import type { HostChannel } from "../host";
import type { Store } from "../store";
import { ancestry, defaultAsNode, type DefaultAsNode } from "../timeline/history";
import { AsNodeChooser } from "./asNode";
import { renderJson } from "./jsonView";
import { OmittedValues, type ShownValues } from "./omittedValues";
import { renderTree, setAtPath, type JsonPath } from "./tree";
import { changedKeys, checkStateEdit, parseJson } from "./validate";

export type StateMode = "tree" | "json";

export interface StateViewState {
  mode: StateMode;
  open: string[];
}

export class StatePanel {
  readonly element: HTMLElement;
  private mode: StateMode;
  private readonly open: Set<string>;
  private original: Record<string, unknown> = {};
  private draft: Record<string, unknown> = {};
  /** The JSON text while the JSON view is shown (made only then: a large state's text is megabytes). */
  private jsonText = "{}";
  private checkpointId?: string;
  /** The values shown are still being asked for (the stop's event left them out). */
  private loading = false;
  /** Only a preview of the values is shown (long strings cut): editing waits for the whole. */
  private partial = false;
  private readonly omitted: OmittedValues;
  private forkFrom?: HistoryEntry;
  private readonly heading = h("div", { class: "state-heading" });
  private readonly forkNote = h("div", { class: "fork-note", hidden: true });
  private readonly body = h("div", { class: "state-body" });
  private readonly errors = h("div", { class: "inline-error", role: "alert", hidden: true });
  private readonly note = h("div", { class: "inline-note", role: "status", hidden: true });
  private readonly applyButton = h("vscode-button", { class: "apply" }, "Apply");
  private readonly discardButton = h("vscode-button", { class: "discard", secondary: true }, "Discard");
  private readonly modeButtons: Record<StateMode, HTMLElement>;
  private readonly chooser = new AsNodeChooser(() => this.clearMessages());
  private readonly actions = h("div", { class: "state-actions" }, this.chooser.element, this.applyButton, this.discardButton);
  private readonly hint = h("p", { class: "hint" }, "Only the keys you change are written, through their reducers, as a new checkpoint; the run stays paused.");

  constructor(private readonly store: Store, private readonly host: HostChannel, saved: Partial<StateViewState>, private readonly onViewChange: (state: StateViewState) => void) {
    this.mode = saved.mode ?? "tree";
    this.omitted = new OmittedValues(host, () => this.refresh(), (message) => setMessage(this.errors, message));
    this.open = new Set(saved.open ?? []);
    this.modeButtons = {
      tree: h("vscode-button", { class: "mode-tree", secondary: true, onclick: () => this.setMode("tree") }, "Tree"),
      json: h("vscode-button", { class: "mode-json", secondary: true, onclick: () => this.setMode("json") }, "JSON"),
    };
    this.applyButton.addEventListener("click", () => void this.apply());
    this.discardButton.addEventListener("click", () => {
      const shown = this.valuesOf(this.store.level.snapshot, this.store.level.checkpointNs);
      this.original = shown?.values ?? {};
      this.partial = shown?.partial ?? false;
      this.reset(true);
    });
    this.element = h("section", { class: "state-panel", "aria-label": "State" },
      h("div", { class: "state-header" }, this.heading, h("div", { class: "mode-switch", role: "group", "aria-label": "Show state as" }, this.modeButtons.tree, this.modeButtons.json)),
      this.forkNote, this.body,
      this.actions, this.errors, this.note, this.hint);
    store.on(["state", "viewed", "graph", "history"], () => this.refresh());
    this.refresh();
  }

  /** Fork mode: edit the state of a past checkpoint, then `fork` runs on from the edit. */
  startFork(entry: HistoryEntry): void {
    this.forkFrom = entry;
    this.refresh();
  }

  private refresh(): void {
    const { snapshot, path, checkpointNs } = this.store.level;
    const checkpointId = snapshot?.checkpointId;
    const shown = this.valuesOf(snapshot, checkpointNs);
    const arrived = !!shown && (this.loading || (this.partial && !shown.partial));
    if (checkpointId !== this.checkpointId || arrived) {
      this.checkpointId = checkpointId;
      if (this.dirty()) {
        setMessage(this.note, "The checkpoint changed while you were editing: Apply writes your edit onto it, Discard shows its state.");
      } else {
        this.loading = !shown;
        this.partial = shown?.partial ?? false;
        this.original = shown?.values ?? {};
        this.reset(false);
      }
    }
    if (this.forkFrom && this.forkFrom.checkpointId !== checkpointId) this.forkFrom = undefined;
    const step = snapshot?.metadata.step;
    const of = path ? ` of ${path}` : "";
    this.heading.textContent = snapshot ? `State${of} at step ${step}${this.store.atHead ? "" : " (past checkpoint)"}` : "No state yet";
    this.forkNote.hidden = !this.forkFrom;
    this.forkNote.replaceChildren(...(this.forkFrom ? [`Forking from step ${this.forkFrom.step}: edit the state, then Fork and continue. `,
      h("vscode-button", { class: "cancel-fork", secondary: true, onclick: () => { this.forkFrom = undefined; this.refresh(); } }, "Cancel")] : []));
    this.applyButton.textContent = this.forkFrom ? "Fork and continue" : "Apply";
    this.chooser.update(this.levelNodes(), this.defaultNode());
    this.actions.hidden = this.hint.hidden = !snapshot;
  }

  /** The nodes of the graph whose state is shown: the root's, or the subgraph's at that level. */
  private levelNodes(): string[] {
    return this.store.graphAt(this.store.level.path)?.nodes.map((node) => node.id) ?? [];
  }

  private defaultNode(): DefaultAsNode {
    const { defaultAsNode: fromHost, history } = this.store.data;
    const { snapshot, path } = this.store.level;
    // The host's default is the root graph's; any level's can be read off the history, which holds
    // the subgraphs' checkpoints too.
    if (!path && fromHost && this.store.atHead && !this.forkFrom) return { node: fromHost };
    const chain = snapshot && history ? ancestry(history.entries, snapshot.checkpointId) : [];
    if (!chain.length) return { unknown: true };
    return defaultAsNode(chain, new Set(this.levelNodes()));
  }

  /** The values of a level's snapshot; undefined while they are asked for because its event left them out. */
  private valuesOf(snapshot: SnapshotView | undefined, checkpointNs: string): ShownValues | undefined {
    return snapshot ? this.omitted.of(snapshot, checkpointNs) : { values: {}, partial: false };
  }

  private dirty(): boolean {
    if (this.loading || this.partial) return false;
    return this.mode === "json" ? this.jsonText !== pretty(this.original) : changedKeys(this.original, this.draft).length > 0;
  }

  /** Shows `original` again; the draft shares it until an edit copies the path it changes (setAtPath). */
  private reset(clearMessages: boolean): void {
    this.draft = this.original;
    this.jsonText = this.mode === "json" ? pretty(this.draft) : "";
    if (clearMessages) this.clearMessages();
    this.render();
  }

  private setMode(mode: StateMode): void {
    if (mode === this.mode) return;
    if (mode === "tree") {
      const parsed = parseJson(this.jsonText);
      if (!parsed.ok || !isObject(parsed.value)) {
        setMessage(this.errors, `Fix the JSON before switching to the tree. ${parsed.ok ? "The state must be a JSON object." : parsed.error}`);
        return;
      }
      this.draft = parsed.value;
    } else {
      this.jsonText = pretty(this.draft);
    }
    this.mode = mode;
    this.saveView();
    this.render();
  }

  private render(): void {
    for (const [mode, button] of Object.entries(this.modeButtons)) button.setAttribute("aria-pressed", String(mode === this.mode));
    if (this.loading || (this.partial && this.mode === "json")) {
      this.body.replaceChildren(h("p", { class: "state-loading", role: "status" }, "Reading the state…"));
    } else if (this.mode === "tree") {
      this.body.replaceChildren(renderTree(this.draft, {
        onEdit: (path, value) => this.editLeaf(path, value),
        isOpen: (id, path, size) => this.open.has(id) || (path.length === 1 && size <= 8),
        setOpen: (id, open) => { if (open) this.open.add(id); else this.open.delete(id); this.saveView(); },
      }));
    } else {
      this.body.replaceChildren(renderJson(this.jsonText, (text) => { this.jsonText = text; this.clearMessages(); }));
    }
  }

  private editLeaf(path: JsonPath, value: unknown): void {
    if (this.partial) {
      this.render(); // the preview's strings are cut: an edit of them would write them cut
      setMessage(this.note, "Still reading the whole state: edit again in a moment.");
      return;
    }
    this.draft = setAtPath(this.draft, path, value);
    this.clearMessages();
    this.render();
    const changed = changedKeys(this.original, this.draft);
    if (changed.length) setMessage(this.note, `Changed: ${changed.join(", ")}. Apply to write it.`);
  }

  /** The edited values and the problems that block sending them. */
  private collect(): { values?: Record<string, unknown>; problems: string[] } {
    if (this.loading || this.partial) return { problems: ["Still reading the whole state: apply again in a moment."] };
    let values: unknown = this.draft;
    if (this.mode === "json") {
      const parsed = parseJson(this.jsonText);
      if (!parsed.ok) return { problems: [parsed.error] };
      values = parsed.value;
    }
    // Without the graph's channel list, a key not in the values may still be a channel nobody wrote
    // yet: the adapter checks it then, and its refusal shows inline like ours.
    const stateKeys = this.store.graphAt(this.store.level.path)?.stateKeys;
    const knownKeys = new Set(stateKeys ? [...stateKeys, ...Object.keys(this.original)] : []);
    const fallback = this.defaultNode();
    const problems = checkStateEdit({
      values, knownKeys, asNode: this.chooser.value, nodes: this.chooser.choices,
      ambiguous: "ambiguous" in fallback ? fallback.ambiguous : undefined,
    });
    if (!problems.length && !changedKeys(this.original, values as Record<string, unknown>).length && !this.forkFrom) {
      problems.push("Nothing changed: edit a value first.");
    }
    return { values: values as Record<string, unknown>, problems };
  }

  private async apply(): Promise<void> {
    this.clearMessages();
    const { values, problems } = this.collect();
    const { snapshot, checkpointNs } = this.store.level;
    if (problems.length || !values || !snapshot) {
      setMessage(this.errors, problems.join(" ") || "There is no checkpoint to edit yet.");
      return;
    }
    const changed = Object.fromEntries(changedKeys(this.original, values).map((key) => [key, values[key]]));
    const asNode = this.chooser.value!;
    this.applyButton.toggleAttribute("disabled", true);
    try {
      if (this.forkFrom) {
        const forkNs = this.forkFrom.checkpointNs;
        const body = await this.host.request<"fork">({ type: "fork", args: { checkpointId: this.forkFrom.checkpointId, values: changed, asNode, ...(forkNs ? { checkpointNs: forkNs } : {}) } });
        this.forkFrom = undefined;
        setMessage(this.note, `Forked as checkpoint ${short(body?.checkpointId)}; the run continues from it.`);
      } else {
        const body = await this.host.request<"updateState">({ type: "updateState", args: { values: changed, asNode, checkpointId: snapshot.checkpointId, ...(checkpointNs ? { checkpointNs } : {}) } });
        setMessage(this.note, `Written as checkpoint ${short(body?.checkpointId)} by ${body?.asNode ?? asNode}; the run is still paused.`);
      }
      this.original = values;
      this.reset(false);
    } catch (error) {
      setMessage(this.errors, (error as Error).message);
    } finally {
      this.applyButton.toggleAttribute("disabled", false);
    }
  }

  private clearMessages(): void {
    setMessage(this.errors, undefined);
    setMessage(this.note, undefined);
  }

  private saveView(): void {
    this.onViewChange({ mode: this.mode, open: [...this.open] });
  }
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function short(id: string | undefined): string {
  return id ? id.slice(0, 8) : "(new)";
}
