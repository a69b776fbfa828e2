/**
 * Supersteps, parallel tasks and reducers: the core of how a graph runs. Nodes scheduled in the same
 * step run together and their writes are merged by the channel reducers; a join waits for all of its
 * sources; a plain (LastValue) key written twice in one step is an error.
 */
import { GraphLib, NodeFunction } from "../lib";
import { errorOf, historyOf, outcome, shortView, streamOf } from "../observe";
import { LogState, chain, logNode, logState, thread } from "./common";

/** START fans out to a and b, both lead to c: a and b share a step, c runs once after them. */
export async function parallelFanOutThenJoin(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("b", logNode("b", calls))
    .addNode("c", logNode("c", calls))
    .addEdge(lib.START, "a")
    .addEdge(lib.START, "b")
    .addEdge("a", "c")
    .addEdge("b", "c")
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
  const updates = await streamOf(app, { log: ["in"] }, { ...thread("p"), streamMode: "updates" });
  const history = (await historyOf(app, thread("p"))).map(shortView);
  return { updates, history, calls: [...calls].sort() };
}

/** addEdge([a, b2], c): c waits until both branches, of different lengths, have finished. */
export async function joinEdgeWaitsForAllSources(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("b1", logNode("b1", calls))
    .addNode("b2", logNode("b2", calls))
    .addNode("c", logNode("c", calls))
    .addEdge(lib.START, "a")
    .addEdge(lib.START, "b1")
    .addEdge("b1", "b2")
    .addEdge(["a", "b2"], "c")
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
  const values = await streamOf(app, { log: [] }, { ...thread("j"), streamMode: "values" });
  const history = (await historyOf(app, thread("j"))).map(shortView);
  return { values, history, cRuns: calls.filter((c) => c === "c").length };
}

/** A sum reducer, a list reducer with defaults and a LastValue key, fed by input and two steps. */
export async function reducersDefaultsAndLastValue(lib: GraphLib) {
  const State = lib.Annotation.Root({
    total: lib.Annotation<number>({ reducer: (a: number, b: number) => a + b, default: () => 10 }),
    items: lib.Annotation<string[]>({ reducer: (a: string[], b: string[]) => [...a, ...b], default: () => ["seed"] }),
    last: lib.Annotation<string>(),
  });
  const app = new lib.StateGraph(State)
    .addNode("one", () => ({ total: 1, items: ["one"], last: "one" }))
    .addNode("two", (s: { total: number }) => ({ total: s.total, items: ["two"], last: "two" }))
    .addEdge(lib.START, "one")
    .addEdge("one", "two")
    .addEdge("two", lib.END)
    .compile();
  const fromEmpty = await app.invoke({});
  const fromInput = await app.invoke({ total: 5, items: ["in"], last: "in" });
  return { fromEmpty, fromInput };
}

/** Two nodes of one step both write the LastValue key `x`. */
export async function lastValueWrittenTwiceInOneStep(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", () => ({ x: 1 }))
    .addNode("b", () => ({ x: 2 }))
    .addEdge(lib.START, "a")
    .addEdge(lib.START, "b")
    .compile({ checkpointer: new lib.MemorySaver() });
  const error = await errorOf(() => app.invoke({ log: [] }, thread("lv")));
  const state = await outcome(async () => {
    const s = await app.getState(thread("lv"));
    return { next: s.next, values: s.values, step: s.metadata?.step };
  });
  return { error, state };
}

/** A conditional loop: the router sends a back to itself until three laps, then to END. */
export async function conditionalLoopUntilDone(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("lap", (s: LogState) => ({ log: [`lap${s.log.length}`] }))
    .addEdge(lib.START, "lap")
    .addConditionalEdges("lap", (s: LogState) => (s.log.length < 3 ? "lap" : lib.END), ["lap", lib.END])
    .compile({ checkpointer: new lib.MemorySaver() });
  const result = await app.invoke({ log: [] }, thread("loop"));
  const history = (await historyOf(app, thread("loop"))).map(shortView);
  return { result, history };
}

