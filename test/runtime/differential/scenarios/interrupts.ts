/**
 * Dynamic interrupts and resuming (semantics 3.12): a node re-runs from the top on resume and gets
 * its resume values by order; invoke(null) re-interrupts; Command update without or with resume;
 * several pending interrupts resumed by an id map, by a scalar, or only partly.
 */
import { CompiledGraph, GraphLib, Interrupt } from "../lib";
import { historyOf, outcome, shortView, snapshotView } from "../observe";
import { askGraph, counts, logState, thread } from "./common";

/** One node asks twice: three runs, the answers arrive in order. */
export async function twoInterruptsInOneNode(lib: GraphLib) {
  let runs = 0;
  const app = new lib.StateGraph(logState(lib))
    .addNode("twice", () => {
      runs++;
      const first = lib.interrupt<string>("first");
      const second = lib.interrupt<string>({ ask: "second", after: first });
      return { log: [first, second] };
    })
    .addEdge(lib.START, "twice")
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = thread("two");
  const results = [await app.invoke({ log: [] }, config)];
  results.push(await app.invoke(new lib.Command({ resume: "A" }), config));
  results.push(await app.invoke(new lib.Command({ resume: "B" }), config));
  return { results, runs };
}

/** invoke(null) at an interrupt runs the node again, which asks again (a new interrupt). */
export async function invokeNullAtInterruptAsksAgain(lib: GraphLib) {
  const calls: string[] = [];
  const app = askGraph(lib, calls);
  const first = await app.invoke({ log: [] }, thread("d"));
  const again = await app.invoke(null, thread("d"));
  const state = snapshotView(await app.getState(thread("d")));
  return { first, again, state, runs: counts(calls) };
}

/** Command({update}) without resume applies the update and the node asks again. */
export async function commandUpdateWithoutResume(lib: GraphLib) {
  const calls: string[] = [];
  const app = askGraph(lib, calls);
  await app.invoke({ log: [] }, thread("u"));
  const updated = await app.invoke(new lib.Command({ update: { log: ["upd"] } }), thread("u"));
  const both = await app.invoke(new lib.Command({ resume: "R", update: { log: ["upd2"] } }), thread("u"));
  return { updated, both, runs: counts(calls), history: (await historyOf(app, thread("u"))).map(shortView) };
}

