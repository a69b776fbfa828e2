/**
 * The adapter's handle on its runner process: starts it with `fork` (IPC for the RPC, pipes for the
 * user's console output), sends typed requests and matches their answers, passes on the runner's
 * events, and ends it. Ending never depends on the runner's cooperation: a runner that does not
 * answer `shutdown` in time (a node spinning in a loop) is killed, and a runner left behind by an
 * adapter that exits is killed on the way out.
 */
import { ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { RunnerEvent, RunnerMessage, RunnerMethod, RunnerMethods } from "../protocol/runner";
import { DeltaStream } from "../protocol/value-delta";

export class RunnerExitedError extends Error {
  override name = "RunnerExitedError";
  constructor(readonly code: number | null, readonly signal: NodeJS.Signals | null) {
    super(signal ? `The runner process was killed (${signal}).` : `The runner process exited with code ${code}.`);
  }
}

export class RunnerTimeoutError extends Error {
  override name = "RunnerTimeoutError";
}

export interface RunnerOptions {
  cwd: string;
  env?: Record<string, string>;
  onOutput(text: string, stream: "stdout" | "stderr"): void;
  onEvent(event: RunnerEvent): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

export class RunnerClient {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  /** Answers that come as differences from the previous one: each is applied on arrival, even when nobody waits for it any more. */
  private readonly deltas = new DeltaStream();
  private nextId = 1;
  private alive = true;
  private readonly killOnExit = () => this.child.kill("SIGKILL");

  constructor(options: RunnerOptions) {
    const entry = runnerEntry();
    this.child = fork(entry.file, [], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, ELECTRON_RUN_AS_NODE: "1" },
      execArgv: [...entry.execArgv, "--enable-source-maps"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child.stdout?.setEncoding("utf8").on("data", (text: string) => options.onOutput(text, "stdout"));
    this.child.stderr?.setEncoding("utf8").on("data", (text: string) => options.onOutput(text, "stderr"));
    this.child.on("message", (message: RunnerMessage) => {
      if (message.kind === "event") options.onEvent(message);
      else if (!message.ok) this.settle(message.id, { error: Object.assign(new Error(message.error.message), message.error) });
      else this.settle(message.id, { value: "delta" in message ? this.deltas.decode(message.method, message.delta) : message.result });
    });
    process.on("exit", this.killOnExit);
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.alive = false;
        process.off("exit", this.killOnExit);
        for (const id of [...this.pending.keys()]) this.settle(id, { error: new RunnerExitedError(code, signal) });
        resolve({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isAlive(): boolean {
    return this.alive;
  }

  request<M extends RunnerMethod>(method: M, params: RunnerMethods[M]["params"], timeoutMs?: number): Promise<RunnerMethods[M]["result"]> {
    if (!this.alive) return Promise.reject(new RunnerExitedError(this.child.exitCode, this.child.signalCode));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (value: unknown) => void, reject };
      if (timeoutMs !== undefined) {
        entry.timer = setTimeout(() => this.settle(id, { error: new RunnerTimeoutError(`The runner did not answer "${method}" within ${timeoutMs} ms.`) }), timeoutMs);
      }
      this.pending.set(id, entry);
      this.child.send({ kind: "request", id, method, params });
    });
  }

  /** Asks the runner to exit; kills it if it has not within `graceMs`. */
  async stop(graceMs = 500): Promise<void> {
    if (!this.alive) return;
    this.request("shutdown", {}, graceMs).catch(() => undefined);
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.alive) this.child.kill("SIGKILL");
  }

  private settle(id: number, outcome: { value?: unknown; error?: Error }): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.timer) clearTimeout(entry.timer);
    if (outcome.error) entry.reject(outcome.error);
    else entry.resolve(outcome.value);
  }
}

/** The built runner beside this file (`dist/`), or its TypeScript source run through tsx (tests). */
function runnerEntry(): { file: string; execArgv: string[] } {
  const built = path.join(__dirname, "runner.js");
  if (existsSync(built)) return { file: built, execArgv: [] };
  const source = path.join(__dirname, "..", "runner", "main.ts");
  const tsxHook = "tsx/cjs"; // a development dependency, resolved only when running from source
  return { file: source, execArgv: ["--require", require.resolve(tsxHook)] };
}
