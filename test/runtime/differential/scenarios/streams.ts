/**
 * Stream modes at an interrupt and on resume (semantics 3.3 and 3.4): `values`, `updates`, `debug`,
 * `tasks`, `checkpoints`, and arrays of modes giving `[mode, chunk]` tuples. Each scenario streams
 * the first run into the `ask` interrupt and then the resume.
 */
import { GraphLib } from "../lib";
import { streamOf } from "../observe";
import { askGraph, linear, thread } from "./common";

async function streamAroundInterrupt(lib: GraphLib, streamMode: string | string[]) {
  const app = askGraph(lib, []);
  const config = thread("s");
  const first = await streamOf(app, { log: ["in"] }, { ...config, streamMode });
  const resume = await streamOf(app, new lib.Command({ resume: "yes" }), { ...config, streamMode });
  return { first, resume };
}

export const valuesStreamAroundInterrupt = (lib: GraphLib) => streamAroundInterrupt(lib, "values");
export const updatesStreamAroundInterrupt = (lib: GraphLib) => streamAroundInterrupt(lib, "updates");
export const debugStreamAroundInterrupt = (lib: GraphLib) => streamAroundInterrupt(lib, "debug");
export const tasksStreamAroundInterrupt = (lib: GraphLib) => streamAroundInterrupt(lib, "tasks");
export const checkpointsStreamAroundInterrupt = (lib: GraphLib) => streamAroundInterrupt(lib, "checkpoints");
export const updatesAndValuesTuples = (lib: GraphLib) => streamAroundInterrupt(lib, ["updates", "values"]);
export const debugAndValuesTuples = (lib: GraphLib) => streamAroundInterrupt(lib, ["debug", "values"]);

/** The same modes at a static breakpoint before b, then resuming with null. */
async function streamAroundBreakpoint(lib: GraphLib, streamMode: string | string[]) {
  const app = linear(lib, [], { interruptBefore: ["b"] });
  const config = thread("bp");
  const first = await streamOf(app, { log: ["in"] }, { ...config, streamMode });
  const resume = await streamOf(app, null, { ...config, streamMode });
  return { first, resume };
}

export const valuesStreamAtBreakpoint = (lib: GraphLib) => streamAroundBreakpoint(lib, "values");
export const updatesStreamAtBreakpoint = (lib: GraphLib) => streamAroundBreakpoint(lib, "updates");
export const debugStreamAtBreakpoint = (lib: GraphLib) => streamAroundBreakpoint(lib, "debug");
export const checkpointsStreamAtBreakpointAfter = async (lib: GraphLib) => {
  const app = linear(lib, [], { interruptAfter: ["a"] });
  const config = thread("bpa");
  const first = await streamOf(app, { log: ["in"] }, { ...config, streamMode: "checkpoints" });
  const resume = await streamOf(app, null, { ...config, streamMode: "checkpoints" });
  return { first, resume };
};

/** A node that throws: the debug stream records the error on its task_result, then the stream throws. */
export async function debugStreamWhenNodeThrows(lib: GraphLib) {
  const app = new lib.StateGraph(askGraphState(lib))
    .addNode("boom", () => {
      throw new Error("kaboom");
    })
    .addEdge(lib.START, "boom")
    .compile({ checkpointer: new lib.MemorySaver() });
  return streamOf(app, { log: [] }, { ...thread("e"), streamMode: "debug" });
}

/** The default stream mode (none given) of a plain run. */
export async function defaultStreamMode(lib: GraphLib) {
  const app = linear(lib, []);
  return streamOf(app, { log: ["in"] }, thread("d"));
}

function askGraphState(lib: GraphLib): object {
  return lib.Annotation.Root({
    log: lib.Annotation<string[]>({ reducer: (a: string[], b: string[]) => a.concat(b), default: () => [] }),
  });
}
