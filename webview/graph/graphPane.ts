/**
 * The graph pane: lays the graph out in the worker when its shape changes, draws it, and keeps
 * its highlights and breakpoint markers in step with the store without laying out again. It also
 * turns clicks and keys on nodes into requests: a marker click toggles that breakpoint (the full
 * before/after sets go to the adapter, which keeps gutter, Breakpoints view and panel in sync),
 * a double-click (or F12) opens the node's `addNode` line. Subgraphs start collapsed; the expander
 * (or ArrowRight/ArrowLeft) opens and closes them, a stop inside a subgraph opens the groups on its
 * way once, and the open groups are part of the saved view state and of the scene key, so a hidden
 * and shown panel keeps them while highlights alone never lay out again.
 */
import type { NodeBreakpoints } from "../../src/protocol/debug";
import { h, s, setMessage } from "../dom";
import type { HostChannel } from "../host";
import type { LayoutClient } from "../layout/client";
import type { Store } from "../store";
import { drawGraph, type DrawnGraph } from "./draw";
import { applyHighlights, computeHighlights } from "./highlights";
import { groupsToOpen, nodeAt, stopKey, subgraphPaths } from "./levels";
import { textMeasurer } from "./measure";
import { buildScene, layoutInput } from "./scene";
import { Viewport, type Transform } from "./viewport";

/** The highlight classes that mark where the run is. */
const LIT = ["next", "running", "interrupted", "errored"];

export interface GraphViewState {
  graphKey?: string;
  transform?: Transform;
  /** The subgraph nodes drawn open, by path. */
  expanded?: string[];
  /** The stop whose groups were opened last (see `stopKey`): a stop opens them once, not again after the user closes one. */
  openedFor?: string;
}

/** Counters the tests and the benchmark read (window.__langgraphPanel). */
export interface GraphStats {
  layouts: number;
  lastLayoutMs?: number;
  highlightPasses: number;
}

export class GraphPane {
  readonly element: HTMLElement;
  readonly stats: GraphStats = { layouts: 0, highlightPasses: 0 };
  private readonly svg: SVGSVGElement;
  private readonly viewportGroup: SVGGElement;
  private readonly viewport: Viewport;
  private readonly progress: HTMLElement;
  private readonly message: HTMLElement;
  private readonly empty: HTMLElement;
  private drawn?: DrawnGraph;
  private sceneKey?: string;
  private latestLayout = 0;
  private readonly expanded: Set<string>;
  private pointerDown = false;

  constructor(
    private readonly store: Store,
    private readonly host: HostChannel,
    private readonly layout: LayoutClient,
    private saved: GraphViewState,
    private readonly onViewChange: (state: GraphViewState) => void,
  ) {
    this.expanded = new Set(saved.expanded ?? []);
    this.viewportGroup = s("g", { class: "viewport" });
    this.svg = s("svg", { class: "graph-svg", role: "group", "aria-label": "Graph. Tab to a node; Enter toggles break before, Shift+Enter break after, F12 opens its source; ArrowRight expands a subgraph, ArrowLeft collapses it; + - 0 zoom." },
      s("defs", undefined, arrow("lg-arrow", "arrow-head"), arrow("lg-arrow-path", "arrow-head arrow-head-path")),
      this.viewportGroup);
    this.viewport = new Viewport(this.svg, this.viewportGroup, (transform) => this.save({ graphKey: this.sceneKey, transform }));
    this.progress = h("vscode-progress-bar", { class: "layout-progress", hidden: true, "aria-label": "Laying out the graph" });
    this.message = h("div", { class: "graph-message", role: "status", hidden: true });
    this.empty = h("div", { class: "graph-empty" }, "Waiting for the graph from the debug session…");
    this.element = h("section", { class: "graph-pane", "aria-label": "Graph", tabindex: -1 }, this.progress, this.svg, this.empty, this.message);
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    this.svg.addEventListener("click", (event) => this.onClick(event));
    this.svg.addEventListener("dblclick", (event) => this.onDoubleClick(event));
    this.svg.addEventListener("focusin", (event) => this.onFocus(event));
    this.svg.addEventListener("pointerdown", () => { this.pointerDown = true; });
    for (const end of ["pointerup", "pointercancel"]) window.addEventListener(end, () => { this.pointerDown = false; }, true);
    store.on(["graph"], () => void this.relayout());
    store.on(["state", "graph"], () => this.openGroupsOfStop());
    store.on(["state", "history", "viewed", "graph"], () => this.paintHighlights());
    store.on(["breakpoints"], () => this.paintBreakpoints());
  }

  zoomIn(): void { this.viewport.zoomIn(); }
  zoomOut(): void { this.viewport.zoomOut(); }
  fit(): void { this.viewport.fit(); }

