/**
 * What `getState` and `invoke` show around a dynamic interrupt (semantics 3.1 and 3.2): the full
 * `StateSnapshot` (keys, metadata, task paths and interrupts, configs), the `__interrupt__` key of a
 * paused invoke, `isInterrupted`, and the task results that history keeps.
 */
import { GraphLib } from "../lib";
import { historyOf, snapshotView, stateOf } from "../observe";
import { thread } from "./common";

function counterGraph(lib: GraphLib) {
  const State = lib.Annotation.Root({
    n: lib.Annotation<number>({ reducer: (a: number, b: number) => a + b, default: () => 0 }),
    log: lib.Annotation<string[]>({ reducer: (a: string[], b: string[]) => a.concat(b), default: () => [] }),
    answer: lib.Annotation(),
  });
  return new lib.StateGraph(State)
    .addNode("a", () => ({ n: 1, log: ["a"] }))
    .addNode("ask", (s: { n: number }) => ({ answer: lib.interrupt({ question: "ok?", n: s.n }), log: ["ask"] }))
    .addNode("b", () => ({ n: 10, log: ["b"] }))
    .addEdge(lib.START, "a")
    .addEdge("a", "ask")
    .addEdge("ask", "b")
    .addEdge("b", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
}

/** Paused in `ask`: the invoke result, the snapshot, then the resume result and the final snapshot. */
export async function snapshotAroundDynamicInterrupt(lib: GraphLib) {
  const app = counterGraph(lib);
  const config = thread("t1");
  const paused = await app.invoke({ n: 0 }, config);
  const pausedKeys = Object.keys(paused).sort();
  const atInterrupt = await stateOf(app, config);
  const resumed = await app.invoke(new lib.Command({ resume: "yes" }), config);
  const final = await stateOf(app, config);
  return { paused, pausedKeys, atInterrupt, resumed, final };
}

/** `isInterrupted` tells a paused result from a finished one; INTERRUPT is the key it looks at. */
export async function isInterruptedOnResults(lib: GraphLib) {
  const app = counterGraph(lib);
  const paused = await app.invoke({ n: 0 }, thread("i"));
  const done = await app.invoke(new lib.Command({ resume: "y" }), thread("i"));
  return {
    INTERRUPT: lib.INTERRUPT,
    START: lib.START,
    END: lib.END,
    paused: lib.isInterrupted(paused),
    done: lib.isInterrupted(done),
  };
}

/** Every checkpoint of a finished run, in full: task results appear only in history. */
export async function fullHistoryOfFinishedRun(lib: GraphLib) {
  const app = counterGraph(lib);
  const config = thread("h");
  await app.invoke({ n: 100 }, config);
  await app.invoke(new lib.Command({ resume: "fine" }), config);
  return (await historyOf(app, config)).map(snapshotView);
}

/** getState of a past checkpoint id reads that checkpoint, not the thread's head. */
export async function getStateOfPastCheckpoint(lib: GraphLib) {
  const app = counterGraph(lib);
  const config = thread("past");
  await app.invoke({ n: 0 }, config);
  await app.invoke(new lib.Command({ resume: "ok" }), config);
  const history = await historyOf(app, config);
  const second = history[history.length - 2];
  return { past: snapshotView(await app.getState(second.config)), head: await stateOf(app, config) };
}

/** getState on a thread that never ran: empty values, nothing next, no config id. */
export async function getStateOfUnknownThread(lib: GraphLib) {
  const app = counterGraph(lib);
  const state = await app.getState(thread("never"));
  return { values: state.values, next: state.next, tasks: state.tasks, metadata: state.metadata ?? null };
}
