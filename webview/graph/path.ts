/**
 * The path a run took to reach a checkpoint, for the graph's "path taken" highlight: every node
 * that wrote a checkpoint on the chain, and every edge between the writers of one step and the
 * writers of the next that the graph really has (static or conditional), or the dynamic route whose
 * observed targets include the next writer. A finished run also lights its edge into `__end__`.
 * Inside a subgraph the ids carry its node path as a prefix (`research/search`), as drawn.
 */
import type { GraphView, HistoryEntry } from "../../src/protocol/debug";
import { writersOf } from "../timeline/history";
import { END } from "./scene";

export interface PathTaken {
  nodes: Set<string>;
  /** Keys made by `edgeKey`. */
  edges: Set<string>;
  /** Nodes whose dynamic route was followed. */
  dynamicSources: Set<string>;
}

export function edgeKey(source: string, target: string): string {
  return `${source}\u2192${target}`;
}

export function pathTaken(graph: GraphView, chain: readonly HistoryEntry[], prefix = ""): PathTaken {
  const id = (name: string) => (prefix ? `${prefix}/${name}` : name);
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const staticEdges = new Set(graph.edges.map((edge) => edgeKey(edge.source, edge.target)));
  const observed = new Map(graph.dynamic.map((route) => [route.source, new Set(route.observed)]));
  const path: PathTaken = { nodes: new Set(), edges: new Set(), dynamicSources: new Set() };
  const follow = (from: readonly string[], to: readonly string[]) => {
    for (const source of from) {
      for (const target of to) {
        if (staticEdges.has(edgeKey(source, target))) path.edges.add(edgeKey(id(source), id(target)));
        else if (observed.get(source)?.has(target)) path.dynamicSources.add(id(source));
      }
    }
  };
  let previous: string[] = [];
  for (const entry of chain) {
    const writers = writersOf(entry, nodeIds);
    if (!writers.length) continue;
    writers.forEach((node) => path.nodes.add(id(node)));
    follow(previous, writers);
    previous = writers;
  }
  const last = chain[chain.length - 1];
  if (last && last.source === "loop" && last.next.length === 0 && nodeIds.has(END)) {
    const before = path.edges.size;
    follow(previous, [END]);
    if (path.edges.size > before) path.nodes.add(id(END));
  }
  return path;
}
