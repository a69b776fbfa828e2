/**
 * What the debugger needs from subgraphs beyond LangGraph.js's behaviour: a breakpoint on a node
 * inside a subgraph (`research/search`), time travel to a checkpoint inside a subgraph that replays
 * from there rather than from the subgraph's start, and an edit of the subgraph's own state.
 */
import * as assert from "assert";
import { Annotation, CheckpointConfig, Command, END, MemorySaver, START, StateGraph, StateSnapshot } from "../../../src/runtime";

const State = Annotation.Root({
  log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});
type Log = { log: string[] };

function research(calls: string[]) {
  const step = (name: string) => () => {
    calls.push(name);
    return { log: [name] };
  };
  const inner = new StateGraph(State)
    .addNode("search", step("search"))
    .addNode("summarize", step("summarize"))
    .addEdge(START, "search")
    .addEdge("search", "summarize")
    .addEdge("summarize", END)
    .compile();
  return new StateGraph(State)
    .addNode("plan", step("plan"))
    .addNode("research", inner)
    .addNode("write", step("write"))
    .addEdge(START, "plan")
    .addEdge("plan", "research")
    .addEdge("research", "write")
    .addEdge("write", END)
    .compile({ checkpointer: new MemorySaver() });
}

async function history(app: ReturnType<typeof research>, config: CheckpointConfig): Promise<StateSnapshot[]> {
  const all: StateSnapshot[] = [];
  for await (const snapshot of app.getStateHistory(config)) all.push(snapshot);
  return all;
}

describe("subgraphs under the debugger", () => {
  it("stops before a node inside a subgraph when the breakpoint names it by path", async () => {
    const calls: string[] = [];
    const app = research(calls);
    const thread = { configurable: { thread_id: "bp" } };
    const stopped = await app.invoke({ log: [] }, { ...thread, interruptBefore: ["research/summarize"] });
    assert.deepStrictEqual(stopped.__interrupt__, []);
    assert.deepStrictEqual(calls, ["plan", "search"]);
    const state = await app.getState(thread, { subgraphs: true });
    assert.deepStrictEqual(state.next, ["research"]);
    assert.deepStrictEqual((state.tasks[0].state as StateSnapshot).next, ["summarize"]);
    const done = await app.invoke(null, thread);
    assert.deepStrictEqual(done.log, ["plan", "plan", "search", "summarize", "write"]);
    assert.deepStrictEqual(calls, ["plan", "search", "summarize", "write"], "search must not run twice");
  });

  it("resumes after a breakpoint on the subgraph's last node without running the subgraph again", async () => {
    const calls: string[] = [];
    const app = research(calls);
    const thread = { configurable: { thread_id: "after-last" } };
    await app.invoke({ log: [] }, { ...thread, interruptAfter: ["research/summarize"] });
    assert.deepStrictEqual(calls, ["plan", "search", "summarize"]);
    const done = await app.invoke(null, thread);
    assert.deepStrictEqual(calls, ["plan", "search", "summarize", "write"]);
    assert.deepStrictEqual(done.log, ["plan", "plan", "search", "summarize", "write"]);
  });

  it("keeps the parent checkpoints of a subgraph checkpoint when the subgraph's state is edited", async () => {
    const app = research([]);
    const thread = { configurable: { thread_id: "parents" } };
    await app.invoke({ log: [] }, { ...thread, interruptBefore: ["research/summarize"] });
    const childConfig = (await app.getState(thread)).tasks[0].state as CheckpointConfig;
    const before = await app.getState(childConfig);
    const edited = await app.updateState(childConfig, { log: ["edited"] }, "search");
    const after = await app.getState(edited);
    assert.deepStrictEqual(after.metadata?.parents, before.metadata?.parents);
    assert.ok(Object.keys(after.metadata?.parents ?? {}).includes(""), "names the root graph's checkpoint");
  });

  it("replays from a checkpoint inside the subgraph, not from the subgraph's start", async () => {
    const calls: string[] = [];
    const app = research(calls);
    const thread = { configurable: { thread_id: "tt" } };
    await app.invoke({ log: [] }, thread);
    const atResearch = (await history(app, thread)).find((s) => s.next.includes("research"))!;
    const inner = { configurable: { thread_id: "tt", checkpoint_ns: `research:${atResearch.tasks[0].id}` } };
    const beforeSummarize = (await history(app, inner)).find((s) => s.next[0] === "summarize")!;
    calls.length = 0;
    const replayed = (await app.invoke(null, beforeSummarize.config)) as Log;
    assert.deepStrictEqual(calls, ["summarize", "write"]);
    assert.deepStrictEqual(replayed.log, ["plan", "plan", "search", "summarize", "write"]);
    const forks = (await history(app, thread)).filter((s) => s.metadata?.source === "fork");
    assert.strictEqual(forks.length, 1, "the parent forks once, so the old branch stays as it was");
  });

  it("edits the subgraph's own state through its config, and the resumed run sees the edit", async () => {
    const calls: string[] = [];
    const app = research(calls);
    const thread = { configurable: { thread_id: "edit" } };
    await app.invoke({ log: [] }, { ...thread, interruptBefore: ["research/summarize"] });
    const parent = await app.getState(thread);
    const childConfig = parent.tasks[0].state as { configurable: Record<string, unknown> };
    await app.updateState(childConfig, { log: ["edited"] }, "search");
    const child = await app.getState(childConfig);
    assert.deepStrictEqual(child.values.log, ["plan", "search", "edited"]);
    const done = (await app.invoke(new Command({ resume: "go" }), thread)) as Log;
    assert.ok(done.log.includes("edited"), `the parent got the child's edited state: ${done.log}`);
  });
});
