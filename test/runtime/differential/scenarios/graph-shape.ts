/**
 * `getGraph()` (semantics 3.15): nodes and edges, conditional edges with path-map labels, Command
 * `ends`, Send targets. A conditional edge without a path map is where we differ on purpose (ours
 * never draws an edge it does not know): see differences.ts.
 */
import { DrawnGraph, GraphLib } from "../lib";
import { logNode, logState } from "./common";

/** Nodes by id and edges sorted, as plain data. */
function shape(graph: DrawnGraph) {
  const nodes = Object.values(graph.nodes)
    .map((n) => ({ id: n.id, name: n.name }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const edges = graph.edges
    .map((e) => ({ source: e.source, target: e.target, conditional: e.conditional ?? false, data: e.data }))
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
  // `dynamic` is ours alone; an empty list says nothing LangGraph.js does not say.
  return { nodes, edges, dynamic: graph.dynamic?.length ? graph.dynamic : undefined };
}

function threeNodes(lib: GraphLib) {
  return new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", []))
    .addNode("b", logNode("b", []))
    .addNode("c", logNode("c", []))
    .addEdge(lib.START, "a");
}

export async function linearGraphShape(lib: GraphLib) {
  const app = threeNodes(lib).addEdge("a", "b").addEdge("b", "c").addEdge("c", lib.END).compile();
  return shape(app.getGraph());
}

export async function pathMapObjectLabels(lib: GraphLib) {
  const app = threeNodes(lib)
    .addConditionalEdges("a", () => "toB", { toB: "b", toC: "c" })
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile();
  return shape(app.getGraph());
}

export async function pathMapArray(lib: GraphLib) {
  const app = threeNodes(lib)
    .addConditionalEdges("a", () => "b", ["b", "c", lib.END])
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile();
  return shape(app.getGraph());
}

/**
 * No path map: LangGraph.js draws a -> every node and END; ours marks the route dynamic and, once
 * a run took it, lists the targets it saw (differences.ts).
 */
export async function conditionalEdgeWithoutPathMap(lib: GraphLib) {
  const app = threeNodes(lib)
    .addConditionalEdges("a", () => "b")
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile();
  const beforeRun = shape(app.getGraph());
  await app.invoke({ log: [] });
  return { beforeRun, afterRun: shape(app.getGraph()) };
}

export async function commandEndsAreConditionalEdges(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("router", () => new lib.Command({ goto: "b" }), { ends: ["b", "c"] })
    .addNode("b", logNode("b", []))
    .addNode("c", logNode("c", []))
    .addEdge(lib.START, "router")
    .compile();
  return shape(app.getGraph());
}

export async function joinAndParallelEdges(lib: GraphLib) {
  const app = threeNodes(lib)
    .addEdge(lib.START, "b")
    .addEdge(["a", "b"], "c")
    .addEdge("c", lib.END)
    .compile();
  return shape(app.getGraph());
}

export async function sendTargetsThroughPathMap(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("plan", logNode("plan", []))
    .addNode("work", logNode("work", []))
    .addEdge(lib.START, "plan")
    .addConditionalEdges("plan", () => [new lib.Send("work", { item: 1 })], ["work"])
    .addEdge("work", lib.END)
    .compile();
  return shape(app.getGraph());
}
