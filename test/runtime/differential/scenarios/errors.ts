/**
 * Errors (semantics 3.10 and 3.11): the recursion limit, calls that need a checkpointer or a
 * thread_id, empty input, resumes with nothing to resume, a throwing node recorded on its task and
 * retried by invoke(null), and graphs that do not compile.
 */
import { GraphLib } from "../lib";
import { errorOf, historyOf, outcome, shortView, snapshotView } from "../observe";
import { LogState, chain, counts, logNode, logState, thread } from "./common";

function selfLoop(lib: GraphLib) {
  return new lib.StateGraph(logState(lib))
    .addNode("a", () => ({ log: ["a"] }))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", () => "a", ["a", lib.END]);
}

/** A graph that never stops hits the default limit of 25 steps, or the one given in the config. */
export async function recursionLimitWithoutCheckpointer(lib: GraphLib) {
  const app = selfLoop(lib).compile();
  const defaultLimit = await errorOf(() => app.invoke({ log: [] }));
  const limitThree = await errorOf(() => app.invoke({ log: [] }, { recursionLimit: 3 }));
  const isClass = await outcome(async () => {
    try {
      await app.invoke({ log: [] }, { recursionLimit: 2 });
      return "no error";
    } catch (e) {
      return e instanceof lib.GraphRecursionError;
    }
  });
  return { defaultLimit, limitThree, isClass };
}

/** With a checkpointer the state at the limit is kept and the run continues with a higher limit. */
export async function recursionLimitKeepsStateForResume(lib: GraphLib) {
  let laps = 0;
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", () => ({ log: [`a${++laps}`] }))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", (s: LogState) => (s.log.length < 8 ? "a" : lib.END), ["a", lib.END])
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = thread("r");
  const error = await errorOf(() => app.invoke({ log: [] }, { ...config, recursionLimit: 5 }));
  const atLimit = snapshotView(await app.getState(config));
  const resumed = await app.invoke(null, { ...config, recursionLimit: 50 });
  return { error, atLimit, resumed, laps };
}

/** Everything that needs a checkpointer, called on a graph compiled without one. */
export async function callsThatNeedACheckpointer(lib: GraphLib) {
  const app = chain(lib, ["a"], []).compile();
  const asking = new lib.StateGraph(logState(lib))
    .addNode("a", () => ({ log: [lib.interrupt<string>("q")] }))
    .addEdge(lib.START, "a")
    .compile();
  const config = thread("x");
  return {
    getState: await errorOf(() => app.getState(config)),
    updateState: await errorOf(() => app.updateState(config, { x: 1 })),
    getStateHistory: await errorOf(() => historyOf(app, config)),
    commandResume: await errorOf(() => app.invoke(new lib.Command({ resume: 1 }))),
    interruptInNode: await errorOf(() => asking.invoke({ log: [] })),
    isGraphValueError: await outcome(async () => {
      try {
        await app.getState(config);
      } catch (e) {
        return e instanceof lib.GraphValueError;
      }
    }),
  };
}

/** A checkpointer but no thread_id in the config. */
export async function checkpointerWithoutThreadId(lib: GraphLib) {
  const app = chain(lib, ["a"], []).compile({ checkpointer: new lib.MemorySaver() });
  return {
    invoke: await errorOf(() => app.invoke({ log: [] })),
    emptyConfigurable: await errorOf(() => app.invoke({ log: [] }, { configurable: {} })),
  };
}

/** Runs that have nothing to do: null input on an empty thread, resumes with nothing pending. */
export async function nothingToRun(lib: GraphLib) {
  const make = () => chain(lib, ["a"], []).compile({ checkpointer: new lib.MemorySaver() });
  const empty = make();
  const emptyThread = await outcome(() => empty.invoke(null, thread("empty")));
  const isEmptyInputError = await outcome(async () => {
    try {
      await empty.invoke(null, thread("empty"));
    } catch (e) {
      return e instanceof lib.EmptyInputError;
    }
  });
  const fresh = await outcome(() => make().invoke(new lib.Command({ resume: "x" }), thread("fresh")));
  const finished = make();
  await finished.invoke({ log: [] }, thread("f"));
  const resumeFinished = await outcome(() => finished.invoke(new lib.Command({ resume: "x" }), thread("f")));
  const nullOnFinished = await outcome(() => finished.invoke(null, thread("f")));
  const history = (await historyOf(finished, thread("f"))).map(shortView);
  return { emptyThread, isEmptyInputError, fresh, resumeFinished, nullOnFinished, history };
}

