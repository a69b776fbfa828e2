/**
 * One run of the graph, as the debugger asks for it: stream the run with the breakpoints of this
 * call, watch which tasks start and finish at every depth (to report progress and to know what ran
 * last), and end with a `RunOutcome` that says how the run stopped. A pause sets the engine's
 * `pauseSignal` (stop at the next superstep boundary, inside a subgraph too); an abort sets
 * `signal` (end now). Streaming only the `updates` and `tasks` modes keeps the cost per step
 * small: no state is copied while running. A replay from a subgraph's checkpoint passes its
 * namespace, and the engine continues inside that subgraph.
 */
import type { RunOutcome, RunParams } from "../protocol/runner";
import type { InterruptView } from "../protocol/debug";
import type { CompiledGraph, RuntimeModule } from "./engine-types";
import { errorView } from "./errors";
import { toJsonSafe } from "./json-safe";
import { readView } from "./levels";
import { ProgressReporter } from "./progress";
import { RunTasks, TaskChunk, namespaceSegments, taskPath } from "./run-tasks";

export interface RunContext {
  graph: CompiledGraph;
  runtime: RuntimeModule;
  userInterrupts: { before: RunParams["interruptBefore"]; after: RunParams["interruptAfter"] };
  progress: ProgressReporter;
  /** Nodes of the root graph whose starts and ends the node watch reports; the stream reports the others. */
  watched: ReadonlySet<string>;
}

type StreamChunk = [string[], string, unknown];

export class GraphRun {
  readonly pauser = new AbortController();
  readonly aborter = new AbortController();
  private interrupts: InterruptView[] = [];
  private interrupted = false;
  private readonly tasks = new RunTasks();

  constructor(private readonly context: RunContext, private readonly params: RunParams) {}

  async execute(): Promise<RunOutcome> {
    const { graph } = this.context;
    const { threadId, checkpointId, checkpointNs } = this.params;
    const config = {
      configurable: { thread_id: threadId, ...(checkpointId ? { checkpoint_id: checkpointId } : {}), ...(checkpointNs ? { checkpoint_ns: checkpointNs } : {}) },
      interruptBefore: union(this.params.interruptBefore, this.context.userInterrupts.before),
      interruptAfter: union(this.params.interruptAfter, this.context.userInterrupts.after),
      ...(this.params.recursionLimit ? { recursionLimit: this.params.recursionLimit } : {}),
      signal: this.aborter.signal,
      pauseSignal: this.pauser.signal,
      streamMode: ["updates", "tasks"] as ("updates" | "tasks")[],
      subgraphs: true,
      onTaskStart: (task: { id: string; name: string; namespace: string }) => this.nestedTaskStarted(task),
    };
    try {
      for await (const chunk of await graph.stream(this.input(), config)) this.observe(chunk as StreamChunk);
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

  /**
   * A subgraph's task starts: reported at once, before its node runs, since its node is not
   * watched (a node that then holds the event loop is still known by name). Its end comes by the stream.
   */
  private nestedTaskStarted(task: { id: string; name: string; namespace: string }): void {
    if (!task.namespace || task.name === "__start__") return;
    this.context.progress.started(task.id, taskPath(namespaceSegments(task.namespace), task.name));
  }

  private observe([namespace, mode, chunk]: StreamChunk): void {
    if (mode === "updates") {
      const interrupts = (chunk as Record<string, unknown>).__interrupt__;
      if (!Array.isArray(interrupts)) return;
      this.tasks.stopped(namespace);
      if (namespace.length > 0) return;
      this.interrupted = true;
      this.interrupts = interrupts.map((item: InterruptView) => ({ id: item.id, value: toJsonSafe(item.value) }));
      return;
    }
    if (mode !== "tasks") return;
    const task = chunk as TaskChunk;
    const streamReports = namespace.length === 0 && !this.context.watched.has(task.name);
    if ("triggers" in task) {
      this.tasks.started(namespace, task);
      if (streamReports) this.context.progress.started(task.id, task.name);
      return;
    }
    if (streamReports || namespace.length > 0) this.context.progress.finished(task.id);
    this.tasks.finished(namespace, task);
  }

  private async ended(status: RunOutcome["status"], error?: unknown): Promise<RunOutcome> {
    const snapshot = await readView(this.context.graph, { threadId: this.params.threadId });
    return {
      status,
      snapshot,
      interrupts: this.interrupts,
      interrupted: this.interrupted,
      lastRan: this.tasks.lastRan,
      paused: this.pauser.signal.aborted,
      ...(status === "error" ? { error: errorView(error, this.tasks.failedNode) } : {}),
      steps: this.tasks.steps,
    };
  }
}

function union(first: RunParams["interruptBefore"], second: RunParams["interruptBefore"]): RunParams["interruptBefore"] {
  if (first === "*" || second === "*") return "*";
  return [...new Set([...first, ...second])];
}
