/**
 * Pending writes: when one task of a step interrupts or throws, the siblings that finished keep
 * their writes on the checkpoint, so the resume or retry runs only what did not finish and the
 * finished sibling is not executed again.
 */
import { CompiledGraph, GraphLib } from "../lib";
import { errorOf, historyOf, shortView, snapshotView } from "../observe";
import { counts, logNode, logState, thread } from "./common";

/**
 * START -> fine and START -> other, both -> after (plain edges: with a join edge
 * `addEdge(["fine", "other"], "after")` LangGraph.js 1.7.3 never runs `after` after the retry).
 */
function siblings(lib: GraphLib, calls: string[], other: () => unknown): CompiledGraph {
  return new lib.StateGraph(logState(lib))
    .addNode("fine", logNode("fine", calls))
    .addNode("other", () => {
      calls.push("other");
      return other();
    })
    .addNode("after", logNode("after", calls))
    .addEdge(lib.START, "fine")
    .addEdge(lib.START, "other")
    .addEdge("fine", "after")
    .addEdge("other", "after")
    .compile({ checkpointer: new lib.MemorySaver() });
}

/** `other` throws once; the retry by invoke(null) runs only `other`, then `after`. */
export async function siblingThrowsFinishedSiblingKept(lib: GraphLib) {
  const calls: string[] = [];
  let fail = true;
  const app = siblings(lib, calls, () => {
    if (fail) throw new Error("flaky");
    return { log: ["other"] };
  });
  const error = await errorOf(() => app.invoke({ log: [] }, thread("t")));
  const failed = snapshotView(await app.getState(thread("t")));
  fail = false;
  const retried = await app.invoke(null, thread("t"));
  return { error, failed, retried, runs: counts(calls), history: (await historyOf(app, thread("t"))).map(shortView) };
}

/** `other` interrupts; the resume runs only `other` again, never `fine`. */
export async function siblingInterruptsFinishedSiblingKept(lib: GraphLib) {
  const calls: string[] = [];
  const app = siblings(lib, calls, () => ({ log: [`other:${lib.interrupt<string>("other?")}`] }));
  const paused = await app.invoke({ log: [] }, thread("t"));
  const waiting = snapshotView(await app.getState(thread("t")));
  const resumed = await app.invoke(new lib.Command({ resume: "go" }), thread("t"));
  return { paused, waiting, resumed, runs: counts(calls), history: (await historyOf(app, thread("t"))).map(shortView) };
}

/** A static breakpoint after both siblings: the interrupt-after stop comes once the whole step ran. */
export async function interruptAfterOneOfTwoSiblings(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("fine", logNode("fine", calls))
    .addNode("other", logNode("other", calls))
    .addNode("after", logNode("after", calls))
    .addEdge(lib.START, "fine")
    .addEdge(lib.START, "other")
    .addEdge(["fine", "other"], "after")
    .compile({ checkpointer: new lib.MemorySaver(), interruptAfter: ["fine"] });
  const paused = await app.invoke({ log: [] }, thread("t"));
  const stopped = snapshotView(await app.getState(thread("t")));
  const resumed = await app.invoke(null, thread("t"));
  return { paused, stopped, resumed, runs: counts(calls) };
}

/** Both siblings throw: the first error is raised and both tasks record their errors. */
export async function bothSiblingsThrow(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("p", () => {
      throw new Error("p broke");
    })
    .addNode("q", () => {
      throw new RangeError("q broke");
    })
    .addEdge(lib.START, "p")
    .addEdge(lib.START, "q")
    .compile({ checkpointer: new lib.MemorySaver() });
  const error = await errorOf(() => app.invoke({ log: [] }, thread("t")));
  return { error, state: snapshotView(await app.getState(thread("t"))) };
}
