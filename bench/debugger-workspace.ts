/**
 * Debugger overhead on the workspace engine (issue 12): the 1000-step counter graph
 * (`test/fixtures/counter.ts`, one 230-byte message per step) run under the debugger with
 * `"engine": "workspace"` and no breakpoints, timed from `configurationDone` to `terminated` as the
 * client sees it, against the peer: the same file run plain on the real LangGraph.js with a
 * `MemorySaver`, `invoke` timed in a fresh process of its own (debugger-workspace-baseline.ts).
 * Goal: at most 1.2x. Session start (adapter, runner, tsx load) is reported apart: a person waits
 * for it once per session. Run alone: `node --import tsx bench/debugger-workspace.ts`.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { PROJECT_ROOT } from "../test/debug/helpers/build";
import { OFFLINE_ENV, median, runAsScript, timeSession } from "./dap-timing";

const COUNTER = path.join(PROJECT_ROOT, "test", "fixtures", "counter.ts");
const STEPS = 1000;
const RUNS = 5;

/** The peer, cold in a fresh process, as the runner is. */
function baselineRun(): number {
  const script = path.join(__dirname, "debugger-workspace-baseline.ts");
  const printed = execFileSync(process.execPath, ["--import", "tsx", "--enable-source-maps", script, COUNTER, String(STEPS)], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...OFFLINE_ENV },
    stdio: ["ignore", "pipe", "ignore"],
  });
  return (JSON.parse(printed) as { invokeMs: number }).invokeMs;
}

async function debuggerRun(): Promise<{ runMs: number; startMs: number }> {
  const times = await timeSession({
    program: COUNTER,
    engine: "workspace",
    launch: { input: { target: STEPS }, recursionLimit: STEPS + 10 },
    until: "terminated",
  });
  return { runMs: times.ended - times.configured, startMs: times.configured - times.launchSent };
}

async function main(): Promise<void> {
  baselineRun(); // warms the file and tsx caches for both sides; each measured run is a fresh process
  const baseline: number[] = [];
  const under: number[] = [];
  const starts: number[] = [];
  // Interleaved, so a slow moment of the machine falls on both sides alike.
  for (let index = 0; index < RUNS; index++) {
    baseline.push(baselineRun());
    const run = await debuggerRun();
    under.push(run.runMs);
    starts.push(run.startMs);
  }
  const fixed = (value: number) => value.toFixed(0);
  const ratio = median(under) / median(baseline);
  console.log(`debugger on the workspace engine (LangGraph.js), ${STEPS}-step graph, no breakpoints, median of ${RUNS}`);
  console.log(`  peer: LangGraph.js + MemorySaver, invoke, no debugger: ${fixed(median(baseline))} ms  (runs: ${baseline.map(fixed).join(", ")})`);
  console.log(`  under the debugger (DAP, FileSaver):                   ${fixed(median(under))} ms  (runs: ${under.map(fixed).join(", ")})`);
  console.log(`  ratio ${ratio.toFixed(2)}x (goal <= 1.2x)`);
  console.log(`  session start (launch -> configured: adapter, runner, tsx load), once per session: ${fixed(median(starts))} ms`);
}

if (require.main === module) {
  runAsScript(main);
}
