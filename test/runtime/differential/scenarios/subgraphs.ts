/**
 * Subgraphs (issue 7): a compiled graph used as a node, and a graph invoked from inside a node. The
 * child runs in the parent's thread under its own checkpoint namespace; its interrupt stops the
 * parent; a resume continues inside the child without re-running the child's finished nodes.
 */
import { GraphLib, NodeFunction, Snapshot } from "../lib";
import { counts, logNode, logState, thread } from "./common";
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
