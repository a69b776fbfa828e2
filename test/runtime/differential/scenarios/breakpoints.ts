/**
 * Static breakpoints (semantics 3.7): `interruptBefore`/`interruptAfter` given at compile time as
 * node lists or "*", stepping through with invoke(null); breakpoints given at run time, which apply
 * to that one call; breakpoints without a checkpointer; unknown node names.
 */
import { CompileOptions, CompiledGraph, GraphLib } from "../lib";
import { errorOf } from "../observe";
import { chain, linear, thread } from "./common";

/** invoke, then invoke(null) until nothing is next: each return value, next and task interrupts. */
async function stepThrough(app: CompiledGraph, id: string, firstConfig = {}) {
  const config = thread(id);
  const stops: unknown[] = [];
  let result = await app.invoke({ log: ["in"] }, { ...config, ...firstConfig });
  for (let i = 0; i < 6; i++) {
    const s = await app.getState(config);
    stops.push({ result, next: s.next, taskInterrupts: s.tasks.map((t) => t.interrupts) });
    if (s.next.length === 0) break;
    result = await app.invoke(null, config);
  }
  return stops;
}

async function compiledBreakpoints(lib: GraphLib, options: CompileOptions) {
  const calls: string[] = [];
  const stops = await stepThrough(linear(lib, calls, options), "t");
  return { stops, calls };
}

export const interruptBeforeEveryNode = (lib: GraphLib) => compiledBreakpoints(lib, { interruptBefore: "*" });
export const interruptAfterEveryNode = (lib: GraphLib) => compiledBreakpoints(lib, { interruptAfter: "*" });
export const interruptBeforeOneNode = (lib: GraphLib) => compiledBreakpoints(lib, { interruptBefore: ["b"] });
export const interruptAfterOneNode = (lib: GraphLib) => compiledBreakpoints(lib, { interruptAfter: ["a"] });
export const interruptBeforeAndAfterSameNode = (lib: GraphLib) =>
  compiledBreakpoints(lib, { interruptBefore: ["b"], interruptAfter: ["b"] });
export const interruptBeforeSeveralNodes = (lib: GraphLib) => compiledBreakpoints(lib, { interruptBefore: ["a", "c"] });

/** Breakpoints passed to invoke apply to that call only: the next invoke(null) runs to the end. */
export async function runtimeInterruptBeforeAppliesToOneCall(lib: GraphLib) {
  const calls: string[] = [];
  const stops = await stepThrough(linear(lib, calls), "rt", { interruptBefore: ["b", "c"] });
  return { stops, calls };
}

export async function runtimeInterruptAfterAppliesToOneCall(lib: GraphLib) {
  const calls: string[] = [];
  const stops = await stepThrough(linear(lib, calls), "rta", { interruptAfter: "*" });
  return { stops, calls };
}

/** Runtime breakpoints given again on each resume keep stopping. */
export async function runtimeBreakpointsRepeatedOnEachCall(lib: GraphLib) {
  const app = linear(lib, []);
  const config = { ...thread("rep"), interruptBefore: ["b", "c"] };
  const results = [await app.invoke({ log: ["in"] }, config)];
  for (let i = 0; i < 3; i++) results.push(await app.invoke(null, config));
  return results;
}

/** Without a checkpointer a breakpoint still stops the run; there is nothing to resume. */
export async function breakpointWithoutCheckpointer(lib: GraphLib) {
  const app = chain(lib, ["a", "b"], []).compile({ interruptBefore: ["b"] });
  const result = await app.invoke({ log: ["in"] });
  const resume = await errorOf(() => app.invoke(null));
  return { result, resume };
}

/** Compiling with an unknown node in an interrupt list fails with its name. */
export async function unknownBreakpointNode(lib: GraphLib) {
  const before = await errorOf(() => chain(lib, ["a"], []).compile({ interruptBefore: ["nope"] }));
  const after = await errorOf(() => chain(lib, ["a"], []).compile({ interruptAfter: ["a", "later"] }));
  return { before, after };
}
