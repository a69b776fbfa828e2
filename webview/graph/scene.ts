/**
 * Turns a GraphView into what the panel draws: boxes for nodes, small terminals for `__start__` and
 * `__end__`, a "?" badge under each node that routes dynamically (a conditional edge with no path
 * map, whose targets are known only from runs), and the edges between them. A dynamic route becomes
 * one dashed stub to its badge, never an edge to every node. A node that is a compiled graph is a
 * box with a "▸ 3 nodes" expander while collapsed; expanded, it is a group holding its own graph,
 * drawn the same way, recursively. Every id is the node's path from the root (`research/rank`,
 * `research/__start__`), the name breakpoints and the adapter use, and unique across the hierarchy.
 * Sizes come from a text measure the caller supplies, so this file stays free of the DOM.
 */
import type { GraphEdgeView, GraphView } from "../../src/protocol/debug";
import type { LayoutInput } from "../layout/model";

export const START = "__start__";
export const END = "__end__";

export type SceneNodeKind = "node" | "terminal" | "dynamic";

export interface SceneNode {
  /** Layout id: the node's path (`research/rank`), or `?dyn:<path>` for a dynamic-route badge. */
  id: string;
  /** The expanded group it is drawn in (a path); absent at the root. */
  parent?: string;
  kind: SceneNodeKind;
  text: string;
  /** For badges: the node whose route this is (a path) and the targets seen so far. */
  routeOf?: string;
  observed?: string[];
  hasSource: boolean;
  /** For a node that is a compiled graph: how many nodes it holds, and whether it is drawn open. */
  subgraph?: { size: number; expanded: boolean };
  /** The expander's text (`▸ 3 nodes`), for subgraph nodes. */
  expander?: string;
  width: number;
  height: number;
}

export type SceneEdgeKind = "direct" | "conditional" | "dynamic";

export interface SceneEdge {
  id: string;
  /** The group both ends lie in (a path); absent at the root. */
  parent?: string;
  kind: SceneEdgeKind;
  source: string;
  target: string;
  label?: string;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** Identifies the graph's shape: the same key means the same layout. */
  key: string;
}

export type MeasureText = (text: string, kind: SceneNodeKind) => number;

const NODE_HEIGHT = 34;
const TERMINAL_HEIGHT = 22;
/** Left gutter holding the before/after breakpoint markers, and the right slot for a status flag. */
export const GUTTER = 20;
export const FLAG_SLOT = 20;
export const LABEL_HEIGHT = 16;
/** An expanded group's title bar (the node's own box, markers and flag) above its insides. */
export const GROUP_HEADER = NODE_HEIGHT;
const GROUP_TOP_PADDING = GROUP_HEADER + 14;

export function badgeId(source: string): string {
  return `?dyn:${source}`;
}

export function terminalText(id: string): string {
  return id === START ? "start" : "end";
}

export function pathId(prefix: string, id: string): string {
  return prefix ? `${prefix}/${id}` : id;
}

/** The node's own name in its graph: `rank` for `research/rank`. */
export function localName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function expanderText(size: number, expanded: boolean): string {
  return `${expanded ? "▾" : "▸"} ${size} node${size === 1 ? "" : "s"}`;
}

/** Nodes a subgraph holds, not counting its start and end. */
export function innerSize(graph: GraphView): number {
  return graph.nodes.filter((node) => node.id !== START && node.id !== END).length;
}

export function badgeText(observed: string[]): string {
  return observed.length ? `? → ${observed.join(", ")}` : "? (no route seen yet)";
}

export function buildScene(graph: GraphView, measure: MeasureText, expanded: ReadonlySet<string> = new Set()): Scene {
  const scene: Scene = { nodes: [], edges: [], key: "" };
  const opened: string[] = [];
  addLevel(scene, graph, "", { measure, expanded, opened });
  scene.key = `${sceneKey(graph)}|open:${opened.sort().join(",")}`;
  return scene;
}

interface LevelContext {
  measure: MeasureText;
  expanded: ReadonlySet<string>;
  /** The groups really drawn open (an expanded path whose parent is collapsed is not). */
  opened: string[];
}