/** A router returning several names runs them all in the next step. */
export async function routerReturningSeveralNodes(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("start", logNode("start", calls))
    .addNode("b", logNode("b", calls))
    .addNode("c", logNode("c", calls))
    .addNode("d", logNode("d", calls))
    .addEdge(lib.START, "start")
    .addConditionalEdges("start", () => ["b", "d"], ["b", "c", "d"])
    .compile({ checkpointer: new lib.MemorySaver() });
  const updates = await streamOf(app, { log: [] }, { ...thread("r"), streamMode: "updates" });
  return { updates, ran: [...calls].sort() };
}

/** A path map object: the router returns a label, the map turns it into a node. */
export async function routerLabelsThroughPathMap(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("yes", logNode("yes", calls))
    .addNode("no", logNode("no", calls))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", (s: LogState) => (s.x ? "approve" : "reject"), { approve: "yes", reject: "no" })
    .compile();
  const approved = await app.invoke({ log: [], x: true });
  const rejected = await app.invoke({ log: [], x: false });
  return { approved, rejected };
}

/** Without a checkpointer a graph still runs start to end; async nodes are awaited. */
export async function runWithoutCheckpointer(lib: GraphLib) {
  const calls: string[] = [];
  const g = chain(lib, ["a", "b"], calls);
  g.addNode("slow", async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { log: ["slow"] };
  });
  g.addEdge("b", "slow");
  const app = g.compile();
  const values = await streamOf(app, { log: ["in"] }, { streamMode: "values" });
  return { values, result: await app.invoke({ log: ["again"] }) };
}

/** Nodes returning null, undefined or {} write nothing; returning a string or an array is an error. */
export async function nodeReturnValues(lib: GraphLib) {
  const outcomes: Record<string, unknown> = {};
  const returns: Record<string, unknown> = { null: null, undefined: undefined, empty: {}, string: "oops", number: 7, array: [1] };
  for (const [label, value] of Object.entries(returns)) {
    const app = new lib.StateGraph(logState(lib)).addNode("a", () => value).addEdge(lib.START, "a").compile();
    outcomes[label] = await errorOf(() => app.invoke({ log: ["in"] }));
  }
  return outcomes;
}

/** A node and a router see the run's config: its thread_id under `configurable`. */
export async function nodesSeeTheRunConfig(lib: GraphLib) {
  const seen: unknown[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", (_s: LogState, config: { configurable?: { thread_id?: string } }) => {
      seen.push({ node: "a", thread: config.configurable?.thread_id });
      return { log: ["a"] };
    })
    .addEdge(lib.START, "a")
    .compile({ checkpointer: new lib.MemorySaver() });
  await app.invoke({ log: [] }, thread("cfg-thread"));
  return seen;
}

/** Input or node writes naming keys the state does not have. */
export async function unknownStateKeys(lib: GraphLib) {
  const app = (write: object) =>
    new lib.StateGraph(logState(lib)).addNode("a", () => write).addEdge(lib.START, "a").compile();
  return {
    inputWithOnlyUnknownKeys: await outcome(() => app({ log: ["a"] }).invoke({ zz: 1 })),
    inputWithSomeUnknownKeys: await outcome(() => app({ log: ["a"] }).invoke({ zz: 1, log: ["in"] })),
    nodeWritesUnknownKey: await outcome(() => app({ zz: 1 }).invoke({ log: ["in"] })),
    emptyInput: await outcome(() => app({ log: ["a"] }).invoke({})),
  };
}

/** A helper deep in a node's code reads the node's config and input without being passed them. */
export async function nodeContextFromDeepCalls(lib: GraphLib) {
  const seen: unknown[] = [];
  const helper = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    seen.push({ thread: lib.getConfig().configurable?.thread_id, input: lib.getCurrentTaskInput() });
  };
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", (async () => {
      await helper();
      return { log: ["a"] };
    }) as NodeFunction)
    .addNode("b", (async () => {
      await helper();
      return { log: ["b"] };
    }) as NodeFunction)
    .addEdge(lib.START, "a")
    .addEdge("a", "b")
    .compile({ checkpointer: new lib.MemorySaver() });
  await app.invoke({ log: ["start"] }, thread("ctx"));
  return { seen, merged: lib.addMessages([{ role: "user", content: "x", id: "1" }], [{ role: "user", content: "y", id: "1" }]).map((m) => m.content) };
}
