/**
 * The graph panel draws a graph built on the user's own LangGraph.js truthfully: conditional edges
 * only to the targets the program declared, the targets a run took where it declared none, never
 * LangGraph's edge to every node; subgraphs nested; call sites and graph keys from the engine.
 * Every story runs on each installed version (1.7.3 and 1.0.15).
 */
import { strict as assert } from "node:assert";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import type { GraphEdgeView, GraphView } from "../../../../src/protocol/debug";
import { ERROR_EDGE_LABEL, nodeNames, subgraphOf, workspaceGraphView } from "../../../../src/runner/engines/workspace/graph-view";
import { EngineRecords, INSTALLED } from "./installed";

const noop = (): Record<string, never> => ({});

function edgesFrom(view: GraphView, source: string): GraphEdgeView[] {
  return view.edges.filter((edge) => edge.source === source);
}

function nodeIds(view: GraphView | undefined): string[] {
  return (view?.nodes ?? []).map((node) => node.id);
}

function nested(view: GraphView, id: string): GraphView | undefined {
  return view.nodes.find((node) => node.id === id)?.subgraph;
}

for (const { version, lg } of INSTALLED) {
  const { Annotation, END, START, StateGraph } = lg;
  const State = Annotation.Root({ n: Annotation<number>(), route: Annotation<string>() });

  describe(`workspace graph view on @langchain/langgraph ${version}`, () => {
    it("draws a path-mapped conditional edge to exactly its targets, labelled by their keys", () => {
      const graph = new StateGraph(State)
        .addNode("a", noop).addNode("b", noop).addNode("c", noop)
        .addEdge(START, "a")
        .addConditionalEdges("a", (s) => s.route, { yes: "b", no: END })
        .addConditionalEdges("b", (s) => s.route, ["c", END])
        .compile();
      const view = workspaceGraphView(graph, new EngineRecords());
      assert.deepEqual(edgesFrom(view, "a"), [
        { source: "a", target: "b", conditional: true, label: "yes" },
        { source: "a", target: END, conditional: true, label: "no" },
      ]);
      assert.deepEqual(edgesFrom(view, "b").map((edge) => [edge.target, edge.label]), [["c", undefined], [END, undefined]]);
      assert.deepEqual(view.dynamic, []);
      assert.deepEqual(nodeIds(view), [START, "a", "b", "c", END]);
    });

    it("draws a conditional edge without a path map as a dynamic route that fills in as the run goes", () => {
      const graph = new StateGraph(State)
        .addNode("a", noop).addNode("b", noop).addNode("c", noop)
        .addEdge(START, "a")
        .addConditionalEdges("a", (s) => s.route)
        .compile();
      const engine = new EngineRecords();
      const before = workspaceGraphView(graph, engine);
      assert.deepEqual(edgesFrom(before, "a"), [], "no invented edge to every node");
      assert.deepEqual(before.dynamic, [{ source: "a", observed: [] }]);
      assert.ok(nodeIds(before).includes(END), "the route may end the run");

      engine.sawRoute(graph, "a", "c").sawRoute(graph, "a", "c", END);
      assert.deepEqual(workspaceGraphView(graph, engine).dynamic, [{ source: "a", observed: ["c", END] }]);
    });

    it("draws the ends of a node that routes with Command({goto})", () => {
      const router = () => new lg.Command({ goto: "c" });
      const graph = new StateGraph(State)
        .addNode("router", router, { ends: ["b", "c"] }).addNode("b", noop).addNode("c", noop)
        .addEdge(START, "router")
        .compile();
      const view = workspaceGraphView(graph, new EngineRecords());
      assert.deepEqual(edgesFrom(view, "router"), [
        { source: "router", target: "b", conditional: true },
        { source: "router", target: "c", conditional: true },
      ]);
      assert.deepEqual(view.dynamic, []);
    });

    it("shows a goto the program never declared as a dynamic route, once the run takes it", () => {
      const graph = new StateGraph(State)
        .addNode("a", noop).addNode("b", noop)
        .addEdge(START, "a").addEdge("a", "b")
        .compile();
      const engine = new EngineRecords().sawRoute(graph, "a", "b");
      assert.deepEqual(workspaceGraphView(graph, engine).dynamic, [], "b is already drawn");
      engine.sawRoute(graph, "b", "a");
      assert.deepEqual(workspaceGraphView(graph, engine).dynamic, [{ source: "b", observed: ["a"] }]);
    });

    it("draws addEdge([a, b], c) as an edge from each of a and b", () => {
      const graph = new StateGraph(State)
        .addNode("a", noop).addNode("b", noop).addNode("c", noop)
        .addEdge(START, "a").addEdge(START, "b").addEdge(["a", "b"], "c").addEdge("c", END)
        .compile();
      const view = workspaceGraphView(graph, new EngineRecords());
      assert.deepEqual(view.edges.filter((edge) => edge.target === "c"), [
        { source: "a", target: "c", conditional: false },
        { source: "b", target: "c", conditional: false },
      ]);
    });

    it("nests a compiled subgraph node's view, two levels deep, with each level's keys", () => {
      const Inner = Annotation.Root({ draft: Annotation<string>() });
      const inner = new StateGraph(Inner).addNode("write", noop).addNode("check", noop)
        .addEdge(START, "write").addEdge("write", "check").compile();
      const Middle = Annotation.Root({ draft: Annotation<string>(), notes: Annotation<string>() });
      const middle = new StateGraph(Middle).addNode("inner", inner).addEdge(START, "inner").compile();
      const outer = new StateGraph(State).addNode("middle", middle).addEdge(START, "middle").compile();
      const engine = new EngineRecords().compiledAt(outer, "@/ws/graph.ts:30:4").compiledAt(inner, "@/ws/inner.ts:9:2");

      const view = workspaceGraphView(outer, engine);
      const middleView = nested(view, "middle");
      const innerView = middleView && nested(middleView, "inner");
      assert.deepEqual(nodeIds(innerView), [START, "write", "check"]);
      assert.deepEqual(innerView?.edges.map((edge) => `${edge.source}->${edge.target}`), [`${START}->write`, "write->check"]);
      assert.deepEqual([view.stateKeys, middleView?.stateKeys, innerView?.stateKeys], [["n", "route"], ["draft", "notes"], ["draft"]]);
      assert.deepEqual([view.graphKey, middleView?.graphKey, innerView?.graphKey], ["@/ws/graph.ts:30:4", undefined, "@/ws/inner.ts:9:2"]);
      assert.equal(view.nodes.find((node) => node.id === "middle")?.invoked, undefined, "the node is the graph");
      assert.equal(subgraphOf(outer, "middle"), middle);
    });

    it("nests a graph a node's function was seen invoking, marked invoked, and stops at a graph invoking itself", () => {
      const Inner = Annotation.Root({ draft: Annotation<string>() });
      const helper = new StateGraph(Inner).addNode("write", noop).addEdge(START, "write").compile();
      const graph = new StateGraph(State).addNode("plan", noop).addNode("loop", noop)
        .addEdge(START, "plan").addEdge("plan", "loop").compile();
      const engine = new EngineRecords().sawInvoke(graph, "plan", helper).sawInvoke(graph, "loop", graph);

      const view = workspaceGraphView(graph, engine);
      const plan = view.nodes.find((node) => node.id === "plan");
      assert.equal(plan?.invoked, true);
      assert.deepEqual(nodeIds(plan?.subgraph), [START, "write"]);
      assert.equal(nested(view, "loop"), undefined);
      assert.equal(subgraphOf(graph, "plan"), undefined, "a function node is not a graph");
    });

    it("nests the one graph a function node declared it calls, and a subgraph copied by withConfig", () => {
      const Inner = Annotation.Root({ draft: Annotation<string>() });
      const helper = new StateGraph(Inner).addNode("write", noop).addEdge(START, "write").compile();
      const graph = new StateGraph(State)
        .addNode("plan", noop, { subgraphs: [helper] })
        .addNode("tagged", helper.withConfig({ tags: ["draft"] }))
        .addEdge(START, "plan").addEdge("plan", "tagged").compile();
      const view = workspaceGraphView(graph, new EngineRecords());
      assert.equal(view.nodes.find((node) => node.id === "plan")?.invoked, true);
      assert.deepEqual([nodeIds(nested(view, "plan")), nodeIds(nested(view, "tagged"))], [[START, "write"], [START, "write"]]);
    });

    it("draws a functional-API entrypoint as its one node", () => {
      const flow = lg.entrypoint("flow", async (n: number) => n + 1);
      assert.deepEqual(workspaceGraphView(flow, new EngineRecords()), { nodes: [{ id: START }, { id: "flow" }], edges: [], dynamic: [], stateKeys: [] });
    });

    it("takes call sites and graph keys from the engine, and draws none it did not record", () => {
      const graph = new StateGraph(State).addNode("a", noop).addNode("b", noop)
        .addEdge(START, "a").addEdge("a", "b").addEdge("b", END).compile();
      const engine = new EngineRecords().addNodeAt(graph, "a", 12).compiledAt(graph, "@/ws/graph.ts:15:3");
      const view = workspaceGraphView(graph, engine);
      assert.deepEqual(view.nodes, [
        { id: START },
        { id: "a", source: { file: "/ws/graph.ts", line: 12, column: 4 } },
        { id: "b" },
        { id: END },
      ]);
      assert.equal(view.graphKey, "@/ws/graph.ts:15:3");
      assert.equal(workspaceGraphView(graph, new EngineRecords()).graphKey, undefined);
      assert.deepEqual(nodeNames(graph), ["a", "b"]);
    });

    it("draws a createReactAgent graph as its agent loop", () => {
      const { prebuilt } = INSTALLED.find((installed) => installed.version === version)!;
      const agent = prebuilt.createReactAgent({ llm: new FakeListChatModel({ responses: ["done"] }), tools: [] });
      const view = workspaceGraphView(agent, new EngineRecords());
      assert.deepEqual(nodeIds(view), [START, "tools", "agent", END]);
      assert.deepEqual(view.edges.map((edge) => `${edge.source}${edge.conditional ? "?" : ""}->${edge.target}`), [
        `${START}->agent`, "tools->agent", "agent?->tools", `agent?->${END}`,
      ]);
      assert.deepEqual(view.stateKeys, ["messages", "structuredResponse"]);
    });
  });
}

