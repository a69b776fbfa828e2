/**
 * The layout request and answer exchanged with the layout worker, and their translation to and from
 * ELK's JSON graph. The main thread measures text and decides box sizes (it has the real font); the
 * worker only runs ELK (layered, top to bottom) and hands back positions and edge routes, so nothing
 * here touches the DOM and the same code runs in the worker, on the page and in Node tests.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdgeInput {
  id: string;
  source: string;
  target: string;
  /** Text drawn on the edge; its size is reserved by the layout. */
  label?: { text: string; width: number; height: number };
}

export interface LayoutInput {
  nodes: LayoutBox[];
  edges: LayoutEdgeInput[];
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedBox extends LayoutBox, Point {}

export interface RoutedEdge {
  id: string;
  /** Start, bends, end: a polyline with orthogonal segments. */
  points: Point[];
  label?: PlacedBox;
}

export interface LayoutResult {
  width: number;
  height: number;
  nodes: PlacedBox[];
  edges: RoutedEdge[];
}

/** Worker protocol: one answer per request; a newer request makes older answers stale. */
export type LayoutRequest = { requestId: number; input: LayoutInput };
export type LayoutAnswer =
  | { requestId: number; ok: true; result: LayoutResult; layoutMs: number }
  | { requestId: number; ok: false; error: string };

/** Why these options: top-to-bottom layers, model order kept so small edits do not reshuffle the
 * picture, back edges (agent <- tools loops) broken depth-first so the main flow points down. */
export const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.spacing.nodeNodeBetweenLayers": "40",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.edgeNode": "16",
  "elk.spacing.edgeEdge": "10",
  "elk.spacing.edgeLabel": "4",
  "elk.edgeLabels.placement": "CENTER",
  "elk.layered.edgeLabels.sideSelection": "SMART_DOWN",
  "elk.padding": "[top=16,left=16,bottom=16,right=16]",
};

export function toElkGraph(input: LayoutInput): ElkNode {
  const edges: ElkExtendedEdge[] = input.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    labels: edge.label ? [{ text: edge.label.text, width: edge.label.width, height: edge.label.height }] : [],
  }));
  return {
    id: "root",
    layoutOptions: ELK_OPTIONS,
    children: input.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges,
  };
}

export function fromElkGraph(laidOut: ElkNode): LayoutResult {
  const nodes: PlacedBox[] = (laidOut.children ?? []).map((child) => ({
    id: child.id, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0,
  }));
  const edges: RoutedEdge[] = (laidOut.edges ?? []).map((edge) => {
    const extended = edge as ElkExtendedEdge;
    const points: Point[] = [];
    for (const section of extended.sections ?? []) {
      points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    const label = extended.labels?.[0];
    return {
      id: extended.id,
      points: points.map(({ x, y }) => ({ x, y })),
      label: label ? { id: `${extended.id}:label`, x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : undefined,
    };
  });
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}
