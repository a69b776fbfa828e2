/**
 * Replay and fork (semantics 3.9): `invoke(null, pastConfig)` writes a fork copy of the past
 * checkpoint and re-executes what came after it; `updateState(pastConfig, values)` branches off the
 * past; the old history stays readable.
 */
import { GraphLib } from "../lib";
import { historyOf, shortView, snapshotView } from "../observe";
import { askGraph, linear, thread } from "./common";

/** Replay from the checkpoint before b: b and c run again, history gains a branch. */
export async function replayFromPastCheckpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = linear(lib, calls);
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  const beforeB = (await historyOf(app, config)).find((s) => s.next[0] === "b")!;
  calls.length = 0;
  const replayed = await app.invoke(null, beforeB.config);
  return {
    replayed,
    ran: [...calls],
    history: (await historyOf(app, config)).map(shortView),
    head: snapshotView(await app.getState(config)),
    past: snapshotView(await app.getState(beforeB.config)),
  };
}

/** Fork: updateState on the checkpoint before b, then run from the fork. */
export async function forkFromPastCheckpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = linear(lib, calls);
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  const beforeB = (await historyOf(app, config)).find((s) => s.next[0] === "b")!;
  calls.length = 0;
  const forkConfig = await app.updateState(beforeB.config, { x: "forked" });
  const fork = snapshotView(await app.getState(forkConfig));
  const resumed = await app.invoke(null, forkConfig);
  return { fork, resumed, ran: [...calls], history: (await historyOf(app, config)).map(shortView) };
}

/** Replaying the checkpoint where a task waits in interrupt(): it runs again and interrupts again. */
export async function replayCheckpointAtInterrupt(lib: GraphLib) {
  const calls: string[] = [];
  const app = askGraph(lib, calls);
  const config = thread("t");
  await app.invoke({ log: [] }, config);
  const atAsk = await app.getState(config);
  await app.invoke(new lib.Command({ resume: "first" }), config);
  calls.length = 0;
  const replayed = await app.invoke(null, atAsk.config);
  const resumedAgain = await app.invoke(new lib.Command({ resume: "second" }), config);
  return { replayed, resumedAgain, ran: [...calls], history: (await historyOf(app, config)).map(shortView) };
}

/** Replay from the very first (input) checkpoint re-runs the whole graph on the same input. */
export async function replayFromInputCheckpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = linear(lib, calls);
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  const history = await historyOf(app, config);
  calls.length = 0;
  const replayed = await app.invoke(null, history[history.length - 1].config);
  return { replayed, ran: [...calls], history: (await historyOf(app, config)).map(shortView) };
}

/** A new input on a thread whose head is an old fork continues from the head, not the fork. */
export async function newInputAfterFork(lib: GraphLib) {
  const app = linear(lib, []);
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  const beforeC = (await historyOf(app, config)).find((s) => s.next[0] === "c")!;
  await app.updateState(beforeC.config, { x: "fork" });
  const result = await app.invoke({ log: ["second"] }, config);
  return { result, history: (await historyOf(app, config)).map(shortView) };
}

/** Replaying a checkpoint that paused at a compiled breakpoint: does the breakpoint stop it again? */
export async function replayCheckpointAtBreakpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = linear(lib, calls, { interruptBefore: ["b"] });
  const config = thread("t");
  await app.invoke({ log: ["in"] }, config);
  const atB = await app.getState(config);
  await app.invoke(null, config);
  calls.length = 0;
  const replayed = await app.invoke(null, atB.config);
  return { replayed, ran: [...calls], history: (await historyOf(app, config)).map(shortView) };
}
