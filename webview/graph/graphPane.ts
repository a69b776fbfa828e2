/**
 * The graph pane: lays the graph out in the worker when its shape changes, draws it, and keeps
 * its highlights and breakpoint markers in step with the store without laying out again. It also
 * turns clicks and keys on nodes into requests: a marker click toggles that breakpoint (the full
 * before/after sets go to the adapter, which keeps gutter, Breakpoints view and panel in sync),
 * a double-click (or F12) opens the node's `addNode` line.
 */
import type { NodeBreakpoints } from "../../src/protocol/debug";
import { h, s, setMessage } from "../dom";
import type { HostChannel } from "../host";
import type { LayoutClient } from "../layout/client";
import type { Store } from "../store";
import { drawGraph, type DrawnGraph } from "./draw";
import { applyHighlights, computeHighlights } from "./highlights";
import { buildScene, layoutInput, type MeasureText } from "./scene";
import { Viewport, type Transform } from "./viewport";

export interface GraphViewState {
  graphKey?: string;
  transform?: Transform;
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

  constructor(
    private readonly store: Store,
    private readonly host: HostChannel,
    private readonly layout: LayoutClient,
    private saved: GraphViewState,
    private readonly onViewChange: (state: GraphViewState) => void,
  ) {
    this.viewportGroup = s("g", { class: "viewport" });
    this.svg = s("svg", { class: "graph-svg", role: "group", "aria-label": "Graph. Tab to a node; Enter toggles break before, Shift+Enter break after, F12 opens its source; + - 0 zoom." },
      s("defs", undefined, arrow("lg-arrow", "arrow-head"), arrow("lg-arrow-path", "arrow-head arrow-head-path")),
      this.viewportGroup);
    this.viewport = new Viewport(this.svg, this.viewportGroup, (transform) => {
      this.saved = { graphKey: this.sceneKey, transform };
      this.onViewChange(this.saved);
    });
    this.progress = h("vscode-progress-bar", { class: "layout-progress", hidden: true, "aria-label": "Laying out the graph" });
    this.message = h("div", { class: "graph-message", role: "status", hidden: true });
    this.empty = h("div", { class: "graph-empty" }, "Waiting for the graph from the debug session…");
    this.element = h("section", { class: "graph-pane", "aria-label": "Graph", tabindex: -1 }, this.progress, this.svg, this.empty, this.message);
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    this.svg.addEventListener("click", (event) => this.onClick(event));
    this.svg.addEventListener("dblclick", (event) => this.onDoubleClick(event));
    this.svg.addEventListener("focusin", (event) => this.onFocus(event));
    store.on(["graph"], () => void this.relayout());
    store.on(["state", "history", "viewed", "graph"], () => this.paintHighlights());
    store.on(["breakpoints"], () => this.paintBreakpoints());
  }

  zoomIn(): void { this.viewport.zoomIn(); }
  zoomOut(): void { this.viewport.zoomOut(); }
  fit(): void { this.viewport.fit(); }

  private async relayout(): Promise<void> {
    const graph = this.store.data.graph;
    if (!graph) return;
    const measure = textMeasurer();
    const scene = buildScene(graph, measure);
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
      this.drawn = drawGraph(scene, result);
      this.sceneKey = scene.key;
      this.viewportGroup.replaceChildren(this.drawn.content);
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

  private restoreOrFit(key: string): void {
    if (this.saved.graphKey === key && this.saved.transform) this.viewport.set(this.saved.transform, true);
    else this.viewport.fit();
  }

  private paintHighlights(): void {
    const { graph, state, history } = this.store.data;
    if (!this.drawn || !graph) return;
    const highlights = computeHighlights({ graph, state, viewed: this.store.snapshot, history: history?.entries });
    applyHighlights(this.drawn, highlights, (id, status) => this.describe(id, status));
    this.stats.highlightPasses++;
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
    return [`Node ${id}`, status, marks.length ? marks.join(" and ") : "no breakpoints"].filter(Boolean).join(", ");
  }

  private onClick(event: MouseEvent): void {
    const marker = (event.target as Element).closest<SVGGElement>(".bp");
    const node = marker?.closest<SVGGElement>(".node");
    if (!marker || !node) return;
    event.stopPropagation();
    void this.toggleBreakpoint(node.dataset.node!, marker.dataset.bp as "before" | "after");
  }

  private onDoubleClick(event: MouseEvent): void {
    const node = (event.target as Element).closest<SVGGElement>(".node, .terminal");
    if (node && !(event.target as Element).closest(".bp")) void this.openSource(node.dataset.node!);
  }

  private onKey(event: KeyboardEvent): void {
    const node = (event.target as Element).closest?.<SVGGElement>(".node");
    if (node && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      void this.toggleBreakpoint(node.dataset.node!, event.shiftKey ? "after" : "before");
    } else if (node && event.key === "F12") {
      event.preventDefault();
      void this.openSource(node.dataset.node!);
    } else if (this.viewport.handleKey(event)) {
      event.preventDefault();
    }
  }

  private onFocus(event: FocusEvent): void {
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
    const source = this.store.data.graph?.nodes.find((node) => node.id === id)?.source;
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

/**
 * Measures text with the panel's real font, so boxes fit their names. Made once per layout: the
 * computed style is read once and the canvas font is set only when it changes, which keeps a
 * 500-node graph's measuring to a few milliseconds.
 */
function textMeasurer(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  const style = getComputedStyle(document.body);
  const nodeSize = parseFloat(style.fontSize) || 13;
  const fonts = { node: `600 ${nodeSize}px ${style.fontFamily}`, small: `400 11px ${style.fontFamily}` };
  let current = "";
  return (text, kind) => {
    if (!context) return text.length * (kind === "node" ? nodeSize : 11) * 0.6;
    const font = kind === "node" ? fonts.node : fonts.small;
    if (font !== current) context.font = current = font;
    return context.measureText(text).width;
  };
}
