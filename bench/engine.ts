/**
 * Engine benchmark (issue 2): a 1000-step loop whose node appends a 230-byte message to a list
 * channel, on LangGraph.js and on our engine, each with its in-memory saver, in the same process.
 * Reports time per superstep for both, the speed ratio (goal: ours at least 20x faster), and
 * whether our step time stays flat as history grows (last 200 steps / first 200, goal <= 1.3).
 */
import * as ours from "../src/runtime";

type Lib = typeof ours;
const STEPS = 1000;
const MESSAGE = "x".repeat(230);

/** The median resists the odd garbage-collection pause, which would otherwise decide the ratio. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface EngineResult {
  engine: string;
  msPerStep: number;
  lastToFirstRatio: number;
}

/** Builds the loop graph with `lib`'s classes; the node stamps the time of each superstep. */
async function runLoop(lib: Lib, label: string): Promise<EngineResult> {
  const State = lib.Annotation.Root({
    messages: lib.Annotation<string[], string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    count: lib.Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  });
  const stamps: number[] = [];
  const graph = new lib.StateGraph(State)
    .addNode("step", (state: { count: number }) => {
      stamps.push(performance.now());
      return { messages: [MESSAGE], count: state.count + 1 };
    })
    .addEdge(lib.START, "step")
    .addConditionalEdges("step", (state: { count: number }) => (state.count >= STEPS ? lib.END : "step"))
    .compile({ checkpointer: new lib.MemorySaver() });
  const config = { configurable: { thread_id: `bench-${label}` }, recursionLimit: STEPS + 10 };
  const started = performance.now();
  await graph.invoke({ messages: [] }, config);
  const total = performance.now() - started;
  const steps = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { engine: label, msPerStep: total / STEPS, lastToFirstRatio: median(steps.slice(-200)) / median(steps.slice(0, 200)) };
}

export async function benchEngine(): Promise<{ results: EngineResult[]; speedup: number }> {
  const langgraph = (await import("@langchain/langgraph")) as unknown as Lib;
  const theirs = await bestOf(5, () => runLoop(langgraph, "LangGraph.js 1.7"));
  const mine = await bestOf(5, () => runLoop(ours, "ours"));
  return { results: [theirs, mine], speedup: theirs.msPerStep / mine.msPerStep };
}

/** Each engine gets the same treatment: one warm-up run (JIT), then the fastest of `runs`. */
async function bestOf(runs: number, run: () => Promise<EngineResult>): Promise<EngineResult> {
  await run();
  const results: EngineResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  return results.reduce((best, r) => (r.msPerStep < best.msPerStep ? r : best));
}

if (require.main === module) {
  benchEngine().then(({ results, speedup }) => {
    console.table(results.map((r) => ({ engine: r.engine, "ms/step": r.msPerStep.toFixed(4), "last200/first200": r.lastToFirstRatio.toFixed(2) })));
    console.log(`speedup per superstep: ${speedup.toFixed(1)}x (goal >= 20x)`);
  });
}
