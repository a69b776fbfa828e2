/**
 * One debug session timed from the client's chair, for the benches of issue 12: a real
 * `DebugClient` starts the built stdio adapter (as VS Code does on F5), sends `initialize`,
 * `launch`, the breakpoints once `initialized` comes and `configurationDone`, and notes when each
 * happened and when the awaited event (`stopped` or `terminated`) arrived. Each session has its
 * own adapter, runner and checkpoint directory, so every measure starts cold.
 */
import { DebugClient } from "@vscode/debugadapter-testsupport";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT, builtDist } from "../test/debug/helpers/build";

/** Nothing a bench starts may reach LangSmith. */
export const OFFLINE_ENV: Record<string, string> = {
  LANGSMITH_TRACING: "false",
  LANGSMITH_TRACING_V2: "false",
  LANGCHAIN_TRACING: "false",
  LANGCHAIN_TRACING_V2: "false",
  LANGCHAIN_CALLBACKS_BACKGROUND: "false",
};
Object.assign(process.env, OFFLINE_ENV);

export interface SessionPlan {
  program: string;
  engine: "workspace" | "builtin";
  /** More launch attributes (input, env, recursionLimit, ...). */
  launch?: Record<string, unknown>;
  breakpoints?: Array<{ path: string; lines: number[] }>;
  /** The event the measure ends on. */
  until: "stopped" | "terminated";
  timeoutMs?: number;
  /** The folder of `debugAdapter.js` and `runner.js`; default: this checkout's sources, built. */
  dist?: string;
}

/** Milliseconds from the session's start (the adapter's spawn). */
export interface SessionTimes {
  launchSent: number;
  configured: number;
  ended: number;
  /** What the Debug Console said, for a failure's message. */
  output: string;
  /** At a `stopped` end: the top frame's name (which node the session paused before). */
  topFrame?: string;
}

export async function timeSession(plan: SessionPlan): Promise<SessionTimes> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "langgraph-bench-session-"));
  const adapter = path.join(plan.dist ?? (await builtDist()), "debugAdapter.js");
  const started = performance.now();
  const since = () => performance.now() - started;
  const dc = new DebugClient(process.execPath, adapter, "langgraph", { cwd: PROJECT_ROOT });
  let output = "";
  dc.on("output", (event: DebugProtocol.OutputEvent) => void (output += event.body.output));
  try {
    await dc.start();
    await dc.initializeRequest({ adapterID: "langgraph", linesStartAt1: true, columnsStartAt1: true, pathFormat: "path" });
    const ended = dc.waitForEvent(plan.until, plan.timeoutMs ?? 60_000).then((event) => ({ at: since(), event }));
    let configured = 0;
    const configuredDone = dc.waitForEvent("initialized").then(async () => {
      for (const file of plan.breakpoints ?? []) await dc.setBreakpointsRequest({ source: { path: file.path }, breakpoints: file.lines.map((line) => ({ line })) });
      configured = since();
      await dc.configurationDoneRequest();
    });
    const launchSent = since();
    const args = { program: plan.program, engine: plan.engine, checkpointDir: dir, ...plan.launch };
    const [, , end] = await Promise.all([dc.launchRequest(args as DebugProtocol.LaunchRequestArguments), configuredDone, ended]);
    const threadId = (end.event as DebugProtocol.StoppedEvent).body?.threadId;
    const topFrame = threadId === undefined ? undefined : (await dc.stackTraceRequest({ threadId })).body.stackFrames[0]?.name;
    return { launchSent, configured, ended: end.at, output, topFrame };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nDebug Console:\n${output}`);
  } finally {
    await dc.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a bench's `main` as a script: exit 0 when done, 1 with the error printed. */
export function runAsScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
