/**
 * Debugger benchmark (issue 4). (1) The 1000-step counter graph (`test/fixtures/counter.ts`, one
 * 230-byte message per step) run under the debugger with no breakpoints, timed from
 * `configurationDone` to `terminated` as the client sees it, against the same graph bundled the
 * same way and run with `invoke`, with the same saver, in a fresh process of its own (as cold as
 * the runner): goal at most 1.5x. Process
 * start, bundling and loading are reported apart: a person waits for them once per session.
 * (2) The median time from a `continue` request to the next `stopped` event on a trivial graph
 * (a breakpoint before a node that only counts). Run alone: `node --import tsx bench/debugger.ts`.
 */
import { DebugClient } from "@vscode/debugadapter-testsupport";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { PROJECT_ROOT, builtDist } from "../test/debug/helpers/build";

const COUNTER = path.join(PROJECT_ROOT, "test", "fixtures", "counter.ts");
const STEPS = 1000;
const CONTINUES = 50;

export interface DebuggerResult {
  baselineMs: number;
  underDebuggerMs: number;
  ratio: number;
  sessionStartMs: number;
  continueToStoppedMedianMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function scratchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "langgraph-debug-bench-"));
}

/** The same graph with no debugger, in a fresh process (as cold as the runner), timed around `invoke`. */
function baselineRun(): number {
  const script = path.join(__dirname, "debugger-baseline.ts");
  const printed = execFileSync(process.execPath, ["--import", "tsx", "--enable-source-maps", script, COUNTER, String(STEPS)], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return (JSON.parse(printed) as { invokeMs: number }).invokeMs;
}

interface Session {
  dc: DebugClient;
  dir: string;
  /** From the launch request to its response: runner start, bundle, load. */
  startMs: number;
  configure(): Promise<void>;
}

async function openSession(launch: Record<string, unknown>, functionBreakpoints: string[]): Promise<Session> {
  const dc = new DebugClient(process.execPath, path.join(await builtDist(), "debugAdapter.js"), "langgraph");
  await dc.start();
  const dir = scratchDir();
  await dc.initializeRequest();
  const initialized = dc.waitForEvent("initialized");
  const started = performance.now();
  // Our engine, as its baseline runs it (counter.ts would resolve the project's LangGraph.js under "auto").
  await dc.launchRequest({ program: COUNTER, checkpointDir: dir, engine: "builtin", ...launch } as DebugProtocol.LaunchRequestArguments);
  const startMs = performance.now() - started;
  await initialized;
  if (functionBreakpoints.length > 0) await dc.setFunctionBreakpointsRequest({ breakpoints: functionBreakpoints.map((name) => ({ name })) });
  return { dc, dir, startMs, configure: async () => void (await dc.configurationDoneRequest()) };
}

async function closeSession(session: Session): Promise<void> {
  await session.dc.stop();
  rmSync(session.dir, { recursive: true, force: true });
}

async function debuggerRun(): Promise<{ runMs: number; startMs: number }> {
  const session = await openSession({ input: { target: STEPS }, recursionLimit: STEPS + 10 }, []);
  try {
    const ended = session.dc.waitForEvent("terminated", 120_000);
    const started = performance.now();
    await session.configure();
    await ended;
    return { runMs: performance.now() - started, startMs: session.startMs };
  } finally {
    await closeSession(session);
  }
}

async function continueLatencies(): Promise<number[]> {
  const session = await openSession({ input: { target: CONTINUES + 5 }, recursionLimit: CONTINUES + 20 }, ["tick"]);
  try {
    let stopped = session.dc.waitForEvent("stopped");
    await session.configure();
    await stopped;
    const latencies: number[] = [];
    for (let index = 0; index < CONTINUES; index++) {
      stopped = session.dc.waitForEvent("stopped");
      const started = performance.now();
      await session.dc.continueRequest({ threadId: 1 });
      await stopped;
      latencies.push(performance.now() - started);
    }
    return latencies;
  } finally {
    await closeSession(session);
  }
}

export async function benchDebugger(runs = 3): Promise<DebuggerResult> {
  baselineRun(); // warm-up of the file cache; each measured run is a fresh, cold process on both sides
  const baseline: number[] = [];
  const under: number[] = [];
  const starts: number[] = [];
  for (let index = 0; index < runs; index++) {
    baseline.push(baselineRun());
    const run = await debuggerRun();
    under.push(run.runMs);
    starts.push(run.startMs);
  }
  const baselineMs = median(baseline);
  const underDebuggerMs = median(under);
  return {
    baselineMs,
    underDebuggerMs,
    ratio: underDebuggerMs / baselineMs,
    sessionStartMs: median(starts),
    continueToStoppedMedianMs: median(await continueLatencies()),
  };
}

if (require.main === module) {
  benchDebugger().then((result) => {
    const fixed = (value: number) => value.toFixed(1);
    console.log(`debugger: ${STEPS}-step graph, no breakpoints`);
    console.log(`  without the debugger (invoke):   ${fixed(result.baselineMs)} ms`);
    console.log(`  under the debugger (DAP):        ${fixed(result.underDebuggerMs)} ms   ratio ${result.ratio.toFixed(2)}x (goal <= 1.5x)`);
    console.log(`  session start (runner+bundle+load, once per session): ${fixed(result.sessionStartMs)} ms`);
    console.log(`  continue -> stopped, median of ${CONTINUES}: ${fixed(result.continueToStoppedMedianMs)} ms`);
    process.exit(0);
  });
}
