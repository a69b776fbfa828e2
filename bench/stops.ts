/**
 * Per-stop cost against history (issue 13, point 6). A 10,000-step run of a chat that grows by a
 * 230-byte message a step (bench/fixtures/ring-chat.ts) stops before `n0` every ten steps: a
 * thousand stops, the state growing from 10 messages to 10,000. Each `continue` request is timed to
 * its `stopped` event as a DAP client sees it; the mean of the last tenth of stops against the
 * mean of the first tenth is the growth ratio (goal: at most 1.3). The mean of each tenth is
 * printed too, so the shape shows (the first tenth also pays for the processes warming up). The
 * goal is for our engine; the same run on the project's own LangGraph.js (the workspace engine)
 * is reported beside it. Run alone: `node --import tsx bench/stops.ts [steps]`.
 */
import { DebugClient } from "@vscode/debugadapter-testsupport";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT, builtDist } from "../test/debug/helpers/build";

const PROGRAM = path.join(__dirname, "fixtures", "ring-chat.ts");
const RING = 10;

/** Which LangGraph runs the graph: ours, or the LangGraph.js installed in this project. */
type Engine = "builtin" | "workspace";

export interface StopsResult {
  engine: Engine;
  steps: number;
  stops: number;
  /** Mean ms per tenth of the stops, first to last. */
  tenths: number[];
  ratio: number;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** A session stopped before `n0` for the first time; `stop()` ends it and removes its checkpoints. */
async function ringSession(program: string, steps: number, engine: Engine): Promise<{ dc: DebugClient; stop(): Promise<void> }> {
  const dc = new DebugClient(process.execPath, path.join(await builtDist(), "debugAdapter.js"), "langgraph", { cwd: PROJECT_ROOT });
  await dc.start();
  const dir = mkdtempSync(path.join(os.tmpdir(), "langgraph-stops-bench-"));
  await dc.initializeRequest();
  const initialized = dc.waitForEvent("initialized");
  await dc.launchRequest({ program, checkpointDir: dir, engine, input: { target: steps }, recursionLimit: steps + 50 } as DebugProtocol.LaunchRequestArguments);
  await initialized;
  await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: "n0" }] });
  const stopped = dc.waitForEvent("stopped");
  await dc.configurationDoneRequest();
  await stopped;
  return { dc, stop: async () => { await dc.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The `continue` → `stopped` time of every stop of a `steps`-step run. */
async function stopTimes(steps: number, engine: Engine): Promise<number[]> {
  const session = await ringSession(PROGRAM, steps, engine);
  const times: number[] = [];
  try {
    for (let stop = 1; stop < steps / RING; stop++) {
      const stopped = session.dc.waitForEvent("stopped", 60_000);
      const started = performance.now();
      await session.dc.continueRequest({ threadId: 1 });
      await stopped;
      times.push(performance.now() - started);
    }
  } finally {
    await session.stop();
  }
  return times;
}

export async function benchStops(steps = 10_000, engine: Engine = "builtin"): Promise<StopsResult> {
  const times = await stopTimes(steps, engine);
  const tenth = Math.floor(times.length / 10);
  const tenths = Array.from({ length: 10 }, (_, index) => mean(times.slice(index * tenth, (index + 1) * tenth)));
  return { engine, steps, stops: times.length, tenths, ratio: tenths[9] / tenths[0] };
}

function print(result: StopsResult, goal: boolean): void {
  const fixed = (value: number) => value.toFixed(2);
  console.log(`per-stop cost on the ${result.engine} engine: ${result.steps}-step chat (230-byte message a step), a stop every ${RING} steps (${result.stops} stops)`);
  console.log(`  continue -> stopped, mean per tenth of the stops (ms): ${result.tenths.map(fixed).join("  ")}`);
  console.log(`  last tenth / first tenth: ${result.ratio.toFixed(2)}${goal ? " (goal <= 1.3)" : ""}; last / second tenth: ${(result.tenths[9] / result.tenths[1]).toFixed(2)}`);
}

if (require.main === module) {
  (async () => {
    const steps = Number(process.argv[2] ?? 10_000);
    print(await benchStops(steps, "builtin"), true);
    print(await benchStops(steps, "workspace"), false);
    process.exit(0);
  })();
}