  private save(fields: GraphViewState): void {
    this.saved = { ...this.saved, ...fields };
    this.onViewChange(this.saved);
  }

  /** Opens or closes the subgraph node at `path` and lays out again. */
  setExpanded(path: string, open: boolean): void {
    if (this.expanded.has(path) === open) return;
    if (open) this.expanded.add(path); else this.expanded.delete(path);
    this.save({ expanded: [...this.expanded].sort() });
    void this.relayout();
  }

  /** A stop inside a subgraph opens the groups down to it, once per stop. */
  private openGroupsOfStop(): void {
    const { graph, state } = this.store.data;
    if (!graph || !state) return;
    const key = stopKey(state);
    if (key === this.saved.openedFor) return;
    const known = new Set(subgraphPaths(graph));
    const closed = groupsToOpen(state).filter((path) => known.has(path) && !this.expanded.has(path));
    closed.forEach((path) => this.expanded.add(path));
    this.save({ openedFor: key, expanded: [...this.expanded].sort() });
    if (closed.length) void this.relayout();
  }

  private async relayout(): Promise<void> {
    const graph = this.store.data.graph;
    if (!graph) return;
    const measure = textMeasurer();
    const scene = buildScene(graph, measure, this.expanded);
    if (scene.key === this.sceneKey && this.drawn) return;
    const requestId = ++this.latestLayout;
    this.progress.hidden = false;
    this.empty.hidden = true;
    try {
      queueMicrotask(() => this.announce("layout-start", { nodes: scene.nodes.length }));
      const { result, layoutMs } = await this.layout.layout(layoutInput(scene, (text) => measure(text, "dynamic")));
      if (requestId !== this.latestLayout) return;
      this.announce("layout-done", { layoutMs });
      this.stats.layouts++;
      this.stats.lastLayoutMs = layoutMs;
      const focused = this.focusedNode();
      this.drawn = drawGraph(scene, result);
      this.sceneKey = scene.key;
      this.viewportGroup.replaceChildren(this.drawn.content);
      if (focused) this.drawn.nodes.get(focused)?.element.focus({ preventScroll: true });
      this.viewport.setContentSize(result.width, result.height);
      this.restoreOrFit(scene.key);
      this.paintHighlights();
      this.paintBreakpoints();
      setMessage(this.message, undefined);
      this.announce("drawn", { nodes: this.drawn.nodes.size });
    } catch (error) {
      if (requestId === this.latestLayout) this.showMessage(`Could not lay out the graph: ${(error as Error).message}`);
    } finally {
      if (requestId === this.latestLayout) this.progress.hidden = true;
    }
  }

  /** DOM events the benchmark and tests listen to: `graph-layout-start` (sent to the worker), `graph-layout-done` (it answered), `graph-drawn`. */
  private announce(what: "layout-start" | "layout-done" | "drawn", detail: object): void {
    this.element.dispatchEvent(new CustomEvent(`graph-${what}`, { bubbles: true, detail }));
  }

  /** The node holding keyboard focus, so a new drawing (after expanding it) can give focus back. */
  private focusedNode(): string | undefined {
    const active = document.activeElement;
    return active instanceof SVGElement && this.svg.contains(active) ? active.dataset.node : undefined;
  }

  private restoreOrFit(key: string): void {
    if (this.saved.graphKey === key && this.saved.transform) this.viewport.set(this.saved.transform, true);
    else this.viewport.fit(true);
  }

  private paintHighlights(): void {
    const { graph, state, history } = this.store.data;
    if (!this.drawn || !graph) return;
    const highlights = computeHighlights({ graph, state, viewed: this.store.snapshot, history: history?.entries });
    applyHighlights(this.drawn, highlights, (id, status) => this.describe(id, status));
    this.stats.highlightPasses++;
    if (!this.viewport.moved) this.revealLit();
  }

  /** Pans to the deepest node lit (next, running, waiting, failed) unless the person moved the view. */
  private revealLit(): void {
    const lit = [...this.drawn!.nodes.values()].filter(({ element, node }) => node.kind === "node" && LIT.some((name) => element.classList.contains(name)));
    const deepest = lit.sort((a, b) => b.node.id.split("/").length - a.node.id.split("/").length)[0];
    if (deepest) this.viewport.reveal(deepest.box);
  }

  private paintBreakpoints(): void {
    if (!this.drawn) return;
    const { before, after } = this.store.data.breakpoints;
    for (const [id, { element, node }] of this.drawn.nodes) {
      if (node.kind !== "node") continue;
      element.classList.toggle("bp-before-on", before.includes(id));
      element.classList.toggle("bp-after-on", after.includes(id));
      element.setAttribute("aria-label", this.describe(id, element.getAttribute("data-status") ?? ""));
    }
  }

