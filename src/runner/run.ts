/**
 * One run of the graph, as the debugger asks for it: stream the run with the breakpoints of this
 * call, watch which tasks start and finish at every depth (to report progress and to know what ran
 * last), and end with a `RunOutcome` that says how the run stopped. Pause and abort go through the
 * engine's run setup (each engine has its own way to stop at the next superstep boundary).
 * Streaming only the `updates` and `tasks` modes keeps the cost per step small: no state is copied
 * while running. A replay from a subgraph's checkpoint passes its namespace, and the engine
 * continues inside that subgraph.
 */
import type { RunOutcome, RunParams } from "../protocol/runner";
import type { InterruptView } from "../protocol/debug";
import type { LoadedProgram, RunSetup } from "./engines/contract";
import { errorView } from "./errors";
import { toJsonSafe } from "./json-safe";
import { readView } from "./levels";
import { ProgressReporter } from "./progress";
import { namespaceSegments } from "../protocol/namespaces";
import { RunTasks, TaskChunk, taskPath } from "./run-tasks";

export interface RunContext {
  program: LoadedProgram;
  progress: ProgressReporter;
  /** Tells the Debug Console something about this run. */
  note(text: string): void;
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
    const { program, progress } = this.context;
    const { threadId, checkpointId, checkpointNs } = this.params;
    const setup = program.runSetup(
      {
        pause: this.pauser.signal,
        abort: this.aborter.signal,
        // Reported at once, before the node runs: a node that then holds the event loop is still known by name.
        taskStarted: (task) => progress.started(task.id, taskPath(namespaceSegments(task.namespace), task.name)),
        taskEnded: (id) => progress.finished(id),
        note: (text) => this.context.note(text),
      },
      {
        before: union(this.params.interruptBefore, program.userInterrupts.before),
        after: union(this.params.interruptAfter, program.userInterrupts.after),
      },
    );
    const config = {
      ...setup.options,
      configurable: { ...this.params.configurable, thread_id: threadId, ...(checkpointId ? { checkpoint_id: checkpointId } : {}), ...(checkpointNs ? { checkpoint_ns: checkpointNs } : {}) },
      ...(this.params.recursionLimit ? { recursionLimit: this.params.recursionLimit } : {}),
      streamMode: ["updates", "tasks"] as ("updates" | "tasks")[],
      subgraphs: true,
    };
    try {
      for await (const chunk of await program.graph.stream(this.input(), config)) this.observe(chunk as StreamChunk, setup);
    } catch (error) {
      if (setup.isPauseEnd(error)) {
        this.interrupted = true; // as a pause at a boundary ends on our engine: a stop with nothing asked
        return this.ended("stopped");
      }
      return this.ended(this.aborter.signal.aborted ? "aborted" : "error", error);
    } finally {
      setup.dispose();
      progress.idle();
    }
    return this.ended(this.interrupted ? "stopped" : "done");
  }

  private input(): unknown {
    const { resume, input } = this.params;
    if (resume) return this.context.program.command({ resume: "values" in resume ? resume.values : resume.value });
    return input === undefined ? null : input;
  }

  private observe([namespace, mode, chunk]: StreamChunk, setup: RunSetup): void {
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
    if ("triggers" in task) {
      this.tasks.started(namespace, task);
      if (!setup.reportsStart(namespace, task.name)) this.context.progress.started(task.id, taskPath(namespace, task.name));
      return;
    }
    this.context.progress.finished(task.id);
    this.tasks.finished(namespace, task);
  }

  private async ended(status: RunOutcome["status"], error?: unknown): Promise<RunOutcome> {
    const snapshot = await readView(this.context.program.graph, { threadId: this.params.threadId });
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
