/**
 * The layout request and answer exchanged with the layout worker, and their translation to and from
 * ELK's JSON graph. The main thread measures text and decides box sizes (it has the real font); the
 * worker only runs ELK (layered, top to bottom) and hands back positions and edge routes, so nothing
 * here touches the DOM and the same code runs in the worker, on the page and in Node tests. An
 * expanded subgraph is a compound node: its boxes name it as `parent`, its edges as `container`, and
 * ELK lays the whole hierarchy out in one pass; the answer is flattened back to page coordinates.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
  /** The group (expanded subgraph) this box lies in; absent at the top level. */
  parent?: string;
  /** Set for a group: its size is ELK's to choose (width/height are minimums); `top` is the room kept for its title bar. */
  group?: { top: number };
}

export interface LayoutEdgeInput {
  id: string;
  source: string;
  target: string;
  /** The group whose boxes this edge joins (source and target are its direct children); absent at the top level. */
  container?: string;
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

export interface PlacedBox extends Point {
  id: string;
  width: number;
  height: number;
}

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
  // One layout for the whole hierarchy, so edges into a group and the group's insides line up.
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
};

const GROUP_SIDE_PADDING = 12;

/**
 * A group must be at least as wide as its title bar. With INCLUDE_CHILDREN and direction DOWN,
 * elkjs 0.9/0.10 applies `nodeSize.minimum` in its own rotated frame (width and height swapped), so
 * the minimum is given as a square: right whether or not a later ELK swaps it. Groups are laid out
 * top to bottom and are taller than their title is wide, so the square costs no room in practice.
 */
function groupOptions(box: LayoutBox, options: Record<string, string>): Record<string, string> {
  const top = box.group?.top ?? 0;
  const side = Math.max(box.width, box.height);
  return {
    ...options,
    "elk.padding": `[top=${top},left=${GROUP_SIDE_PADDING},bottom=${GROUP_SIDE_PADDING},right=${GROUP_SIDE_PADDING}]`,
    "elk.nodeSize.constraints": "MINIMUM_SIZE",
    "elk.nodeSize.minimum": `(${side},${side})`,
  };
}

/**
 * With groups open, model order is kept for edges only: elkjs 0.9/0.10 throws inside its model
 * order sorting (NODES_AND_EDGES) on hierarchical graphs with back edges, e.g. a 30-node graph
 * holding a 10-node subgraph.
 */
const HIERARCHY_OPTIONS: Record<string, string> = { ...ELK_OPTIONS, "elk.layered.considerModelOrder.strategy": "PREFER_EDGES" };

export function toElkGraph(input: LayoutInput): ElkNode {
  const options = input.nodes.some((box) => box.group) ? HIERARCHY_OPTIONS : ELK_OPTIONS;
  const root: ElkNode = { id: "root", layoutOptions: options, children: [], edges: [] };
  const containers = new Map<string | undefined, ElkNode>([[undefined, root]]);
  for (const box of input.nodes) {
    const node: ElkNode = box.group
      ? { id: box.id, layoutOptions: groupOptions(box, options), children: [], edges: [] }
      : { id: box.id, width: box.width, height: box.height };
    if (box.group) containers.set(box.id, node);
  }
  for (const box of input.nodes) containerOf(containers, box.parent).children!.push(containers.get(box.id) ?? { id: box.id, width: box.width, height: box.height });
  for (const edge of input.edges) {
    containerOf(containers, edge.container).edges!.push({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: edge.label ? [{ text: edge.label.text, width: edge.label.width, height: edge.label.height }] : [],
    });
  }
  return root;
}

function containerOf(containers: Map<string | undefined, ElkNode>, id: string | undefined): ElkNode {
  const found = containers.get(id);
  if (!found) throw new Error(`the layout names group ${id}, which is not in it`);
  return found;
}

/** Positions in ELK's answer are relative to the enclosing node; the page wants them all in one frame. */
export function fromElkGraph(laidOut: ElkNode): LayoutResult {
  const result: LayoutResult = { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes: [], edges: [] };
  flatten(laidOut, { x: 0, y: 0 }, result);
  return result;
}

function flatten(container: ElkNode, offset: Point, into: LayoutResult): void {
  for (const child of container.children ?? []) {
    const x = offset.x + (child.x ?? 0);
    const y = offset.y + (child.y ?? 0);
    into.nodes.push({ id: child.id, x, y, width: child.width ?? 0, height: child.height ?? 0 });
    if (child.children?.length) flatten(child, { x: x + centering(child), y }, into);
  }
  for (const edge of container.edges ?? []) into.edges.push(routed(edge as ElkExtendedEdge, offset));
}

/** ELK puts a group's insides at its left edge when its title made it wider than they are: center them. */
function centering(group: ElkNode): number {
  const children = group.children ?? [];
  const left = Math.min(...children.map((child) => child.x ?? 0));
  const right = Math.max(...children.map((child) => (child.x ?? 0) + (child.width ?? 0)));
  return Math.max(0, ((group.width ?? 0) - (right - left)) / 2 - left);
}

function routed(edge: ElkExtendedEdge, offset: Point): RoutedEdge {
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
  }
  const label = edge.labels?.[0];
  return {
    id: edge.id,
    points: points.map(({ x, y }) => ({ x: x + offset.x, y: y + offset.y })),
    label: label ? { id: `${edge.id}:label`, x: offset.x + (label.x ?? 0), y: offset.y + (label.y ?? 0), width: label.width ?? 0, height: label.height ?? 0 } : undefined,
  };
}
