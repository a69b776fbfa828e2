/**
 * The superstep loop. After `startRun` has placed the run in its thread, it repeats: plan the
 * tasks, stop before them if a breakpoint (or a pause) says so, run them in parallel, save each
 * task's writes as it finishes, and then either stop (an interrupt or an error: nothing is applied,
 * so a retry runs only what did not finish) or apply all the writes as the next checkpoint.
 * Stops are returned, errors thrown, and everything else is streamed through the emitter.
 */
import { ERROR, INTERRUPT, RESUME } from "../constants";
import { GraphRecursionError, Interrupt, isParentCommand } from "../errors";
import { InterruptList, RunConfig } from "../types";
import { applyWrites } from "./apply-writes";
import { ThreadCursor } from "./cursor";
import { Engine, matchesInterruptList, stateOf } from "./engine";
import { TaskOutcome, runTask } from "./run-task";
import { Emitter } from "./stream-events";
import { snapshotOf } from "./snapshot";
import { PlannedTask, planTasks } from "./tasks";

/** How long a run may go without letting the event loop turn (see `run`). */
const YIELD_EVERY_MS = 25;

export interface RunOutcome {
  values: Record<string, unknown>;
  /** Present when the run stopped: the pending `interrupt()`s, or [] for a breakpoint or pause. */
  interrupts?: Interrupt[];
}

export const DEFAULT_RECURSION_LIMIT = 25;

type Finished = { task: PlannedTask; outcome: TaskOutcome };

export class SuperstepLoop {
  private readonly stop: number;

  constructor(
    private readonly engine: Engine,
    private readonly config: RunConfig,
    private readonly emit: Emitter,
    private readonly cursor: ThreadCursor,
  ) {
    this.stop = cursor.firstStep + (config.recursionLimit ?? DEFAULT_RECURSION_LIMIT) + 1;
  }

  async run(): Promise<RunOutcome> {
    let yielded = performance.now();
    while (true) {
      const outcome = await this.tick();
      if (outcome) return outcome;
      // Steps of quick nodes chain promise after promise, and a saver that writes synchronously
      // never lets the event loop turn: a pause or abort signalled by I/O (the debugger's message)
      // could never land. A turn every YIELD_EVERY_MS of running lets it in, at no cost per step.
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    }
  }