/** A node throws: the error propagates, its task records it, and after a fix only it re-runs. */
export async function throwingNodeRetriedByInvokeNull(lib: GraphLib) {
  const calls: string[] = [];
  let broken = true;
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("boom", () => {
      calls.push("boom");
      if (broken) throw new TypeError("kaboom");
      return { log: ["boom"] };
    })
    .addNode("c", logNode("c", calls))
    .addEdge(lib.START, "a")
    .addEdge("a", "boom")
    .addEdge("boom", "c")
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = thread("e");
  const error = await errorOf(() => app.invoke({ log: [] }, config));
  const failed = snapshotView(await app.getState(config));
  const stillBroken = await errorOf(() => app.invoke(null, config));
  broken = false;
  const retried = await app.invoke(null, config);
  return { error, failed, stillBroken, retried, runs: counts(calls), history: (await historyOf(app, config)).map(shortView) };
}

/** Graphs that must not compile: unknown edge ends, no entry, duplicate and reserved node names. */
export async function graphsThatDoNotCompile(lib: GraphLib) {
  const base = () => new lib.StateGraph(logState(lib)).addNode("a", logNode("a", []));
  return {
    edgeToUnknown: await errorOf(() => base().addEdge(lib.START, "a").addEdge("a", "zzz").compile()),
    edgeFromUnknown: await errorOf(() => base().addEdge(lib.START, "a").addEdge("zzz", "a").compile()),
    pathMapToUnknown: await errorOf(() =>
      base().addEdge(lib.START, "a").addConditionalEdges("a", () => "x", { go: "zzz" }).compile(),
    ),
    noEntry: await errorOf(() => base().compile()),
    duplicate: await errorOf(() => base().addNode("a", logNode("a", []))),
    reservedEnd: await errorOf(() => base().addNode(lib.END, logNode("e", []))),
    unreachable: await errorOf(() => base().addNode("b", logNode("b", [])).addEdge(lib.START, "a").compile()),
  };
}

/** A router returning a name that is not a node fails at run time. */
export async function routerToUnknownNode(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", []))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", () => "ghost")
    .compile();
  return outcome(() => app.invoke({ log: [] }));
}

/** An aborted `signal` ends the run: before it starts, or from inside a node (the next step never runs). */
export async function abortSignalEndsTheRun(lib: GraphLib) {
  const calls: string[] = [];
  const app = chain(lib, ["a", "b"], calls).compile({ checkpointer: new lib.MemorySaver() });
  const early = new AbortController();
  early.abort();
  const beforeStart = await errorOf(() => app.invoke({ log: [] }, { ...thread("early"), signal: early.signal }));
  const inside = new AbortController();
  const stopping = new lib.StateGraph(logState(lib))
    .addNode("a", () => {
      calls.push("stopping a");
      inside.abort();
      return { log: ["a"] };
    })
    .addNode("b", logNode("b", calls))
    .addEdge(lib.START, "a")
    .addEdge("a", "b")
    .compile({ checkpointer: new lib.MemorySaver() });
  const fromNode = await errorOf(() => stopping.invoke({ log: [] }, { ...thread("inside"), signal: inside.signal }));
  const after = await stopping.getState(thread("inside"));
  return { beforeStart, fromNode, calls, after: { next: after.next, values: after.values } };
}

/**
 * A node with a retry policy runs again when it throws: a flaky node succeeds on its third run; a
 * node whose `retryOn` refuses the error, and one out of attempts, fail as without a policy.
 */
export async function retryPolicyRunsTheNodeAgain(lib: GraphLib) {
  const fast = { initialInterval: 1, jitter: false, logWarning: false };
  const runs: Record<string, number> = {};
  const failing = (name: string, failures: number) => () => {
    runs[name] = (runs[name] ?? 0) + 1;
    if (runs[name] <= failures) throw new Error(`${name} failed run ${runs[name]}`);
    return { log: [name] };
  };
  const graphOf = (name: string, failures: number, policy: Record<string, unknown>) =>
    new lib.StateGraph(logState(lib)).addNode(name, failing(name, failures), { retryPolicy: { ...fast, ...policy } }).addEdge(lib.START, name).compile();
  const flaky = await graphOf("flaky", 2, { maxAttempts: 3 }).invoke({ log: [] });
  const refused = await errorOf(() => graphOf("refused", 1, { retryOn: () => false }).invoke({ log: [] }));
  const exhausted = await errorOf(() => graphOf("exhausted", 5, { maxAttempts: 2 }).invoke({ log: [] }));
  return { flaky, refused, exhausted, runs };
}
