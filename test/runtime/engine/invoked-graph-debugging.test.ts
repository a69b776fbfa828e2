/**
 * A graph invoked from inside a node, as the debugger needs it (our additions to LangGraph.js):
 * a breakpoint reaches inside it by path (`check_all/check`), by `check_all/*` (Step Into), or by
 * the graph's own key before any run has shown which node invokes it; once a node has invoked it,
 * `getGraph()` draws it under that node and `getState(…, {subgraphs: true})` nests its snapshot.
 */
import * as assert from "assert";
import { Annotation, CompiledStateGraph, END, MemorySaver, START, StateGraph, StateSnapshot } from "../../../src/runtime";
import { COMPILED_GRAPHS, CompiledGraphRecord } from "../../../src/runtime/graph/registry";

const State = Annotation.Root({
  log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});
type Log = { log: string[] };

function checker(calls: string[]) {
  return new StateGraph(State)
    .addNode("check", () => {
      calls.push("check");
      return { log: ["checked"] };
    })
    .addNode("sign", () => {
      calls.push("sign");
      return { log: ["signed"] };
    })
    .addEdge(START, "check")
    .addEdge("check", "sign")
    .addEdge("sign", END)
    .compile();
}

/** `draft` then `check_all`, whose function invokes the checker graph. */
function app(calls: string[], inner = checker(calls)) {
  return new StateGraph(State)
    .addNode("draft", () => {
      calls.push("draft");
      return { log: ["draft"] };
    })
    .addNode("check_all", async (state: Log) => {
      calls.push("check_all");
      const out = (await inner.invoke({ log: state.log })) as Log;
      return { log: out.log.slice(state.log.length) };
    })
    .addEdge(START, "draft")
    .addEdge("draft", "check_all")
    .addEdge("check_all", END)
    .compile({ checkpointer: new MemorySaver() });
}

describe("a graph invoked inside a node, under the debugger", () => {
  it("stops before a node of the invoked graph named by path, nests its state, and resumes inside it", async () => {
    const calls: string[] = [];
    const graph = app(calls);
    const thread = { configurable: { thread_id: "path" } };
    const stopped = await graph.invoke({ log: [] }, { ...thread, interruptBefore: ["check_all/sign"] });
    assert.deepStrictEqual(stopped.__interrupt__, []);
    assert.deepStrictEqual(calls, ["draft", "check_all", "check"]);

    const state = await graph.getState(thread, { subgraphs: true });
    assert.deepStrictEqual(state.next, ["check_all"]);
    const inner = state.tasks[0].state as StateSnapshot;
    assert.deepStrictEqual(inner.next, ["sign"], "the invoked graph's own snapshot, nested in the node's task");
    assert.deepStrictEqual(inner.values, { log: ["draft", "checked"] });

    const done = await graph.invoke(null, thread);
    assert.deepStrictEqual(done.log, ["draft", "checked", "signed"]);
    assert.deepStrictEqual(calls, ["draft", "check_all", "check", "check_all", "sign"], "check did not run again");
  });

  it("stops before the invoked graph's first node with `check_all/*`, as Step Into asks", async () => {
    const calls: string[] = [];
    const graph = app(calls);
    const thread = { configurable: { thread_id: "into" } };
    await graph.invoke({ log: [] }, { ...thread, interruptBefore: ["check_all/*"] });
    assert.deepStrictEqual(calls, ["draft", "check_all"]);
    assert.deepStrictEqual(((await graph.getState(thread, { subgraphs: true })).tasks[0].state as StateSnapshot).next, ["check"]);
  });

  it("stops inside the invoked graph by its compile key, before any run has shown where it runs", async () => {
    const calls: string[] = [];
    const inner = checker(calls);
    const key = (inner as CompiledStateGraph<typeof State.spec>).graphKey;
    assert.match(key ?? "", /^@.*invoked-graph-debugging\.test\.ts:\d+:\d+$/, "the key names the line that compiled it");
    const graph = app(calls, inner);
    const thread = { configurable: { thread_id: "key" } };
    await graph.invoke({ log: [] }, { ...thread, interruptBefore: [`${key}/sign`] });
    assert.deepStrictEqual(calls, ["draft", "check_all", "check"]);
  });

  it("draws the invoked graph under its node once the node has run, marked as invoked", async () => {
    const graph = app([]);
    assert.equal(graph.getGraph().nodes.check_all.subgraph, undefined, "unknown before the node runs");
    await graph.invoke({ log: [] }, { configurable: { thread_id: "draw" } });
    const node = graph.getGraph().nodes.check_all;
    assert.equal(node.invoked, true);
    assert.deepStrictEqual(Object.keys(node.subgraph?.nodes ?? {}), ["__start__", "check", "sign", "__end__"]);
  });

  it("lists the graphs a program compiles only while a debugger asks for them", () => {
    const global = globalThis as { [COMPILED_GRAPHS]?: CompiledGraphRecord[] };
    checker([]);
    assert.equal(global[COMPILED_GRAPHS], undefined, "an ordinary program keeps no list");
    global[COMPILED_GRAPHS] = [];
    try {
      const compiled = checker([]);
      assert.deepStrictEqual(global[COMPILED_GRAPHS].map((record) => record.graph), [compiled]);
      assert.match(global[COMPILED_GRAPHS][0].site?.file ?? "", /invoked-graph-debugging\.test\.ts$/);
    } finally {
      delete global[COMPILED_GRAPHS];
    }
  });
});
