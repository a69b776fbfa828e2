/**
 * A debug session seen from the client's chair: a real `DebugClient` talking DAP over stdio to the
 * built adapter, which starts a real runner process on a real graph file. Events are queued as
 * they arrive, so a test can ask for "the next stopped event" after it has acted without racing
 * the adapter. Each story gets its own checkpoint directory, removed when it closes.
 */
import { DebugClient } from "@vscode/debugadapter-testsupport";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT, builtDist } from "./build";

/** The graph files of the stories; a copy beside an older LangGraph.js when the suite runs on it (scripts/older-langgraph.mjs). */
export const FIXTURES = process.env.LANGGRAPH_DEBUG_FIXTURES ?? path.join(PROJECT_ROOT, "test", "fixtures");

/**
 * The engine every story of this mocha run launches on: the suite runs once per engine (the same
 * scenario files), chosen by `LANGGRAPH_DEBUG_ENGINE` (`builtin` when unset).
 */
export const ENGINE = process.env.LANGGRAPH_DEBUG_ENGINE === "workspace" ? "workspace" : "builtin";

/** The suite runs on the oldest LangGraph.js 1.x the debugger drives (1.0.15: no RunControl). */
export const OLDER_LANGGRAPH = process.env.LANGGRAPH_DEBUG_VERSION === "1.0";

const WAIT_MS = 15_000;

export interface LaunchPlan {
  breakpoints?: Array<{ path: string; lines: number[] }>;
  functionBreakpoints?: string[];
  exceptionFilters?: string[];
}

/** `it` for a story LangGraph.js 1.0 does not pass: listed as pending there, its title saying why. */
export function notOnOlder(reason: string): (title: string, story: () => Promise<void>) => void {
  return (title, story) => {
    if (OLDER_LANGGRAPH) it.skip(`${title} [not on LangGraph.js 1.0: ${reason}]`, story);
    else it(title, story);
  };
}


export class Story {
  readonly checkpointDir = mkdtempSync(path.join(os.tmpdir(), "langgraph-debug-story-"));
  readonly runnerPids: number[] = [];
  readonly outputs: DebugProtocol.OutputEvent[] = [];
  private readonly queues = new Map<string, DebugProtocol.Event[]>();
  private readonly waiters = new Map<string, Array<(event: DebugProtocol.Event) => void>>();
  breakpointResults: DebugProtocol.Breakpoint[] = [];
  functionBreakpointResults: DebugProtocol.Breakpoint[] = [];
  private disconnected = false;

  private constructor(readonly dc: DebugClient) {
    for (const type of ["stopped", "terminated", "graphState", "invalidated", "continued", "nodeBreakpoints", "graph"]) {
      dc.on(type, (event: DebugProtocol.Event) => this.arrive(type, event));
    }
    dc.on("output", (event: DebugProtocol.OutputEvent) => this.outputs.push(event));
    dc.on("process", (event: DebugProtocol.ProcessEvent) => this.runnerPids.push(event.body.systemProcessId!));
  }

  static async open(): Promise<Story> {
    const dist = await builtDist();
    const dc = new DebugClient(process.execPath, path.join(dist, "debugAdapter.js"), "langgraph", { cwd: PROJECT_ROOT }, true);
    dc.defaultTimeout = WAIT_MS;
    await dc.start();
    return new Story(dc);
  }

  /** initialize, launch (or attach), breakpoints once `initialized` comes, configurationDone. */
  async start(request: "launch" | "attach", args: Record<string, unknown>, plan: LaunchPlan = {}): Promise<void> {
    await this.dc.initializeRequest({ adapterID: "langgraph", linesStartAt1: true, columnsStartAt1: true, pathFormat: "path", supportsInvalidatedEvent: true });
    const configured = this.dc.waitForEvent("initialized").then(async () => {
      for (const file of plan.breakpoints ?? []) {
        const response = await this.dc.setBreakpointsRequest({ source: { path: file.path }, breakpoints: file.lines.map((line) => ({ line })) });
        this.breakpointResults.push(...response.body.breakpoints);
      }
      if (plan.functionBreakpoints) {
        const response = await this.dc.setFunctionBreakpointsRequest({ breakpoints: plan.functionBreakpoints.map((name) => ({ name })) });
        this.functionBreakpointResults = response.body.breakpoints;
      }
      if (plan.exceptionFilters) await this.dc.setExceptionBreakpointsRequest({ filters: plan.exceptionFilters });
      await this.dc.configurationDoneRequest();
    });
    const full = { checkpointDir: this.checkpointDir, engine: ENGINE, ...args };
    await (request === "launch" ? this.dc.launchRequest(full as DebugProtocol.LaunchRequestArguments) : this.dc.attachRequest(full as DebugProtocol.AttachRequestArguments));
    await configured;
  }

  next(type: "stopped"): Promise<DebugProtocol.StoppedEvent>;
  next(type: string): Promise<DebugProtocol.Event>;
  next(type: string): Promise<DebugProtocol.Event> {
    const queued = this.queues.get(type)?.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" event within ${WAIT_MS} ms; output so far:\n${this.outputText()}`)), WAIT_MS);
      const list = this.waiters.get(type) ?? [];
      list.push((event) => {
        clearTimeout(timer);
        resolve(event);
      });
      this.waiters.set(type, list);
    });
  }

  /** Events of `type` that arrived and were not taken with `next`. */
  pending(type: string): DebugProtocol.Event[] {
    return this.queues.get(type) ?? [];
  }

  outputText(): string {
    return this.outputs.map((event) => event.body.output).join("");
  }

  async frames(): Promise<DebugProtocol.StackFrame[]> {
    return (await this.dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  }

  /** The variables of a scope of the top frame, by name. */
  async scope(name: string): Promise<Map<string, DebugProtocol.Variable>> {
    const [frame] = await this.frames();
    const scopes = (await this.dc.scopesRequest({ frameId: frame.id })).body.scopes;
    const scope = scopes.find((candidate) => candidate.name === name);
    if (!scope) throw new Error(`no scope ${name}; scopes: ${scopes.map((s) => s.name).join(", ")}`);
    return this.children(scope.variablesReference);
  }

  async children(reference: number): Promise<Map<string, DebugProtocol.Variable>> {
    const variables = (await this.dc.variablesRequest({ variablesReference: reference })).body.variables;
    return new Map(variables.map((variable) => [variable.name, variable]));
  }

  async custom<T = unknown>(command: string, args?: unknown): Promise<T> {
    return (await this.dc.customRequest(command, args)).body as T;
  }

  /** Ends the session as a client does (the adapter exits), keeping the checkpoint directory. */
  async disconnect(): Promise<void> {
    if (this.disconnected) return;
    this.disconnected = true;
    await this.dc.disconnectRequest({});
  }

  async close(): Promise<void> {
    if (!this.disconnected) await this.dc.stop();
    this.disconnected = true;
    rmSync(this.checkpointDir, { recursive: true, force: true });
  }

  private arrive(type: string, event: DebugProtocol.Event): void {
    const waiter = this.waiters.get(type)?.shift();
    if (waiter) return waiter(event);
    this.queues.set(type, [...(this.queues.get(type) ?? []), event]);
  }
}

/** The 1-based line of the first line of `file` that contains `needle`. */
export function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in ${file}`);
  return index + 1;
}

/** Whether a process with this id still exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
