/**
 * One run of the graph, as the debugger asks for it: stream the run with the breakpoints of this
 * call, watch which tasks start and finish (to report progress and to know what ran last), and
 * end with a `RunOutcome` that says how the run stopped. A pause sets the engine's `pauseSignal`
 * (stop at the next superstep boundary); an abort sets `signal` (end now). Streaming only the
 * `updates` and `tasks` modes keeps the cost per step small: no state is copied while running.
 */
import type { RunOutcome, RunParams } from "../protocol/runner";
import type { InterruptView } from "../protocol/debug";
import type { CompiledGraph, RuntimeModule } from "./engine-types";
import { errorView } from "./errors";
import { toJsonSafe } from "./json-safe";
import { ProgressReporter } from "./progress";
import { snapshotView } from "./views";

export interface RunContext {
  graph: CompiledGraph;
  runtime: RuntimeModule;
  userInterrupts: { before: RunParams["interruptBefore"]; after: RunParams["interruptAfter"] };
  progress: ProgressReporter;
  /** Nodes whose starts and ends the node watch reports; the stream reports the others. */
  watched: ReadonlySet<string>;
}

interface TaskChunk {
  id: string;
  name: string;
  triggers?: unknown;
  result?: unknown;
  error?: { message: string; name: string } | null;
}

export class GraphRun {
  readonly pauser = new AbortController();
  readonly aborter = new AbortController();
  private interrupts: InterruptView[] = [];
  private interrupted = false;
  private lastRan: string[] = [];
  private failedNode: string | undefined;
  private steps = 0;
  /** Tasks of the step in flight that have not reported a result yet. */
  private readonly pendingResults = new Set<string>();

  constructor(private readonly context: RunContext, private readonly params: RunParams) {}

  async execute(): Promise<RunOutcome> {
    const { graph } = this.context;
    const config = {
      configurable: { thread_id: this.params.threadId, ...(this.params.checkpointId ? { checkpoint_id: this.params.checkpointId } : {}) },
      interruptBefore: union(this.params.interruptBefore, this.context.userInterrupts.before),
      interruptAfter: union(this.params.interruptAfter, this.context.userInterrupts.after),
      ...(this.params.recursionLimit ? { recursionLimit: this.params.recursionLimit } : {}),
      signal: this.aborter.signal,
      pauseSignal: this.pauser.signal,
      streamMode: ["updates", "tasks"] as ("updates" | "tasks")[],
    };
    try {
      for await (const chunk of await graph.stream(this.input(), config)) this.observe(chunk as [string, unknown]);
    } catch (error) {
      return this.ended(this.aborter.signal.aborted ? "aborted" : "error", error);
    } finally {
      this.context.progress.idle();
    }
    return this.ended(this.interrupted ? "stopped" : "done");
  }

  private input(): unknown {
    const { resume, input } = this.params;
    if (resume) return new this.context.runtime.Command({ resume: "values" in resume ? resume.values : resume.value });
    return input === undefined ? null : input;
  }

  private observe([mode, chunk]: [string, unknown]): void {
    if (mode === "updates") {
      const interrupts = (chunk as Record<string, unknown>).__interrupt__;
      if (Array.isArray(interrupts)) {
        this.interrupted = true;
        this.interrupts = interrupts.map((item: InterruptView) => ({ id: item.id, value: toJsonSafe(item.value) }));
      }
      return;
    }
    if (mode !== "tasks") return;
    const task = chunk as TaskChunk;
    const streamReports = !this.context.watched.has(task.name);
    if ("triggers" in task) {
      if (this.pendingResults.size === 0) {
        this.steps += 1;
        this.lastRan = [];
      }
      this.pendingResults.add(task.id);
      if (streamReports) this.context.progress.started(task.id, task.name);
      return;
    }
    this.pendingResults.delete(task.id);
    if (streamReports) this.context.progress.finished(task.id);
    this.lastRan.push(task.name);
    if (task.error) this.failedNode = task.name;
  }

  private async ended(status: RunOutcome["status"], error?: unknown): Promise<RunOutcome> {
    const snapshot = await this.context.graph.getState({ configurable: { thread_id: this.params.threadId } });
    return {
      status,
      snapshot: snapshotView(this.params.threadId, snapshot),
      interrupts: this.interrupts,
      interrupted: this.interrupted,
      lastRan: this.lastRan,
      paused: this.pauser.signal.aborted,
      ...(status === "error" ? { error: errorView(error, this.failedNode) } : {}),
      steps: this.steps,
    };
  }
}

function union(first: RunParams["interruptBefore"], second: RunParams["interruptBefore"]): RunParams["interruptBefore"] {
  if (first === "*" || second === "*") return "*";
  return [...new Set([...first, ...second])];
}
