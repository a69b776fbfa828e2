/**
 * The graph as the debugger draws it and sets breakpoints on: the graph being debugged with its
 * subgraphs (those used as nodes, and those its nodes were seen invoking), plus every other graph
 * the program compiled. A graph that a node invokes from its function is found only when that node
 * runs; listing the program's other compiled graphs up front lets a gutter breakpoint on one of
 * their `addNode` lines work from the first run, named by the graph's key wherever it runs.
 */
import type { GraphView, OtherGraphView } from "../../../protocol/debug";
import type { CompiledGraph, DrawableGraph, GraphBuilder } from "./engine-types";
import { isCompiledGraph } from "./engine-types";

// A global symbol (`Symbol.for`), so the engine copy bundled with the user's code sees the same one.
import { COMPILED_GRAPHS, type CompiledGraphRecord } from "../../../runtime/graph/registry";

type GlobalWithRegistry = { [COMPILED_GRAPHS]?: CompiledGraphRecord[] };

/** Runs `load` (the user's module) while the engine lists the graphs it compiles; returns them too. */
export function collectCompiledGraphs<T>(load: () => T): { value: T; compiled: CompiledGraph[] } {
  const global = globalThis as GlobalWithRegistry;
  global[COMPILED_GRAPHS] = [];
  try {
    const value = load();
    return { value, compiled: global[COMPILED_GRAPHS].map((record) => record.graph).filter(isCompiledGraph) };
  } finally {
    delete global[COMPILED_GRAPHS];
  }
}

/** The view of `root`, with the compiled graphs it does not reach listed as other graphs. */
export function fullGraphView(root: CompiledGraph, compiled: readonly CompiledGraph[]): GraphView {
  // The root's nodes are named by path; its key would be where the runner compiled it again.
  const { graphKey: _runnerSite, ...view } = graphView(root.getGraph());
  const reached = reachableBuilders(root);
  const others: OtherGraphView[] = [];
  const seen = new Set<string>();
  for (const graph of compiled) {
    if (!graph.graphKey || reached.has(graph.builder) || seen.has(graph.graphKey)) continue;
    seen.add(graph.graphKey);
    others.push({ key: graph.graphKey, graph: graphView(graph.getGraph()) });
  }
  return others.length > 0 ? { ...view, otherGraphs: others } : view;
}

/** The builders of `root` and of every graph inside it, as node or as invoked. */
function reachableBuilders(root: CompiledGraph): Set<GraphBuilder> {
  const found = new Set<GraphBuilder>();
  const visit = (graph: CompiledGraph) => {
    if (found.has(graph.builder)) return;
    found.add(graph.builder);
    for (const spec of graph.builder.nodes?.values() ?? []) {
      for (const inner of [spec.subgraph, spec.invoked]) if (isCompiledGraph(inner)) visit(inner);
    }
  };
  visit(root);
  return found;
}

/** Our engine's `getGraph()` as the panel draws it: subgraphs nested, call sites kept. */
export function graphView(drawable: DrawableGraph): GraphView {
  return {
    nodes: Object.values(drawable.nodes).map((node) => ({
      id: node.id,
      ...(node.source ? { source: { ...node.source } } : {}),
      ...(node.subgraph ? { subgraph: graphView(node.subgraph), ...(node.invoked ? { invoked: true } : {}) } : {}),
    })),
    edges: drawable.edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      conditional: edge.conditional,
      ...(edge.data !== undefined && edge.data !== edge.target ? { label: edge.data } : {}),
    })),
    dynamic: drawable.dynamic.map((route) => ({ source: route.source, observed: [...route.observed] })),
    stateKeys: [...drawable.stateKeys],
    ...(drawable.graphKey ? { graphKey: drawable.graphKey } : {}),
  };
}