  /** One superstep; returns the run's outcome when the run stops or ends. */
  private async tick(): Promise<RunOutcome | undefined> {
    const cursor = this.cursor;
    if (cursor.step > this.stop) throw recursionError(this.config.recursionLimit ?? DEFAULT_RECURSION_LIMIT);
    // A checkpoint is announced when the run moves on from it (so a stop after a step announces
    // nothing, and a resume announces the checkpoint it resumes from), as LangGraph.js does.
    this.emit.checkpoint(this.engine, cursor.snapshotSource(), this.config);
    const tasks = planTasks(cursor.checkpoint, this.engine.plan, this.engine.nodeNames, cursor.step);
    if (tasks.length === 0) return { values: stateOf(this.engine, cursor.checkpoint) };
    if (this.shouldInterrupt(this.config.interruptBefore ?? this.engine.interruptBefore, tasks)) return this.breakpoint();
    if (this.config.pauseSignal?.aborted) return this.breakpoint();
    const finished = await this.runTasks(tasks);
    if (this.config.signal?.aborted) throw abortError();
    const errors = finished.flatMap((f) => (f.outcome.kind === "failed" ? [f.outcome.error] : []));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      throw new AggregateError(errors, `Multiple errors occurred during superstep ${cursor.step}. See the "errors" field of this exception for more details.`);
    }
    // A task stopped by an interrupt (or by a breakpoint inside its subgraph) stops the run.
    const stopped = finished.filter((f) => f.outcome.kind === "interrupted");
    if (stopped.length > 0) {
      const interrupts = stopped.flatMap((f) => (f.outcome.kind === "interrupted" ? f.outcome.interrupts : []));
      return { values: snapshotOf(this.engine, cursor.snapshotSource(), true).values, interrupts };
    }
    const writing = finished.map(({ task, outcome }) => ({ ...task, writes: outcome.kind === "done" ? outcome.writes : [] }));
    const updated = applyWrites(cursor.edit(), this.engine.plan, writing);
    await cursor.put("loop");
    this.emit.values(this.engine, cursor.checkpoint, updated);
    if (this.shouldInterrupt(this.config.interruptAfter ?? this.engine.interruptAfter, tasks)) return this.breakpoint();
    return undefined;
  }

  /** Runs what has not finished yet; a task with saved writes (a retry, a resume) is not run again. */
  private runTasks(tasks: PlannedTask[]): Promise<Finished[]> {
    const state = stateOf(this.engine, this.cursor.checkpoint);
    const done = finishedWrites(this.cursor);
    const step = this.cursor.step;
    const running = tasks.map(async (task): Promise<Finished> => {
      const saved = done.get(task.id);
      if (saved) return { task, outcome: { kind: "done", writes: saved } };
      this.emit.taskStart(task, step);
      this.config.onTaskStart?.({ id: task.id, name: task.name, path: task.path, input: task.input, namespace: this.cursor.ns });
      const stoppedBefore = this.cursor.pendingWrites.some(([id, channel]) => id === task.id && channel === INTERRUPT);
      const context = { config: this.config, emit: this.emit, checkpointId: this.cursor.checkpoint.id, stoppedBefore };
      const outcome = await runTask(this.engine, task, state, resumeValues(this.cursor, task.id), context);
      if (this.config.signal?.aborted) throw abortError(); // an aborted run records nothing more
      // A command for the parent graph is not this graph's error: it leaves without a trace here.
      if (outcome.kind === "failed" && isParentCommand(outcome.error)) return { task, outcome };
      await this.save(task, outcome);
      // Each interrupt is announced as its task stops, before the task's result (LangGraph's order).
      if (outcome.kind === "interrupted") this.emit.interrupt(outcome.interrupts);
      this.emit.taskResult(this.engine, task, outcome, step);
      return { task, outcome };
    });
    return untilAborted(Promise.all(running), this.config.signal);
  }

  private async save(task: PlannedTask, outcome: TaskOutcome): Promise<void> {
    if (outcome.kind === "done") return this.cursor.putWrites(task.id, outcome.writes, task.pathKey);
    const channel = outcome.kind === "interrupted" ? INTERRUPT : ERROR;
    const value = outcome.kind === "interrupted" ? outcome.interrupts : { message: outcome.error.message, name: outcome.error.name };
    this.cursor.forget(task.id, channel);
    return this.cursor.putWrites(task.id, [[channel, value]], task.pathKey);
  }

  /** A breakpoint fires when a listed node is scheduled and something changed since the last stop. */
  private shouldInterrupt(list: InterruptList | undefined, tasks: PlannedTask[]): boolean {
    if (!list || list.length === 0) return false;
    const checkpoint = this.cursor.checkpoint;
    const seen = checkpoint.versions_seen[INTERRUPT] ?? {};
    const versions = checkpoint.channel_versions;
    const changed = Object.keys(versions).some((channel) => Number(versions[channel]) > Number(seen[channel] ?? 0));
    return changed && tasks.some((task) => matchesInterruptList(list, task.name));
  }

  private breakpoint(): RunOutcome {
    this.emit.interrupt([]);
    return { values: stateOf(this.engine, this.cursor.checkpoint), interrupts: [] };
  }
}

/**
 * Writes of tasks that already finished at this checkpoint. A task that stopped once (interrupt,
 * error) and then finished has both kinds of writes; its ordinary writes say it finished.
 */
function finishedWrites(cursor: ThreadCursor): Map<string, Array<[string, unknown]>> {
  const done = new Map<string, Array<[string, unknown]>>();
  for (const [id, channel, value] of cursor.pendingWrites) {
    if (channel === RESUME || channel === ERROR || channel === INTERRUPT) continue;
    done.set(id, [...(done.get(id) ?? []), [channel, value]]);
  }
  return done;
}

function resumeValues(cursor: ThreadCursor, taskId: string): unknown[] {
  const write = cursor.pendingWrites.find(([id, channel]) => id === taskId && channel === RESUME);
  return write ? [...(write[2] as unknown[])] : [];
}

function recursionError(limit: number): GraphRecursionError {
  return new GraphRecursionError(
    `Recursion limit of ${limit} reached without hitting a stop condition. You can increase the limit by setting the "recursionLimit" config key.`,
    { lc_error_code: "GRAPH_RECURSION_LIMIT" },
  );
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function abortError(): Error {
  return new DOMException("This operation was aborted", "AbortError");
}