/** Adds one graph's nodes and edges under `prefix` (its path; "" for the root), then its open subgraphs'. */
function addLevel(scene: Scene, graph: GraphView, prefix: string, context: LevelContext): void {
  const parent = prefix || undefined;
  const openSubgraphs: Array<{ path: string; graph: GraphView }> = [];
  for (const node of graph.nodes) {
    const path = pathId(prefix, node.id);
    const open = !!node.subgraph && context.expanded.has(path);
    scene.nodes.push(sceneNode(path, parent, node.id, node, open, context.measure));
    if (open) openSubgraphs.push({ path, graph: node.subgraph! });
  }
  // An edge to a node the graph does not list would make ELK reject the whole layout: leave it out.
  const known = new Set(graph.nodes.map((node) => node.id));
  const routes = graph.dynamic.filter((route) => known.has(route.source));
  for (const route of routes) {
    const text = badgeText(route.observed);
    const source = pathId(prefix, route.source);
    scene.nodes.push({
      id: badgeId(source), parent, kind: "dynamic", text, routeOf: source, observed: [...route.observed],
      hasSource: false, width: Math.ceil(context.measure(text, "dynamic")) + 20, height: TERMINAL_HEIGHT,
    });
  }
  const edgePrefix = prefix ? `${prefix}/` : "";
  graph.edges.forEach((edge, index) => {
    if (known.has(edge.source) && known.has(edge.target)) scene.edges.push(sceneEdge(edge, `${edgePrefix}e${index}`, prefix));
  });
  routes.forEach((route, index) => {
    const source = pathId(prefix, route.source);
    scene.edges.push({ id: `${edgePrefix}d${index}`, parent, kind: "dynamic", source, target: badgeId(source) });
  });
  for (const open of openSubgraphs) {
    context.opened.push(open.path);
    addLevel(scene, open.graph, open.path, context);
  }
}

function sceneNode(id: string, parent: string | undefined, name: string, node: GraphView["nodes"][number], open: boolean, measure: MeasureText): SceneNode {
  if (name === START || name === END) {
    const text = terminalText(name);
    return { id, parent, kind: "terminal", text, hasSource: false, width: Math.max(44, measure(text, "terminal") + 20), height: TERMINAL_HEIGHT };
  }
  const textWidth = Math.ceil(measure(name, "node")) + GUTTER + FLAG_SLOT + 16;
  if (!node.subgraph) return { id, parent, kind: "node", text: name, hasSource: Boolean(node.source), width: Math.max(88, textWidth), height: NODE_HEIGHT };
  const size = innerSize(node.subgraph);
  const expander = expanderText(size, open);
  return {
    id, parent, kind: "node", text: name, hasSource: Boolean(node.source), subgraph: { size, expanded: open }, expander,
    width: Math.max(88, textWidth + Math.ceil(measure(expander, "dynamic")) + 12), height: open ? GROUP_TOP_PADDING : NODE_HEIGHT,
  };
}

function sceneEdge(edge: GraphEdgeView, id: string, prefix: string): SceneEdge {
  return {
    id, parent: prefix || undefined, kind: edge.conditional ? "conditional" : "direct", source: pathId(prefix, edge.source), target: pathId(prefix, edge.target),
    label: edge.conditional && edge.label && edge.label !== edge.target ? edge.label : undefined,
  };
}

/** Node ids, edges and observed routes (a badge's width depends on the targets it lists), subgraphs included. */
function sceneKey(graph: GraphView): string {
  const nodes = graph.nodes.map((node) => (node.subgraph ? `${node.id}{${sceneKey(node.subgraph)}}` : node.id)).join("\u0000");
  const edges = graph.edges.map((edge) => `${edge.source}>${edge.target}:${edge.label ?? ""}:${edge.conditional ? 1 : 0}`).join("\u0000");
  const dynamic = graph.dynamic.map((route) => `${route.source}:${route.observed.join(",")}`).join("\u0000");
  return `${nodes}|${edges}|${dynamic}`;
}

export function layoutInput(scene: Scene, measureLabel: (text: string) => number): LayoutInput {
  return {
    nodes: scene.nodes.map(({ id, parent, width, height, subgraph }) => ({
      id, parent, width, height, group: subgraph?.expanded ? { top: GROUP_TOP_PADDING } : undefined,
    })),
    edges: scene.edges.map((edge) => ({
      id: edge.id, container: edge.parent, source: edge.source, target: edge.target,
      label: edge.label ? { text: edge.label, width: Math.ceil(measureLabel(edge.label)) + 10, height: LABEL_HEIGHT } : undefined,
    })),
  };
}
