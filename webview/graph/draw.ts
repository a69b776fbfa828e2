/**
 * Draws a laid-out scene as SVG: node boxes with a left gutter holding the "break before" (top) and
 * "break after" (bottom) markers and a right slot for a status flag, pill-shaped terminals, "?"
 * badges for dynamic routes, and edges (solid, dashed when conditional, dotted stubs for dynamic
 * routes) with their path-map labels. An expanded subgraph is a framed group: its title bar is the
 * node itself (markers, flag, a "▾" expander), its insides are drawn like the root inside the frame,
 * and the frames sit below every edge so nothing inside is hidden. It only builds elements; highlights and breakpoints are
 * classes that other code toggles on the elements kept in the returned maps, so a stop never needs
 * a new layout or a new drawing.
 */
import { s } from "../dom";
import type { LayoutResult, PlacedBox, Point } from "../layout/model";
import { GUTTER, FLAG_SLOT, GROUP_HEADER, type Scene, type SceneEdge, type SceneNode } from "./scene";

export interface DrawnNode {
  node: SceneNode;
  element: SVGGElement;
  box: PlacedBox;
  flag?: SVGTextElement;
}

export interface DrawnEdge {
  edge: SceneEdge;
  element: SVGGElement;
}

export interface DrawnGraph {
  content: SVGGElement;
  nodes: Map<string, DrawnNode>;
  edges: DrawnEdge[];
  width: number;
  height: number;
}

export const MARKER_INSET = 10;

export function drawGraph(scene: Scene, layout: LayoutResult): DrawnGraph {
  const boxes = new Map(layout.nodes.map((box) => [box.id, box]));
  const routes = new Map(layout.edges.map((edge) => [edge.id, edge]));
  const groupLayer = s("g", { class: "groups" });
  const edgeLayer = s("g", { class: "edges" });
  const nodeLayer = s("g", { class: "nodes" });
  const drawn: DrawnGraph = { content: s("g", { class: "graph-content" }, groupLayer, edgeLayer, nodeLayer), nodes: new Map(), edges: [], width: layout.width, height: layout.height };

  for (const edge of scene.edges) {
    const route = routes.get(edge.id);
    if (!route || route.points.length < 2) continue;
    const element = s("g", { class: `edge edge-${edge.kind}`, "data-edge": edge.id, "data-source": edge.source, "data-target": edge.target },
      s("path", { class: "edge-line", d: roundedPath(route.points, 6) }));
    if (edge.label && route.label) element.append(drawLabel(edge.label, route.label));
    edgeLayer.append(element);
    drawn.edges.push({ edge, element });
  }
  for (const node of scene.nodes) {
    const box = boxes.get(node.id);
    if (!box) continue;
    if (node.subgraph?.expanded) groupLayer.append(drawFrame(node, box));
    const shape = node.kind === "node" ? drawNode(node, box) : node.kind === "terminal" ? drawTerminal(node, box) : drawBadge(node, box);
    nodeLayer.append(shape.element);
    drawn.nodes.set(node.id, { node, box, ...shape });
  }
  return drawn;
}

function drawNode(node: SceneNode, box: PlacedBox): { element: SVGGElement; flag: SVGTextElement } {
  const open = !!node.subgraph?.expanded;
  // An open group's node is its title bar: as wide as the frame, as tall as a node.
  const height = open ? GROUP_HEADER : box.height;
  const flag = s("text", { class: "node-flag", x: box.width - FLAG_SLOT / 2 - 2, y: height / 2, "aria-hidden": "true" });
  const element = s("g", {
    class: `node${node.subgraph ? " subgraph" : ""}${open ? " group" : ""}`, "data-node": node.id, transform: `translate(${box.x},${box.y})`,
    tabindex: 0, role: "button", "aria-roledescription": node.subgraph ? "subgraph node" : "graph node",
    "aria-expanded": node.subgraph ? String(open) : undefined,
  },
  s("rect", { class: "node-box", width: box.width, height, rx: 4 }),
  node.subgraph && !open ? s("rect", { class: "node-inner", x: 3, y: 3, width: box.width - 6, height: height - 6, rx: 2 }) : null,
  s("line", { class: "node-gutter", x1: GUTTER, y1: 4, x2: GUTTER, y2: height - 4 }),
  s("text", { class: "node-label", x: GUTTER + 8, y: height / 2 }, node.text),
  node.expander ? expander(node, box.width - FLAG_SLOT - 6, height / 2) : null,
  flag,
  marker("before", node.id, MARKER_INSET),
  marker("after", node.id, height - MARKER_INSET));
  return { element, flag };
}

