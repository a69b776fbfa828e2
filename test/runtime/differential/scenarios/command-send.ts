/**
 * `Command` and `Send` (semantics 3.13 and 3.14): a node routing with `Command({goto, update})`,
 * `updateState` on such a node, `invoke(Command({goto, update}))` at a breakpoint, and `Send`
 * fan-out from a conditional edge or a Command, with its push task paths and debug inputs.
 */
import { GraphLib } from "../lib";
import { errorOf, historyOf, shortView, snapshotView, streamOf } from "../observe";
import { LogState, logNode, logState, thread } from "./common";

function commandRouter(lib: GraphLib) {
  return new lib.StateGraph(logState(lib))
    .addNode("router", (s: LogState) => new lib.Command({ update: { log: ["router"] }, goto: s.x === "c" ? "c" : "b" }), {
      ends: ["b", "c"],
    })
    .addNode("b", logNode("b", []))
    .addNode("c", logNode("c", []))
    .addEdge(lib.START, "router")
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver(), interruptBefore: ["b", "c"] });
}

/** The router goes to c; updates stream, then state at the breakpoint before c. */
export async function commandGotoFromNode(lib: GraphLib) {
  const app = commandRouter(lib);
  const updates = await streamOf(app, { log: [], x: "c" }, { ...thread("g"), streamMode: "updates" });
  const state = snapshotView(await app.getState(thread("g")));
  const resumed = await app.invoke(null, thread("g"));
  return { updates, state, resumed };
}

/** updateState as the router: plain values do not replay the goto, a Command does. */
export async function updateStateOnCommandRouter(lib: GraphLib) {
  const app = commandRouter(lib);
  await app.invoke({ log: [], x: "c" }, thread("g"));
  await app.updateState(thread("g"), { x: "b" }, "router");
  const afterValues = (await app.getState(thread("g"))).next;
  await app.updateState(thread("g"), new lib.Command({ goto: "b", update: { log: ["cmd-update"] } }), "router");
  const s = await app.getState(thread("g"));
  return { afterValues, afterCommand: { next: s.next, values: s.values }, resumed: await app.invoke(null, thread("g")) };
}

/** A Command goto node without `ends` has no edge into its targets: compile says unreachable. */
export async function commandTargetsWithoutEnds(lib: GraphLib) {
  return errorOf(() =>
    new lib.StateGraph(logState(lib))
      .addNode("router", () => new lib.Command({ goto: "b" }))
      .addNode("b", logNode("b", []))
      .addEdge(lib.START, "router")
      .compile(),
  );
}

/** invoke(Command({goto: c, update})) at a breakpoint before b adds c to what runs. */
export async function invokeCommandGotoAtBreakpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("b", logNode("b", calls))
    .addNode("c", logNode("c", calls))
    .addEdge(lib.START, "a")
    .addConditionalEdges("a", () => "b", ["b", "c"])
    .addEdge("b", lib.END)
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver(), interruptBefore: ["b"] });
  await app.invoke({ log: [] }, thread("h"));
  const result = await app.invoke(new lib.Command({ goto: "c", update: { x: "jumped" } }), thread("h"));
  return { result, calls, history: (await historyOf(app, thread("h"))).map(shortView) };
}

function fanOut(lib: GraphLib, calls: string[]) {
  return new lib.StateGraph(
    lib.Annotation.Root({
      log: lib.Annotation<string[]>({ reducer: (a: string[], b: string[]) => a.concat(b), default: () => [] }),
      items: lib.Annotation<number[]>(),
    }),
  )
    .addNode("plan", () => ({ items: [1, 2, 3], log: ["plan"] }))
    .addNode("work", (s: { item: number }) => {
      calls.push(`work:${s.item}`);
      return { log: [`work:${s.item}`] };
    })
    .addNode("join", () => ({ log: ["join"] }))
    .addEdge(lib.START, "plan")
    .addConditionalEdges("plan", (s: { items: number[] }) => s.items.map((item) => new lib.Send("work", { item })), ["work"])
    .addEdge("work", "join")
    .addEdge("join", lib.END);
}

/** Three Sends, stopped before work: three push tasks; the resume's debug stream shows their inputs. */
export async function sendFanOutAtBreakpoint(lib: GraphLib) {
  const calls: string[] = [];
  const app = fanOut(lib, calls).compile({ checkpointer: new lib.MemorySaver(), interruptBefore: ["work"] });
  const paused = await app.invoke({ log: [] }, thread("s"));
  const state = snapshotView(await app.getState(thread("s")));
  const debug = await streamOf(app, null, { ...thread("s"), streamMode: "debug" });
  return { paused, state, debug, calls, final: (await app.getState(thread("s"))).values };
}

/** The same fan-out run straight through, streamed as updates. */
export async function sendFanOutUpdates(lib: GraphLib) {
  const app = fanOut(lib, []).compile({ checkpointer: new lib.MemorySaver() });
  return streamOf(app, { log: [] }, { ...thread("u"), streamMode: "updates" });
}

/** Command({goto: [Send, Send]}) from a node. */
export async function commandGotoSends(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("plan", () => new lib.Command({ goto: [new lib.Send("work", { item: "x" }), new lib.Send("work", { item: "y" })] }), {
      ends: ["work"],
    })
    .addNode("work", (s: { item: string }) => ({ log: [`work:${s.item}`] }))
    .addEdge(lib.START, "plan")
    .addEdge("work", lib.END)
    .compile({ checkpointer: new lib.MemorySaver() });
  const result = await app.invoke({ log: [] }, thread("cs"));
  return { result, history: (await historyOf(app, thread("cs"))).map(snapshotView) };
}

/** A Send whose worker interrupts: each push task asks, and a scalar resume answers all. */
export async function sendWorkersInterrupt(lib: GraphLib) {
  const app = new lib.StateGraph(logState(lib))
    .addNode("plan", () => ({ log: ["plan"] }))
    .addNode("work", (s: { item: string }) => ({ log: [`${s.item}:${lib.interrupt<string>(`ok ${s.item}?`)}`] }))
    .addEdge(lib.START, "plan")
    .addConditionalEdges("plan", () => [new lib.Send("work", { item: "x" }), new lib.Send("work", { item: "y" })], ["work"])
    .compile({ checkpointer: new lib.MemorySaver() });
  const paused = await app.invoke({ log: [] }, thread("w"));
  const state = snapshotView(await app.getState(thread("w")));
  const resumed = await app.invoke(new lib.Command({ resume: "yes" }), thread("w"));
  return { paused, state, resumed };
}
