/**
 * `getGraph()`: the graph as nodes and edges for drawing, with each node's `addNode` call site.
 * Unlike LangGraph.js, a conditional edge without a path map is never drawn to every node: it is
 * returned as a dynamic route, with the targets seen so far at run time. A node seen invoking a
 * compiled graph from its function carries that graph as its subgraph, marked `invoked`.
 */
import { END, START } from "../constants";
import { SourceLocation } from "./call-site";
import { GraphDefinition } from "./definition";
import { isNestedGraph } from "../pregel/subgraph";

export interface DrawableNode {
  id: string;
  name: string;
  metadata?: Record<string, unknown>;
  source?: SourceLocation;
  /** The drawable graph of a node that is itself a compiled graph (or that invoked one, seen at run time). */
  subgraph?: DrawableGraph;
  /** The subgraph is one the node's function invoked, not the node itself. */
  invoked?: boolean;
}

export interface DrawableEdge {
  source: string;
  target: string;
  conditional: boolean;
  /** The path-map key, when it differs from the target's name. */
  data?: string;
}

export interface DynamicRoute {
  source: string;
  observed: string[];
}

export interface DrawableGraph {
  nodes: Record<string, DrawableNode>;
  edges: DrawableEdge[];
  dynamic: DynamicRoute[];
  /** The state's keys (channels), so an editor can tell a typo from a key. */
  stateKeys: string[];
  /** Where the graph was compiled (`@file:line:column`), as breakpoint lists name it wherever it runs nested. */
  graphKey?: string;
  drawMermaid(): string;
}

export function drawableGraph(definition: GraphDefinition, observed: ReadonlyMap<string, ReadonlySet<string>>, graphKey?: string): DrawableGraph {
  const nodes: Record<string, DrawableNode> = { [START]: { id: START, name: START } };
  for (const node of definition.nodes.values()) {
    // Only our own compiled graphs draw as subgraphs: another runnable (a LangChain ToolNode, say) is a plain node.
    const sub = [node.subgraph, node.invoked].find(isNestedGraph) as { getGraph?: () => DrawableGraph } | undefined;
    nodes[node.name] = {
      id: node.name,
      name: node.name,
      ...(node.source ? { source: node.source, metadata: { source: node.source } } : {}),
      ...(sub?.getGraph ? { subgraph: sub.getGraph(), ...(sub === node.invoked ? { invoked: true } : {}) } : {}),
    };
  }
  const edges: DrawableEdge[] = definition.edges.map(([source, target]) => ({ source, target, conditional: false }));
  for (const join of definition.joins) {
    for (const source of join.sources) edges.push({ source, target: join.target, conditional: false });
  }
  const dynamic: DynamicRoute[] = [];
  for (const [source, branches] of definition.branches) {
    for (const branch of branches) {
      if (!branch.pathMap) {
        dynamic.push({ source, observed: [...(observed.get(source) ?? [])] });
        continue;
      }
      for (const [key, target] of Object.entries(branch.pathMap)) {
        edges.push({ source, target, conditional: true, ...(key !== target ? { data: key } : {}) });
      }
    }
  }
  for (const node of definition.nodes.values()) {
    for (const target of node.ends ?? []) edges.push({ source: node.name, target, conditional: true });
  }
  if (edges.some((edge) => edge.target === END) || dynamic.length > 0) nodes[END] = { id: END, name: END };
  const stateKeys = Object.keys(definition.channels);
  return { nodes, edges, dynamic, stateKeys, ...(graphKey ? { graphKey } : {}), drawMermaid: () => mermaid(nodes, edges, dynamic) };
}

function mermaid(nodes: Record<string, DrawableNode>, edges: DrawableEdge[], dynamic: DynamicRoute[]): string {
  const lines = ["graph TD;"];
  for (const id of Object.keys(nodes)) lines.push(id === START || id === END ? `\t${id}([${id}]);` : `\t${id}(${id});`);
  for (const edge of edges) {
    const arrow = edge.conditional ? (edge.data ? `-. &nbsp;${edge.data}&nbsp; .->` : "-.->") : "-->";
    lines.push(`\t${edge.source} ${arrow} ${edge.target};`);
  }
  for (const route of dynamic) {
    for (const target of route.observed) lines.push(`\t${route.source} -. observed .-> ${target};`);
  }
  return lines.join("\n");
}
