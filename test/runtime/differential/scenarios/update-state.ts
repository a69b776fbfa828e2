/**
 * `updateState` (semantics 3.5 and 3.6): the config it returns, the checkpoint it writes (source
 * "update", step + 1, reducers applied), and which node runs next depending on `asNode`: the linear
 * table, a conditional edge re-evaluated, parallel ambiguity, fresh and finished threads, the special
 * `__start__`/`__input__`/`__copy__`/`__end__` values, and updates made at a dynamic interrupt.
 */
import { CompiledGraph, GraphLib } from "../lib";
import { checkpointRef, errorOf, historyOf, shortView, snapshotView } from "../observe";
import { LogState, askGraph, counts, linear, logNode, logState, thread } from "./common";

async function nextAndValues(app: CompiledGraph, config = thread("t")) {
  const s = await app.getState(config);
  return { next: s.next, values: s.values, source: s.metadata?.source, step: s.metadata?.step };
}

/** Linear a -> b -> c stopped before b, updated as `asNode`, then resumed. */
async function linearUpdate(lib: GraphLib, asNode: string | undefined) {
  const calls: string[] = [];
  const app = linear(lib, calls, { interruptBefore: ["b"] });
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  calls.length = 0;
  let returned: unknown;
  const error = await errorOf(async () => {
    returned = checkpointRef(await app.updateState(config, { x: "X" }, asNode));
  });
  const after = await nextAndValues(app);
  const resumed = await app.invoke(null, config);
  return { returned, error, after, resumed, ranOnResume: calls };
}

export const linearUpdateWithoutAsNode = (lib: GraphLib) => linearUpdate(lib, undefined);
export const linearUpdateAsPreviousNode = (lib: GraphLib) => linearUpdate(lib, "a");
export const linearUpdateAsPendingNode = (lib: GraphLib) => linearUpdate(lib, "b");
export const linearUpdateAsLastNode = (lib: GraphLib) => linearUpdate(lib, "c");
export const linearUpdateAsStart = (lib: GraphLib) => linearUpdate(lib, "__start__");
export const linearUpdateAsEnd = (lib: GraphLib) => linearUpdate(lib, "__end__");
export const linearUpdateAsUnknownNode = (lib: GraphLib) => linearUpdate(lib, "nope");

/** a routes on x to b or c; updating x as `asNode` re-runs the router. */
async function conditionalUpdate(lib: GraphLib, asNode: string | undefined) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", []))
    .addNode("b", logNode("b", []))
    .addNode("c", logNode("c", []))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", (s: LogState) => (s.x === "go_c" ? "c" : "b"), ["b", "c"])
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver(), interruptBefore: ["b", "c"] });
  await app.invoke({ log: ["in"] }, thread("t"));
  const before = await nextAndValues(app);
  await app.updateState(thread("t"), { x: "go_c" }, asNode);
  return { before, after: await nextAndValues(app), resumed: await app.invoke(null, thread("t")) };
}

export const conditionalUpdateWithoutAsNode = (lib: GraphLib) => conditionalUpdate(lib, undefined);
export const conditionalUpdateAsRoutingNode = (lib: GraphLib) => conditionalUpdate(lib, "a");

/** a and b ran in the same step: no asNode is ambiguous, asNode a works, an unknown node fails. */
export async function parallelUpdateAmbiguity(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", []))
    .addNode("b", logNode("b", []))
    .addNode("c", logNode("c", []))
    .addEdge(lib.START, "a")
    .addEdge(lib.START, "b")
    .addEdge("a", "c")
    .addEdge("b", "c")
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver(), interruptBefore: ["c"] });
  await app.invoke({ log: ["in"] }, thread("t"));
  const withoutAsNode = await errorOf(() => app.updateState(thread("t"), { x: 1 }));
  const asA = await errorOf(() => app.updateState(thread("t"), { x: 2 }, "a"));
  const afterAsA = await nextAndValues(app);
  const unknown = await errorOf(() => app.updateState(thread("t"), { x: 3 }, "nope"));
  return { withoutAsNode, asA, afterAsA, unknown, resumed: await app.invoke(null, thread("t")) };
}

/** Updates on threads that never ran: no asNode acts as input, asNode a or __start__ pick the next node. */
export async function updateFreshThread(lib: GraphLib) {
  const out: Record<string, unknown> = {};
  for (const asNode of [undefined, "a", "__start__"]) {
    const app = linear(lib, []);
    const config = thread(`fresh-${asNode}`);
    const error = await errorOf(() => app.updateState(config, { log: ["seed"] }, asNode));
    const after = await nextAndValues(app, config);
    const resumed = await app.invoke(null, config);
    out[String(asNode)] = { error, after, resumed };
  }
  return out;
}

