/**
 * Subgraphs (issue 7): a compiled graph used as a node, and a graph invoked from inside a node. The
 * child runs in the parent's thread under its own checkpoint namespace; its interrupt stops the
 * parent; a resume continues inside the child without re-running the child's finished nodes.
 */
import { CompiledGraph, GraphLib, NodeFunction, Snapshot } from "../lib";
import { chain, counts, logNode, logState, thread } from "./common";
import { historyOf, shortView, snapshotView } from "../observe";

type SnapshotWithState = Snapshot & { tasks: Array<Snapshot["tasks"][number] & { state?: unknown }> };

/** A child that logs c1, then asks in c2; its parent logs p1, runs the child, then logs p2. */
function family(lib: GraphLib, calls: string[]) {
  const child = new lib.StateGraph(logState(lib))
    .addNode("c1", logNode("c1", calls))
    .addNode("c2", (() => {
      calls.push("c2");
      return { log: [`c2:${lib.interrupt<string>("child asks")}`] };
    }) as NodeFunction)
    .addEdge(lib.START, "c1")
    .addEdge("c1", "c2")
    .addEdge("c2", lib.END)
    .compile();
  return new lib.StateGraph(logState(lib))
    .addNode("p1", logNode("p1", calls))
    .addNode("sub", child as unknown as NodeFunction)
    .addNode("p2", logNode("p2", calls))
    .addEdge(lib.START, "p1")
    .addEdge("p1", "sub")
    .addEdge("sub", "p2")
    .addEdge("p2", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
}

/** `stream(..., {subgraphs: true})` yields `[namespace, chunk]`, the child's chunks under `sub:<task>`. */
export async function streamWithSubgraphNamespaces(lib: GraphLib) {
  const calls: string[] = [];
  const app = family(lib, calls);
  const chunks: unknown[] = [];
  const config = { ...thread("s"), streamMode: "updates", subgraphs: true } as never;
  for await (const chunk of await app.stream({ log: [] }, config)) chunks.push(chunk);
  const resumed: unknown[] = [];
  for await (const chunk of await app.stream(new lib.Command({ resume: "yes" }), config)) resumed.push(chunk);
  return { chunks, resumed, runs: counts(calls) };
}

/** While the child waits, the parent's task carries the child's interrupt and config (or snapshot). */
export async function parentStateWhileChildWaits(lib: GraphLib) {
  const app = family(lib, []);
  const paused = await app.invoke({ log: [] }, thread("w"));
  const plain = (await app.getState(thread("w"))) as SnapshotWithState;
  const deep = (await (app.getState as (c: unknown, o: unknown) => Promise<SnapshotWithState>)(thread("w"), { subgraphs: true }));
  const childSnapshot = deep.tasks[0].state as Snapshot;
  return {
    paused,
    plain: { ...(snapshotView(plain) as object), taskState: plain.tasks[0].state },
    child: snapshotView(childSnapshot),
    childHistory: (await historyOf(app, childSnapshot.config)).map(shortView),
  };
}

/** The resume answers the child's interrupt; c1 (finished before the interrupt) does not run again. */
export async function resumeContinuesInsideTheChild(lib: GraphLib) {
  const calls: string[] = [];
  const app = family(lib, calls);
  await app.invoke({ log: [] }, thread("r"));
  const final = await app.invoke(new lib.Command({ resume: "yes" }), thread("r"));
  return { final, runs: counts(calls), history: (await historyOf(app, thread("r"))).map(shortView) };
}

/** A graph invoked inside a node: its interrupt stops the node; the answer reaches it on resume. */
export async function graphInvokedInsideANode(lib: GraphLib) {
  const calls: string[] = [];
  const child = new lib.StateGraph(logState(lib))
    .addNode("c1", logNode("c1", calls))
    .addNode("c2", (() => ({ log: [`c2:${lib.interrupt<string>("inner asks")}`] })) as NodeFunction)
    .addEdge(lib.START, "c1")
    .addEdge("c1", "c2")
    .compile();
  const host = new lib.StateGraph(logState(lib))
    .addNode("host", (async () => {
      calls.push("host");
      const out = (await child.invoke({ log: [] })) as { log: string[] };
      return { log: out.log.map((entry) => `in:${entry}`) };
    }) as NodeFunction)
    .addEdge(lib.START, "host")
    .compile({ checkpointer: new lib.MemorySaver() });
  const paused = await host.invoke({ log: [] }, thread("i"));
  const final = await host.invoke(new lib.Command({ resume: "ok" }), thread("i"));
  return { paused, final, runs: counts(calls) };
}

/** While a graph invoked inside a node waits, `getState(..., {subgraphs: true})` of the parent. */
export async function stateOfAGraphInvokedInsideANode(lib: GraphLib) {
  const child = new lib.StateGraph(logState(lib))
    .addNode("c1", logNode("c1", []))
    .addNode("c2", (() => ({ log: [`c2:${lib.interrupt<string>("inner asks")}`] })) as NodeFunction)
    .addEdge(lib.START, "c1")
    .addEdge("c1", "c2")
    .compile();
  const host = new lib.StateGraph(logState(lib))
    .addNode("host", (async () => ({ log: ((await child.invoke({ log: [] })) as { log: string[] }).log })) as NodeFunction)
    .addEdge(lib.START, "host")
    .compile({ checkpointer: new lib.MemorySaver() });
  await host.invoke({ log: [] }, thread("n"));
  const deep = await (host.getState as (c: unknown, o: unknown) => Promise<SnapshotWithState>)(thread("n"), { subgraphs: true });
  const inner = deep.tasks[0].state as Snapshot | undefined;
  return { next: deep.next, inner: inner ? { next: inner.next, values: inner.values } : null };
}

/**
 * A handoff: a node inside a subgraph returns `Command({goto, update, graph: Command.PARENT})`, and
 * the parent goes to that node with that update, as if the subgraph's node had returned it.
 */
export async function commandToTheParentGraph(lib: GraphLib) {
  const calls: string[] = [];
  const Parent = (lib.Command as unknown as { PARENT: string }).PARENT;
  const child = new lib.StateGraph(logState(lib))
    .addNode("triage", logNode("triage", calls))
    .addNode("handoff", (() => {
      calls.push("handoff");
      return new lib.Command({ goto: "billing", update: { log: ["handed to billing"] }, graph: Parent } as never);
    }) as NodeFunction)
    .addNode("never", logNode("never", calls))
    .addEdge(lib.START, "triage")
    .addEdge("triage", "handoff")
    .addEdge("handoff", "never")
    .compile();
  const app = new lib.StateGraph(logState(lib))
    .addNode("desk", child as unknown as NodeFunction, { ends: ["billing", "sales"] })
    .addNode("billing", logNode("billing", calls))
    .addNode("sales", logNode("sales", calls))
    .addEdge(lib.START, "desk")
    .compile({ checkpointer: new lib.MemorySaver() });
  const final = await app.invoke({ log: [] }, thread("handoff"));
  return { parentIsExported: typeof Parent === "string", final, runs: counts(calls), history: (await historyOf(app, thread("handoff"))).map(shortView) };
}

/** A child that runs `first`, then `ask`, which asks `question` and logs the answer. */
function askingAfter(lib: GraphLib, first: [string, NodeFunction], question: string, calls: string[], checkpointer: boolean) {
  return new lib.StateGraph(logState(lib))
    .addNode(first[0], first[1])
    .addNode("ask", (() => {
      calls.push("ask");
      return { log: [`answer:${lib.interrupt<string>(question)}`] };
    }) as NodeFunction)
    .addEdge(lib.START, first[0])
    .addEdge(first[0], "ask")
    .compile({ checkpointer });
}

/** A parent whose only node, `name`, is the compiled graph `child`. */
function parentOf(lib: GraphLib, name: string, child: unknown) {
  return new lib.StateGraph(logState(lib))
    .addNode(name, child as NodeFunction)
    .addEdge(lib.START, name)
    .compile({ checkpointer: new lib.MemorySaver() });
}

/**
 * A subgraph compiled with `checkpointer: true` keeps one history per thread: each run of its node
 * goes on from the state the last run left (under the namespace `desk`, with no task id), and a
 * question it asks is answered inside it as usual.
 */
export async function subgraphKeepingItsOwnHistory(lib: GraphLib) {
  const calls: string[] = [];
  const count = ((state: { log: string[] }) => ({ log: [`desk saw ${state.log.length}`] })) as NodeFunction;
  const app = parentOf(lib, "desk", askingAfter(lib, ["count", count], "desk asks", calls, true));
  const config = thread("k");
  const runs: unknown[] = [];
  for (const [input, answer] of [[["first"], "A"], [["second"], "B"]] as const) {
    await app.invoke({ log: [...input] }, config);
    const deep = await (app.getState as (c: unknown, o: unknown) => Promise<SnapshotWithState>)(config, { subgraphs: true });
    const inner = deep.tasks[0]?.state as Snapshot | undefined;
    const innerNs = (inner?.config as { configurable?: { checkpoint_ns?: string } } | undefined)?.configurable?.checkpoint_ns;
    const resumed = await app.invoke(new lib.Command({ resume: answer }), config);
    runs.push({ waiting: inner ? { ns: innerNs, next: inner.next, values: inner.values } : null, resumed });
  }
  return { runs, calls };
}

/** A root graph compiled with `checkpointer: true` has no parent to keep its history in. */
export async function rootGraphWithCheckpointerTrue(lib: GraphLib) {
  const app = chain(lib, ["a"], []).compile({ checkpointer: true });
  try {
    await app.invoke({ log: [] }, thread("r"));
    return { threw: false };
  } catch (error) {
    return { threw: true, mentionsRoot: /root graph/i.test((error as Error).message) };
  }
}

/** A subgraph compiled with a saver of its own still saves, as a subgraph, to its parent's saver. */
export async function subgraphWithASaverOfItsOwn(lib: GraphLib) {
  type Listing = { list(config: object): AsyncIterable<{ config: { configurable: { checkpoint_ns: string } } }> };
  const own = new lib.MemorySaver() as Listing;
  const parents = new lib.MemorySaver() as Listing;
  const child = chain(lib, ["c1"], []).compile({ checkpointer: own });
  const app = new lib.StateGraph(logState(lib)).addNode("sub", child as unknown as NodeFunction).addEdge(lib.START, "sub").compile({ checkpointer: parents });
  await app.invoke({ log: [] }, thread("o"));
  const namespaces = async (saver: Listing) => {
    const seen: string[] = [];
    for await (const tuple of saver.list({})) seen.push(tuple.config.configurable.checkpoint_ns.replace(/:.*/, ""));
    return seen.sort();
  };
  return { parentSaver: await namespaces(parents), ownSaver: await namespaces(own) };
}

/** A subgraph compiled with `checkpointer: false` that asks a question, answered once. */
export async function subgraphWithCheckpointerFalse(lib: GraphLib) {
  const calls: string[] = [];
  const app = parentOf(lib, "sub", askingAfter(lib, ["c1", logNode("c1", calls)], "child asks", calls, false));
  const first = (await app.invoke({ log: [] }, thread("f"))) as Record<string, unknown>;
  const resumed = (await app.invoke(new lib.Command({ resume: "yes" }), thread("f"))) as Record<string, unknown>;
  const asked = (result: Record<string, unknown>) => ((result.__interrupt__ as unknown[] | undefined) ?? []).length;
  return { first: { log: first.log, asked: asked(first) }, resumed: { log: resumed.log, asked: asked(resumed) }, calls };
}

/** A child whose `c` logs what it saw and whose `q` asks about its first note. */
function askingChild(lib: GraphLib) {
  return new lib.StateGraph(logState(lib))
    .addNode("c", ((state: { log: string[] }) => ({ log: [`c saw ${state.log.join(",")}`] })) as NodeFunction)
    .addNode("q", ((state: { log: string[] }) => ({ log: [`answer:${lib.interrupt<string>(`about ${state.log[0]}`)}`] })) as NodeFunction)
    .addEdge(lib.START, "c")
    .addEdge("c", "q")
    .compile();
}

/** A parent whose `host` node invokes `child` twice, one call after the other, on "x" then "y". */
function hostInvokingTwice(lib: GraphLib, child: CompiledGraph) {
  return new lib.StateGraph(logState(lib))
    .addNode("host", (async () => {
      const first = (await child.invoke({ log: ["x"] })) as { log: string[] };
      const second = (await child.invoke({ log: ["y"] })) as { log: string[] };
      return { log: [...first.log, ...second.log] };
    }) as NodeFunction)
    .addEdge(lib.START, "host")
    .compile({ checkpointer: new lib.MemorySaver() });
}

/** What a run returned: its log, or the questions it stopped on. */
function outcome(result: unknown) {
  const { log, __interrupt__: asked } = result as { log: string[]; __interrupt__?: Array<{ value: unknown }> };
  return asked ? { asked: asked.map((question) => question.value) } : { log };
}

/** One node invokes the same graph twice, one call after the other: two runs, each from its own input. */
export async function graphInvokedTwiceInOneNode(lib: GraphLib) {
  const host = hostInvokingTwice(lib, chain(lib, ["c"], []).compile());
  return outcome(await host.invoke({ log: [] }, thread("twice")));
}

/** Two graphs invoked in turn by one node each ask once: each answer reaches the graph that asked. */
export async function twoInvokedGraphsAskInTurn(lib: GraphLib) {
  const host = hostInvokingTwice(lib, askingChild(lib));
  const config = thread("turns");
  const steps = [outcome(await host.invoke({ log: [] }, config))];
  for (const answer of ["A", "B"]) steps.push(outcome(await host.invoke(new lib.Command({ resume: answer }), config)));
  return steps;
}

/** An invoked graph that asks twice gets the first answer for its first question, the second for its second. */
export async function invokedGraphAsksTwice(lib: GraphLib) {
  const child = new lib.StateGraph(logState(lib))
    .addNode("q1", (() => ({ log: [`1:${lib.interrupt<string>("first")}`] })) as NodeFunction)
    .addNode("q2", (() => ({ log: [`2:${lib.interrupt<string>("second")}`] })) as NodeFunction)
    .addEdge(lib.START, "q1")
    .addEdge("q1", "q2")
    .compile();
  const host = new lib.StateGraph(logState(lib))
    .addNode("host", (async () => ({ log: ((await child.invoke({ log: [] })) as { log: string[] }).log })) as NodeFunction)
    .addEdge(lib.START, "host")
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = thread("asks");
  const steps = [outcome(await host.invoke({ log: [] }, config))];
  for (const answer of ["A", "B"]) steps.push(outcome(await host.invoke(new lib.Command({ resume: answer }), config)));
  return steps;
}

/** A graph that keeps its history, invoked by a node on two runs of the thread: each run's question gets that run's answer. */
export async function invokedGraphKeepingItsHistoryAsksEachRun(lib: GraphLib) {
  const count = ((state: { log: string[] }) => ({ log: [`saw ${state.log.length}`] })) as NodeFunction;
  const child = askingAfter(lib, ["count", count], "again?", [], true);
  const host = new lib.StateGraph(logState(lib))
    .addNode("host", (async (state: { log: string[] }) => ({ log: ((await child.invoke({ log: [`run ${state.log.length}`] })) as { log: string[] }).log })) as NodeFunction)
    .addEdge(lib.START, "host")
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = thread("again");
  const steps: unknown[] = [];
  for (const answer of ["A", "B"]) {
    steps.push(outcome(await host.invoke({ log: [] }, config)));
    steps.push(outcome(await host.invoke(new lib.Command({ resume: answer }), config)));
  }
  return steps;
}