/** The "▸ 3 nodes" toggle, right-aligned before the flag slot. */
function expander(node: SceneNode, right: number, y: number): SVGGElement {
  const open = !!node.subgraph?.expanded;
  return s("g", { class: "expander", "data-expander": node.id },
    s("title", undefined, `${open ? "Collapse" : "Expand"} the subgraph ${node.id} (${node.subgraph?.size ?? 0} nodes; click, or ${open ? "ArrowLeft" : "ArrowRight"} on the focused node)`),
    s("text", { class: "expander-label", x: right, y }, node.expander!));
}

/** The frame of an open group, drawn under the edges. */
function drawFrame(node: SceneNode, box: PlacedBox): SVGGElement {
  return s("g", { class: "group-frame", "data-group": node.id, transform: `translate(${box.x},${box.y})` },
    s("rect", { class: "group-box", width: box.width, height: box.height, rx: 6 }));
}

function marker(where: "before" | "after", nodeId: string, y: number): SVGGElement {
  return s("g", { class: `bp bp-${where}`, "data-bp": where },
    s("title", undefined, `Break ${where} ${nodeId} (click to toggle)`),
    s("circle", { class: "bp-hit", cx: GUTTER / 2, cy: y, r: 7 }),
    s("circle", { class: "bp-dot", cx: GUTTER / 2, cy: y, r: 4 }));
}

function drawTerminal(node: SceneNode, box: PlacedBox): { element: SVGGElement } {
  const element = s("g", { class: "terminal", "data-node": node.id, transform: `translate(${box.x},${box.y})` },
    s("title", undefined, node.id),
    s("rect", { class: "terminal-box", width: box.width, height: box.height, rx: box.height / 2 }),
    s("text", { class: "terminal-label", x: box.width / 2, y: box.height / 2 }, node.text));
  return { element };
}

function drawBadge(node: SceneNode, box: PlacedBox): { element: SVGGElement } {
  const seen = node.observed?.length ? `Seen so far: ${node.observed.join(", ")}.` : "No route seen yet.";
  const element = s("g", { class: "route-badge", "data-route": node.routeOf ?? "", transform: `translate(${box.x},${box.y})` },
    s("title", undefined, `${node.routeOf} routes dynamically (no path map): its targets are known only as the graph runs. ${seen}`),
    s("rect", { class: "route-badge-box", width: box.width, height: box.height, rx: 4 }),
    s("text", { class: "route-badge-label", x: box.width / 2, y: box.height / 2 }, node.text));
  return { element };
}

function drawLabel(text: string, box: PlacedBox): SVGGElement {
  return s("g", { class: "edge-label", transform: `translate(${box.x},${box.y})` },
    s("rect", { width: box.width, height: box.height, rx: 3 }),
    s("text", { x: box.width / 2, y: box.height / 2 }, text));
}

/** A polyline whose corners are rounded with radius `radius` (never more than half a segment). */
export function roundedPath(points: readonly Point[], radius: number): string {
  const parts = [`M${points[0].x},${points[0].y}`];
  for (let index = 1; index < points.length - 1; index++) {
    const [previous, corner, next] = [points[index - 1], points[index], points[index + 1]];
    const r = Math.min(radius, distance(previous, corner) / 2, distance(corner, next) / 2);
    const start = toward(corner, previous, r);
    const end = toward(corner, next, r);
    parts.push(`L${start.x},${start.y}`, `Q${corner.x},${corner.y} ${end.x},${end.y}`);
  }
  const last = points[points.length - 1];
  parts.push(`L${last.x},${last.y}`);
  return parts.join(" ");
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, length: number): Point {
  const total = distance(from, to) || 1;
  return { x: round(from.x + ((to.x - from.x) * length) / total), y: round(from.y + ((to.y - from.y) * length) / total) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
