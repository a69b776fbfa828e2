/**
 * `getStateHistory` (semantics 3.8): newest first, the step -1 input checkpoint with its
 * `__start__` task result, and the `limit`, `before` and `filter` options.
 */
import { GraphLib } from "../lib";
import { historyOf, shortView, snapshotView } from "../observe";
import { linear, thread } from "./common";

async function finishedRun(lib: GraphLib) {
  const app = linear(lib, []);
  await app.invoke({ log: ["in"] }, thread("h"));
  return app;
}

/** The whole history of a -> b -> c, each checkpoint in full. */
export async function historyOfLinearRun(lib: GraphLib) {
  const app = await finishedRun(lib);
  return (await historyOf(app, thread("h"))).map(snapshotView);
}

export async function historyLimit(lib: GraphLib) {
  const app = await finishedRun(lib);
  const two = (await historyOf(app, thread("h"), { limit: 2 })).map(shortView);
  const zero = (await historyOf(app, thread("h"), { limit: 0 })).map(shortView);
  return { two, zero };
}

export async function historyBefore(lib: GraphLib) {
  const app = await finishedRun(lib);
  const all = await historyOf(app, thread("h"));
  const beforeSecond = (await historyOf(app, thread("h"), { before: all[1].config })).map(shortView);
  const beforeLast = (await historyOf(app, thread("h"), { before: all[all.length - 1].config })).map(shortView);
  const beforeAndLimit = (await historyOf(app, thread("h"), { before: all[0].config, limit: 1 })).map(shortView);
  return { beforeSecond, beforeLast, beforeAndLimit };
}

export async function historyFilter(lib: GraphLib) {
  const app = await finishedRun(lib);
  await app.updateState(thread("h"), { x: 1 });
  const steps = async (filter: Record<string, unknown>) =>
    (await historyOf(app, thread("h"), { filter })).map((s) => `${s.metadata?.step}:${s.metadata?.source}`);
  return {
    input: await steps({ source: "input" }),
    loop: await steps({ source: "loop" }),
    update: await steps({ source: "update" }),
    step1: await steps({ step: 1 }),
    none: await steps({ source: "nothing" }),
  };
}

/** Two threads on one saver do not see each other's history; an unknown thread has none. */
export async function historyPerThread(lib: GraphLib) {
  const app = linear(lib, []);
  await app.invoke({ log: ["one"] }, thread("one"));
  await app.invoke({ log: ["two"] }, { ...thread("two"), interruptBefore: ["b"] });
  return {
    one: (await historyOf(app, thread("one"))).map(shortView),
    two: (await historyOf(app, thread("two"))).map(shortView),
    none: (await historyOf(app, thread("none"))).map(shortView),
  };
}