/** An update on a finished thread, without asNode, then invoke(null). */
export async function updateFinishedThread(lib: GraphLib) {
  const app = linear(lib, []);
  await app.invoke({ log: ["in"] }, thread("t"));
  await app.updateState(thread("t"), { x: "after-done", log: ["manual"] });
  const after = await nextAndValues(app);
  return { after, resumed: await app.invoke(null, thread("t")) };
}

/** The special asNode values, each on a thread stopped before b. */
export async function specialAsNodeValues(lib: GraphLib) {
  const calls: string[] = [];
  const make = async (id: string) => {
    const app = linear(lib, calls, { interruptBefore: ["b"] });
    await app.invoke({ log: ["in"] }, thread(id));
    return app;
  };
  const copyNull = await make("null");
  await copyNull.updateState(thread("null"), null);
  const asInput = await make("input");
  await asInput.updateState(thread("input"), { log: ["via-input"] }, "__input__");
  const inputAfter = await nextAndValues(asInput, thread("input"));
  calls.length = 0;
  const inputResumed = await asInput.invoke(null, thread("input"));
  const inputRan = [...calls];
  const asCopy = await make("copy");
  const copyConfig = await asCopy.updateState(thread("copy"), null, "__copy__");
  const copyState = snapshotView(await asCopy.getState(copyConfig));
  const asEnd = await make("end");
  await asEnd.updateState(thread("end"), null, "__end__");
  return {
    nullUpdate: await nextAndValues(copyNull, thread("null")),
    inputAfter,
    inputResumed,
    inputRan,
    copyState,
    copyHistory: (await historyOf(asCopy, thread("copy"))).map(shortView),
    endAfter: await nextAndValues(asEnd, thread("end")),
    endResumed: await asEnd.invoke(null, thread("end")),
  };
}

/** Reducers apply to updateState values; each update is a new checkpoint one step later. */
export async function updateAppliesReducers(lib: GraphLib) {
  const app = linear(lib, []);
  await app.invoke({ log: ["in"] }, thread("t"));
  const first = checkpointRef(await app.updateState(thread("t"), { log: ["manual"] }));
  const second = checkpointRef(await app.updateState(thread("t"), { log: ["again"], x: 1 }, "c"));
  const history = (await historyOf(app, thread("t"))).map(shortView);
  return { first, second, history };
}

/** At a dynamic interrupt, update as the interrupted node: it counts as done and c runs next. */
export async function updateAtInterruptAsInterruptedNode(lib: GraphLib) {
  const calls: string[] = [];
  const app = askGraph(lib, calls);
  await app.invoke({ log: [] }, thread("t"));
  await app.updateState(thread("t"), { x: "manual", log: ["ask(manual)"] }, "ask");
  const s = await app.getState(thread("t"));
  const after = { next: s.next, interrupts: s.tasks.map((t) => t.interrupts.length) };
  const resumed = await app.invoke(null, thread("t"));
  return { after, resumed, runs: counts(calls) };
}

/**
 * At a dynamic interrupt, update without asNode, then invoke(null). LangGraph.js re-runs `ask`,
 * which interrupts again; ours resumes it with the update (listed in differences.ts).
 */
async function updateAtInterruptWithoutAsNodeOn(lib: GraphLib, withPreviousNode: boolean) {
  let askRuns = 0;
  const g = new lib.StateGraph(logState(lib));
  if (withPreviousNode) g.addNode("a", logNode("a", []));
  g.addNode("ask", () => {
    askRuns++;
    return { x: lib.interrupt("q?"), log: ["ask"] };
  });
  if (withPreviousNode) g.addEdge(lib.START, "a").addEdge("a", "ask");
  else g.addEdge(lib.START, "ask");
  const app = g.addEdge("ask", lib.END).compile({ checkpointer: new lib.MemorySaver() });
  await app.invoke({ log: [] }, thread("t"));
  const update = { x: "via-update" };
  await app.updateState(thread("t"), update);
  const afterUpdate = await nextAndValues(app);
  const r = await app.invoke(null, thread("t"));
  const { [lib.INTERRUPT]: interrupts, ...values } = r;
  const final = await app.getState(thread("t"));
  return {
    update,
    afterUpdate,
    resumed: { values, interrupts: ((interrupts as { value: unknown }[] | undefined) ?? []).map((i) => i.value) },
    final: { next: final.next, values: final.values },
    askRuns,
  };
}

export const updateAtInterruptWithoutAsNode = (lib: GraphLib) => updateAtInterruptWithoutAsNodeOn(lib, true);
export const updateAtInterruptWithoutAsNodeSingleNode = (lib: GraphLib) => updateAtInterruptWithoutAsNodeOn(lib, false);
