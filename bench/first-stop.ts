/**
 * F5 to first stop, headless DAP, on both engines (issue 12): on the react-agent template of
 * create-agent-chat-app (react-template.ts), with a gutter breakpoint on `.addNode("tools", ...)`,
 * the time from the `launch` request to the first `stopped` event, paused before the graph's second
 * node. Goal: at most 1 s on each engine. Each session is a fresh adapter and runner (as each F5
 * is); one unmeasured session per engine first warms the disk and tsx caches, as any F5 after the
 * first finds them. Also shown: the split of that time (runner start and load, then the run to
 * the stop, which includes one fake model call) and the time from the adapter's spawn. Run alone:
 * `node --import tsx bench/first-stop.ts`.
 */
import { NETWORK_GUARD, ReactTemplate, scaffoldReactTemplate } from "./react-template";
import { SessionTimes, median, runAsScript, timeSession } from "./dap-timing";

export const ENGINES = ["workspace", "builtin"] as const;
export type EngineName = (typeof ENGINES)[number];

/** One F5 on the template: a fresh session paused before `tools`, or an error saying where it paused. */
export async function firstStop(template: ReactTemplate, engine: EngineName): Promise<SessionTimes> {
  const times = await timeSession({
    program: template.graphFile,
    engine,
    launch: { input: template.input, env: template.env },
    breakpoints: [{ path: template.graphFile, lines: [template.toolsLine] }],
    until: "stopped",
  });
  if (!times.topFrame?.includes("tools")) throw new Error(`the ${engine} session paused at "${times.topFrame}", not before tools:\n${times.output}`);
  return times;
}

/** Every process a session starts inherits the loopback-only guard. */
export function guardChildren(): void {
  const guard = `--require ${JSON.stringify(NETWORK_GUARD)}`;
  if (!process.env.NODE_OPTIONS?.includes(NETWORK_GUARD)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} ${guard}`.trim();
}

/** `runs` measured sessions per engine, interleaved, after one warm-up each. */
export async function measureFirstStops(template: ReactTemplate, runs: number): Promise<Record<EngineName, SessionTimes[]>> {
  guardChildren();
  for (const engine of ENGINES) await firstStop(template, engine);
  const measured: Record<EngineName, SessionTimes[]> = { workspace: [], builtin: [] };
  for (let index = 0; index < runs; index++) {
    for (const engine of ENGINES) measured[engine].push(await firstStop(template, engine));
  }
  return measured;
}

function report(measured: Record<EngineName, SessionTimes[]>): void {
  const fixed = (value: number) => value.toFixed(0);
  console.log(`F5 to first stop: react-agent template (create-agent-chat-app), breakpoint before "tools", median of ${measured.workspace.length}`);
  for (const engine of ENGINES) {
    const sessions = measured[engine];
    const total = sessions.map((t) => t.ended - t.launchSent);
    const load = sessions.map((t) => t.configured - t.launchSent);
    const run = sessions.map((t) => t.ended - t.configured);
    const fromSpawn = sessions.map((t) => t.ended);
    const verdict = median(total) <= 1000 ? "met" : "NOT met";
    console.log(`  ${engine.padEnd(9)} launch -> stopped ${fixed(median(total))} ms (goal <= 1000 ms: ${verdict}; runs: ${total.map(fixed).join(", ")})`);
    console.log(`            of which runner start + load ${fixed(median(load))} ms, run to the stop ${fixed(median(run))} ms; from the adapter's spawn ${fixed(median(fromSpawn))} ms`);
  }
}

async function main(): Promise<void> {
  const template = await scaffoldReactTemplate();
  try {
    report(await measureFirstStops(template, 5));
  } finally {
    await template.dispose();
  }
}

if (require.main === module) {
  runAsScript(main);
}
