/**
 * The graph panel's `GraphView` of a graph compiled by the user's own `@langchain/langgraph`, read
 * off its builder (see ./graph-shape) rather than its `getGraph()`: LangGraph.js draws a
 * conditional edge without a path map to every node, and knows no call sites. Here a conditional
 * edge is drawn only where its targets are declared (a path map, a path map given as a list,
 * `addNode(..., { ends })` for `Command({goto})`); anything else is a dynamic route, with the
 * targets the run was seen taking. Subgraph nodes nest their own view, to any depth. What only the
 * engine can know (call sites, graph keys, what the run did) comes in through `WorkspaceGraphHooks`.
 * A pure function: it reads the graph and the hooks, and changes neither.
 */
import type { DynamicRouteView, GraphEdgeView, GraphNodeView, GraphView, SourceLocation } from "../../../protocol/debug";
import { BuilderShape, END, START, builderOf, declaredSubgraphOf, errorHandlerOf, nodeNames, stateKeysOf, subgraphOf } from "./graph-shape";

export { nodeNames, reducerOf, stateKeysOf, subgraphOf } from "./graph-shape";

export interface WorkspaceGraphHooks {
  /** Where `addNode` was called for node `name` of `builder` (recorded by the engine when it can). */
  callSite(builder: object, name: string): SourceLocation | undefined;
  /** Where `compile()` made this compiled graph, as `@file:line:column`, when recorded. */
  graphKey(compiled: object): string | undefined;
  /** Targets seen at run time from conditional node `source` of `builder` (the engine records them from the run's tasks). */
  observed(builder: object, source: string): readonly string[];
  /** A compiled graph the node's function was seen invoking at run time (drawn as its subgraph, marked `invoked`). */
  invoked(builder: object, node: string): object | undefined;
}

/** The label of the edge from a node to the handler that takes over when it throws (1.7's `errorHandler`). */
export const ERROR_EDGE_LABEL = "error";

export function workspaceGraphView(compiled: object, hooks: WorkspaceGraphHooks): GraphView {
  return viewOf(compiled, hooks, new Set());
}

/** `drawing` holds the graphs being drawn above this one, so a graph that invokes itself stops there. */
function viewOf(compiled: object, hooks: WorkspaceGraphHooks, drawing: Set<object>): GraphView {
  const builder = builderOf(compiled);
  const graphKey = hooks.graphKey(compiled);
  const names = nodeNames(compiled);
  const common = { stateKeys: stateKeysOf(compiled), ...(graphKey ? { graphKey } : {}) };
  // Without a builder (a functional-API `entrypoint`) the nodes are all we know.
  if (!builder) return { nodes: [START, ...names].map((id) => ({ id })), edges: [], dynamic: [], ...common };
  drawing.add(identityOf(compiled));
  const edges = declaredEdges(compiled, builder);
  const dynamic = dynamicRoutes(builder, [START, ...names], edges, hooks);
  const nodes: GraphNodeView[] = [{ id: START }, ...names.map((name) => nodeView(compiled, builder, name, hooks, drawing))];
  drawing.delete(identityOf(compiled));
  // A dynamic route may end the run, so END is drawn for it as for an edge to END.
  if (dynamic.length > 0 || edges.some((edge) => edge.target === END)) nodes.push({ id: END });
  return { nodes, edges, dynamic, ...common };
}

/** Copies made by `withConfig` share their builder: they are the same graph. */
function identityOf(compiled: object): object {
  return builderOf(compiled) ?? compiled;
}

/** Every edge the program declared: plain, waiting (`addEdge([a, b], c)`), path-mapped, `ends`, error handlers. */
function declaredEdges(compiled: object, builder: BuilderShape): GraphEdgeView[] {
  const edges: GraphEdgeView[] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string, conditional: boolean, key?: string): void => {
    const edge: GraphEdgeView = { source, target, conditional, ...(key !== undefined && key !== target ? { label: key } : {}) };
    const id = JSON.stringify(edge);
    if (!seen.has(id)) edges.push(edge);
    seen.add(id);
  };
  for (const [source, target] of builder.edges) add(source, target, false);
  for (const [sources, target] of builder.waitingEdges ?? []) for (const source of sources) add(source, target, false);
  for (const [source, branches] of Object.entries(builder.branches)) {
    for (const branch of Object.values(branches)) {
      for (const [key, target] of Object.entries(branch.ends ?? {})) add(source, target, true, key);
    }
  }
  for (const [name, spec] of Object.entries(builder.nodes)) {
    for (const target of spec.ends ?? []) add(name, target, true);
    const handler = errorHandlerOf(compiled, name);
    if (handler) add(name, handler, true, ERROR_EDGE_LABEL);
  }
  return edges;
}

/**
 * One route per source whose targets are not all declared: a source with a conditional edge
 * without a path map (even before any target is seen), and any node the run was seen leaving for a
 * target no edge declares (a `Command({goto})` without `ends`, a `Send` outside the path map).
 * A route lists only targets not already drawn from its source.
 */
function dynamicRoutes(builder: BuilderShape, sources: string[], edges: GraphEdgeView[], hooks: WorkspaceGraphHooks): DynamicRouteView[] {
  const unmapped = new Set(
    Object.entries(builder.branches)
      .filter(([, branches]) => Object.values(branches).some((branch) => branch.ends === undefined))
      .map(([source]) => source),
  );
  const routes: DynamicRouteView[] = [];
  for (const source of sources) {
    const drawn = new Set(edges.filter((edge) => edge.source === source).map((edge) => edge.target));
    const observed = [...new Set(hooks.observed(builder, source))].filter((target) => !drawn.has(target));
    if (unmapped.has(source) || observed.length > 0) routes.push({ source, observed });
  }
  return routes;
}

function nodeView(compiled: object, builder: BuilderShape, name: string, hooks: WorkspaceGraphHooks, drawing: Set<object>): GraphNodeView {
  const source = hooks.callSite(builder, name);
  const view: GraphNodeView = { id: name, ...(source ? { source: { ...source } } : {}) };
  const nested = nestedGraphOf(compiled, builder, name, hooks);
  if (nested && !drawing.has(identityOf(nested.graph))) {
    view.subgraph = viewOf(nested.graph, hooks, drawing);
    if (nested.invoked) view.invoked = true;
  }
  return view;
}

/** The graph drawn under a node: the graph the node is, else one its function invoked (seen, or declared). */
function nestedGraphOf(compiled: object, builder: BuilderShape, name: string, hooks: WorkspaceGraphHooks): { graph: object; invoked: boolean } | undefined {
  const own = subgraphOf(compiled, name);
  if (own) return { graph: own, invoked: false };
  const invoked = hooks.invoked(builder, name) ?? declaredSubgraphOf(compiled, name);
  return invoked ? { graph: invoked, invoked: true } : undefined;
}