  private describe(id: string, status: string): string {
    const { before, after } = this.store.data.breakpoints;
    const element = this.drawn?.nodes.get(id)?.element;
    element?.setAttribute("data-status", status);
    const marks = [before.includes(id) ? "break before" : "", after.includes(id) ? "break after" : ""].filter(Boolean);
    const subgraph = this.drawn?.nodes.get(id)?.node.subgraph;
    const group = subgraph && `subgraph of ${subgraph.size} nodes, ${subgraph.expanded ? "expanded" : "collapsed"}`;
    return [`Node ${id}`, group, status, marks.length ? marks.join(" and ") : "no breakpoints"].filter(Boolean).join(", ");
  }

  private onClick(event: MouseEvent): void {
    const expander = (event.target as Element).closest<SVGGElement>(".expander");
    if (expander) {
      event.stopPropagation();
      const path = expander.dataset.expander!;
      this.setExpanded(path, !this.expanded.has(path));
      return;
    }
    const marker = (event.target as Element).closest<SVGGElement>(".bp");
    const node = marker?.closest<SVGGElement>(".node");
    if (!marker || !node) return;
    event.stopPropagation();
    void this.toggleBreakpoint(node.dataset.node!, marker.dataset.bp as "before" | "after");
  }

  private onDoubleClick(event: MouseEvent): void {
    const node = (event.target as Element).closest<SVGGElement>(".node, .terminal");
    if (node && !(event.target as Element).closest(".bp, .expander")) void this.openSource(node.dataset.node!);
  }

  private onKey(event: KeyboardEvent): void {
    const node = (event.target as Element).closest?.<SVGGElement>(".node");
    if (node && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      void this.toggleBreakpoint(node.dataset.node!, event.shiftKey ? "after" : "before");
    } else if (node && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      event.preventDefault();
      this.expandByKey(node.dataset.node!, event.key === "ArrowRight");
    } else if (node && event.key === "F12") {
      event.preventDefault();
      void this.openSource(node.dataset.node!);
    } else if (this.viewport.handleKey(event)) {
      event.preventDefault();
    }
  }

  /** ArrowRight opens a subgraph; ArrowLeft closes it, or, on a node inside a group, closes that group. */
  private expandByKey(path: string, open: boolean): void {
    const drawn = this.drawn?.nodes.get(path)?.node;
    if (drawn?.subgraph && drawn.subgraph.expanded !== open) this.setExpanded(path, open);
    else if (!open && drawn?.parent) {
      this.drawn?.nodes.get(drawn.parent)?.element.focus();
      this.setExpanded(drawn.parent, false);
    }
  }

  private onFocus(event: FocusEvent): void {
    // A click focuses the node too; panning then would move it from under the pointer before the click lands.
    if (this.pointerDown) return;
    const node = (event.target as Element).closest<SVGGElement>(".node");
    const box = node && this.drawn?.nodes.get(node.dataset.node!)?.box;
    if (box) this.viewport.reveal(box);
  }

  async toggleBreakpoint(id: string, where: "before" | "after"): Promise<void> {
    const previous = this.store.data.breakpoints;
    const set = new Set(previous[where]);
    if (set.has(id)) set.delete(id); else set.add(id);
    const next: NodeBreakpoints = { ...previous, [where]: [...set].sort() };
    this.store.update({ breakpoints: next }, ["breakpoints"]);
    try {
      const confirmed = await this.host.request<"setNodeBreakpoints">({ type: "setNodeBreakpoints", args: next });
      if (confirmed && Array.isArray(confirmed.before)) this.store.update({ breakpoints: confirmed }, ["breakpoints"]);
      setMessage(this.message, undefined);
    } catch (error) {
      this.store.update({ breakpoints: previous }, ["breakpoints"]);
      this.showMessage(`Could not set the breakpoint: ${(error as Error).message}`);
    }
  }

  private async openSource(id: string): Promise<void> {
    const source = nodeAt(this.store.data.graph, id)?.source;
    if (!source) {
      this.showMessage(`${id} has no source location (only nodes added with addNode in your file have one).`);
      return;
    }
    try {
      await this.host.request<"openSource">({ type: "openSource", node: id, source });
    } catch (error) {
      this.showMessage(`Could not open ${id}'s source: ${(error as Error).message}`);
    }
  }

  private showMessage(text: string): void {
    setMessage(this.message, text);
  }
}

function arrow(id: string, cls: string): SVGMarkerElement {
  return s("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerUnits: "userSpaceOnUse", markerWidth: 10, markerHeight: 10, orient: "auto-start-reverse" },
    s("path", { class: cls, d: "M0,1 L9,5 L0,9 z" }));
}
