/**
 * Turns a GraphView into what the panel draws: boxes for nodes, small terminals for `__start__` and
 * `__end__`, a "?" badge under each node that routes dynamically (a conditional edge with no path
 * map, whose targets are known only from runs), and the edges between them. A dynamic route becomes
 * one dashed stub to its badge, never an edge to every node. Sizes come from a text measure the
 * caller supplies, so this file stays free of the DOM.
 */
import type { GraphEdgeView, GraphView } from "../../src/protocol/debug";
import type { LayoutInput } from "../layout/model";

export const START = "__start__";
export const END = "__end__";

export type SceneNodeKind = "node" | "terminal" | "dynamic";

export interface SceneNode {
  /** Layout id: the node id, or `?dyn:<source>` for a dynamic-route badge. */
  id: string;
  kind: SceneNodeKind;
  text: string;
  /** For badges: the node whose route this is and the targets seen so far. */
  routeOf?: string;
  observed?: string[];
  hasSource: boolean;
  subgraph: boolean;
  width: number;
  height: number;
}

export type SceneEdgeKind = "direct" | "conditional" | "dynamic";

export interface SceneEdge {
  id: string;
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

export function badgeId(source: string): string {
  return `?dyn:${source}`;
}

export function terminalText(id: string): string {
  return id === START ? "start" : "end";
}

export function badgeText(observed: string[]): string {
  return observed.length ? `? → ${observed.join(", ")}` : "? (no route seen yet)";
}

export function buildScene(graph: GraphView, measure: MeasureText): Scene {
  const nodes: SceneNode[] = graph.nodes.map((node) => {
    const terminal = node.id === START || node.id === END;
    const kind: SceneNodeKind = terminal ? "terminal" : "node";
    const text = terminal ? terminalText(node.id) : node.id;
    const textWidth = measure(text, kind);
    return {
      id: node.id, kind, text, hasSource: Boolean(node.source), subgraph: Boolean(node.subgraph),
      width: terminal ? Math.max(44, textWidth + 20) : Math.max(88, Math.ceil(textWidth) + GUTTER + FLAG_SLOT + 16),
      height: terminal ? TERMINAL_HEIGHT : NODE_HEIGHT,
    };
  });
  // An edge to a node the graph does not list would make ELK reject the whole layout: leave it out.
  const known = new Set(graph.nodes.map((node) => node.id));
  const routes = graph.dynamic.filter((route) => known.has(route.source));
  for (const route of routes) {
    const text = badgeText(route.observed);
    nodes.push({
      id: badgeId(route.source), kind: "dynamic", text, routeOf: route.source, observed: [...route.observed],
      hasSource: false, subgraph: false, width: Math.ceil(measure(text, "dynamic")) + 20, height: TERMINAL_HEIGHT,
    });
  }
  const edges: SceneEdge[] = graph.edges
    .map((edge, index) => sceneEdge(edge, index))
    .filter((edge) => known.has(edge.source) && known.has(edge.target));
  routes.forEach((route, index) => {
    edges.push({ id: `d${index}`, kind: "dynamic", source: route.source, target: badgeId(route.source) });
  });
  return { nodes, edges, key: sceneKey(graph) };
}

function sceneEdge(edge: GraphEdgeView, index: number): SceneEdge {
  return {
    id: `e${index}`, kind: edge.conditional ? "conditional" : "direct", source: edge.source, target: edge.target,
    label: edge.conditional && edge.label && edge.label !== edge.target ? edge.label : undefined,
  };
}

/** Node ids, edges and observed routes (a badge's width depends on the targets it lists). */
function sceneKey(graph: GraphView): string {
  const nodes = graph.nodes.map((node) => node.id).join("\u0000");
  const edges = graph.edges.map((edge) => `${edge.source}>${edge.target}:${edge.label ?? ""}:${edge.conditional ? 1 : 0}`).join("\u0000");
  const dynamic = graph.dynamic.map((route) => `${route.source}:${route.observed.join(",")}`).join("\u0000");
  return `${nodes}|${edges}|${dynamic}`;
}

export function layoutInput(scene: Scene, measureLabel: (text: string) => number): LayoutInput {
  return {
    nodes: scene.nodes.map(({ id, width, height }) => ({ id, width, height })),
    edges: scene.edges.map((edge) => ({
      id: edge.id, source: edge.source, target: edge.target,
      label: edge.label ? { text: edge.label, width: Math.ceil(measureLabel(edge.label)) + 10, height: LABEL_HEIGHT } : undefined,
    })),
  };
}