function twoAskers(lib: GraphLib, calls: string[]): CompiledGraph {
  return new lib.StateGraph(logState(lib))
    .addNode("p", () => {
      calls.push("p");
      return { log: [`p:${lib.interrupt<string>("need p")}`] };
    })
    .addNode("q", () => {
      calls.push("q");
      return { log: [`q:${lib.interrupt<string>("need q")}`] };
    })
    .addEdge(lib.START, "p")
    .addEdge(lib.START, "q")
    .addEdge("p", lib.END)
    .addEdge("q", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
}

/** Two parallel nodes ask at once; an {id: value} map answers each. */
export async function parallelInterruptsResumedByIdMap(lib: GraphLib) {
  const calls: string[] = [];
  const app = twoAskers(lib, calls);
  const paused = await app.invoke({ log: [] }, thread("m"));
  const state = snapshotView(await app.getState(thread("m")));
  const pending = paused[lib.INTERRUPT] as Interrupt[];
  const answers = Object.fromEntries(pending.map((i) => [i.id, `ans-${String(i.value)}`]));
  const resumed = await app.invoke(new lib.Command({ resume: answers }), thread("m"));
  return { paused, state, resumed, runs: counts(calls) };
}

/** A single scalar resume value answers every pending interrupt. */
export async function parallelInterruptsResumedByScalar(lib: GraphLib) {
  const calls: string[] = [];
  const app = twoAskers(lib, calls);
  await app.invoke({ log: [] }, thread("s"));
  const resumed = await app.invoke(new lib.Command({ resume: "single" }), thread("s"));
  return { resumed, runs: counts(calls) };
}

/** Answering only one of two: that node finishes, the other asks again. */
export async function parallelInterruptsResumedOneAtATime(lib: GraphLib) {
  const calls: string[] = [];
  const app = twoAskers(lib, calls);
  const paused = await app.invoke({ log: [] }, thread("o"));
  const [first] = paused[lib.INTERRUPT] as Interrupt[];
  const partly = await app.invoke(new lib.Command({ resume: { [first.id]: "only-first" } }), thread("o"));
  const middle = snapshotView(await app.getState(thread("o")));
  const rest = (partly[lib.INTERRUPT] as Interrupt[] | undefined) ?? [];
  const done = await outcome(() =>
    app.invoke(new lib.Command({ resume: Object.fromEntries(rest.map((i) => [i.id, "second"])) }), thread("o")),
  );
  return { paused, partly, middle, done, runs: counts(calls) };
}

/** A node that asks only when its input needs review. */
export async function conditionalInterrupt(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("act", (s: { x?: string }) => {
      if (s.x === "delete") {
        const approval = lib.interrupt<{ approved: boolean }>({ action: s.x, message: "needs approval" });
        if (!approval.approved) return { log: ["cancelled"] };
      }
      return { log: [`did ${s.x}`] };
    })
    .addEdge(lib.START, "act")
    .compile({ checkpointer: new lib.MemorySaver() });
  const safe = await app.invoke({ log: [], x: "read" }, thread("safe"));
  const sensitive = await app.invoke({ log: [], x: "delete" }, thread("rej"));
  const rejected = await app.invoke(new lib.Command({ resume: { approved: false } }), thread("rej"));
  await app.invoke({ log: [], x: "delete" }, thread("ok"));
  const approved = await app.invoke(new lib.Command({ resume: { approved: true } }), thread("ok"));
  return { safe, sensitive, rejected, approved };
}

/** After an interrupt, the node returns a Command that updates and jumps past its normal successor. */
export async function interruptThenCommandGoto(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode(
      "smart",
      () => {
        calls.push("smart");
        const feedback = lib.interrupt<{ revised: string }>({ result: "draft" });
        return new lib.Command({ update: { x: feedback.revised, log: ["smart"] }, goto: "validation" });
      },
      { ends: ["validation", "normal"] },
    )
    .addNode("normal", () => ({ log: ["normal"] }))
    .addNode("validation", (s: { x?: string }) => ({ log: [`validated ${s.x}`] }))
    .addEdge(lib.START, "smart")
    .compile({ checkpointer: new lib.MemorySaver() });
  const paused = await app.invoke({ log: [] }, thread("g"));
  const updates: unknown[] = [];
  for await (const chunk of await app.stream(new lib.Command({ resume: { revised: "final" } }), {
    ...thread("g"),
    streamMode: "updates",
  })) {
    updates.push(chunk);
  }
  return { paused, updates, final: (await app.getState(thread("g"))).values, runs: counts(calls) };
}

/** Interrupt values can be any JSON: objects, arrays, numbers, null. */
export async function interruptValueShapes(lib: GraphLib) {
  const shapes: unknown[] = [{ nested: { a: [1, 2] } }, [1, "two"], 42, null, "text"];
  const out: unknown[] = [];
  for (const [i, value] of shapes.entries()) {
    const app = new lib.StateGraph(logState(lib))
      .addNode("ask", () => ({ x: lib.interrupt(value) }))
      .addEdge(lib.START, "ask")
      .compile({ checkpointer: new lib.MemorySaver() });
    const paused = await app.invoke({ log: [] }, thread(`v${i}`));
    out.push({ paused, resumed: await outcome(() => app.invoke(new lib.Command({ resume: value }), thread(`v${i}`))) });
  }
  return out;
}

/** interrupt() called from an awaited helper, after other awaits, still pauses and resumes its node. */
export async function interruptFromNestedAsyncHelper(lib: GraphLib) {
  const askLater = async (question: string) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return lib.interrupt<string>(question);
  };
  const app = new lib.StateGraph(logState(lib))
    .addNode("deep", async () => {
      const first = await askLater("first?");
      const second = await askLater("second?");
      return { log: [first, second] };
    })
    .addEdge(lib.START, "deep")
    .compile({ checkpointer: new lib.MemorySaver() });
  const results = [await app.invoke({ log: [] }, thread("n"))];
  results.push(await app.invoke(new lib.Command({ resume: "one" }), thread("n")));
  results.push(await app.invoke(new lib.Command({ resume: "two" }), thread("n")));
  return results;
}