describe("workspace graph view: error handlers (1.7)", () => {
  const { Annotation, START, StateGraph } = INSTALLED[0].lg;
  const State = Annotation.Root({ error: Annotation<string>() });
  const fail = (): never => {
    throw new Error("boom");
  };

  it("draws a node's error handler behind an edge labelled error, and the graph-wide default one", () => {
    const graph = new StateGraph(State)
      .addNode("fetch", fail, { errorHandler: () => ({ error: "fetch" }) })
      .addNode("parse", noop)
      .addEdge(START, "fetch").addEdge("fetch", "parse")
      .setNodeDefaults({ errorHandler: () => ({ error: "any" }) })
      .compile();
    const view = workspaceGraphView(graph, new EngineRecords());
    assert.deepEqual(nodeIds(view), [START, "__error_handler__fetch", "fetch", "parse", "__default_error_handler__"]);
    assert.deepEqual(view.edges.filter((edge) => edge.label === ERROR_EDGE_LABEL).map((edge) => `${edge.source}->${edge.target}`), [
      "fetch->__error_handler__fetch",
      "parse->__default_error_handler__",
    ]);
  });
});

describe("workspace graph view: langchain's createAgent", () => {
  it("draws only the edges the agent declares, when langchain is installed", async function () {
    const specifier: string = "langchain";
    const langchain = (await import(specifier).catch(() => undefined)) as { createAgent?: (options: object) => object } | undefined;
    if (!langchain?.createAgent) this.skip();
    // createAgent returns a ReactAgent, which holds its compiled graph in `graph` (as the engine reads it).
    const agent = (langchain.createAgent({ model: new FakeListChatModel({ responses: ["done"] }), tools: [] }) as { graph: object }).graph;
    const view = workspaceGraphView(agent, new EngineRecords());
    const theirs = (agent as { getGraph(): { edges: { source: string; target: string }[] } }).getGraph().edges;
    const drawnByThem = new Set(theirs.map((edge) => `${edge.source}->${edge.target}`));
    for (const edge of view.edges) assert.ok(drawnByThem.has(`${edge.source}->${edge.target}`), `${edge.source}->${edge.target} is invented`);
    for (const route of view.dynamic) {
      const count = (edges: { source: string }[]): number => edges.filter((edge) => edge.source === route.source).length;
      assert.ok(count(view.edges) < count(theirs), `no edge to every node from ${route.source}`);
    }
    assert.ok(view.stateKeys?.includes("messages"));
  });
});

