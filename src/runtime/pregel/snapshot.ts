/**
 * A `StateSnapshot` of one checkpoint: its state, the tasks it schedules (`next`), and for each task
 * what its saved writes say: the interrupts it waits in, the error it threw, or the result it
 * already produced. Built from the checkpoint alone, so a past checkpoint reads the same way today
 * as when it was the head.
 */
import { CheckpointConfig, CheckpointMetadata, CheckpointPendingWrite, Checkpoint } from "../checkpoint/types";
import { ERROR, INTERRUPT, NULL_TASK_ID, RESUME } from "../constants";
import { Interrupt } from "../errors";
import { PregelTaskView, StateSnapshot } from "../types";
import { Engine, stateOf } from "./engine";
import { WritingTask, applyWrites, copyCheckpoint } from "./apply-writes";
import { PlannedTask, planTasks } from "./tasks";

export interface SnapshotSource {
  checkpoint: Checkpoint;
  config: CheckpointConfig;
  metadata?: CheckpointMetadata;
  parentConfig?: CheckpointConfig;
  pendingWrites?: CheckpointPendingWrite[];
}

/**
 * With `applyPendingWrites` (what `getState` of a thread's head does), the writes of tasks that
 * already finished at this checkpoint show in `values`, and those tasks leave `next`.
 */
export function snapshotOf(engine: Engine, source: SnapshotSource, applyPendingWrites = false): StateSnapshot {
  const { metadata } = source;
  const step = (metadata?.step ?? -1) + 1;
  const tasks = planTasks(source.checkpoint, engine.plan, engine.nodeNames, step);
  const writes = source.pendingWrites ?? [];
  const finished = applyPendingWrites ? finishedTaskWrites(tasks, writes) : [];
  // Writes from outside any task (a Command's update) always show, as LangGraph.js shows them.
  const inputWrites = writes.filter(([id]) => id === NULL_TASK_ID).map(([, c, v]): [string, unknown] => [c, v]);
  const toApply: WritingTask[] = [...(inputWrites.length > 0 ? [{ name: "__input__", pathKey: "", triggers: [], writes: inputWrites }] : []), ...finished];
  const checkpoint = toApply.length > 0 ? withWrites(engine, source.checkpoint, toApply) : source.checkpoint;
  const finishedIds = new Set(finished.map((task) => task.id));
  const threadId = source.config.configurable?.thread_id;
  const views = tasks.map((task): PregelTaskView => {
    const own = writes.filter(([id]) => id === task.id);
    const interrupts = own.filter(([, c]) => c === INTERRUPT).flatMap(([, , v]) => v as Interrupt[]);
    const error = own.find(([, c]) => c === ERROR)?.[2] as PregelTaskView["error"] | undefined;
    const view: PregelTaskView = { id: task.id, name: task.name, path: task.path, interrupts, input: task.input };
    if (error) view.error = error;
    const results = own.filter(([, c]) => c !== ERROR && c !== INTERRUPT && c !== RESUME && engine.plan.stateKeySet.has(c));
    if (results.length > 0) view.result = Object.fromEntries(results.map(([, c, v]) => [c, v]));
    return view;
  });
  return {
    values: stateOf(engine, checkpoint),
    next: tasks.filter((task) => !finishedIds.has(task.id)).map((task) => task.name),
    tasks: views,
    metadata: metadata && threadId !== undefined ? { ...metadata, thread_id: threadId } : metadata,
    config: source.config,
    createdAt: checkpoint.ts,
    parentConfig: source.parentConfig,
  };
}

/** The snapshot of a thread that has no checkpoint yet. */
export function emptySnapshot(config: CheckpointConfig): StateSnapshot {
  return { values: {}, next: [], tasks: [], metadata: undefined, config, createdAt: undefined, parentConfig: undefined };
}

/** The planned tasks that have saved writes (other than an error or interrupt), with those writes. */
export function finishedTaskWrites(tasks: PlannedTask[], writes: CheckpointPendingWrite[]): Array<PlannedTask & WritingTask> {
  return tasks
    .map((task) => ({ ...task, writes: writes.filter(([id, c]) => id === task.id && c !== ERROR && c !== INTERRUPT && c !== RESUME).map(([, c, v]): [string, unknown] => [c, v]) }))
    .filter((task) => task.writes.length > 0);
}

function withWrites(engine: Engine, checkpoint: Checkpoint, tasks: WritingTask[]): Checkpoint {
  const copy = copyCheckpoint(checkpoint);
  applyWrites(copy, engine.plan, tasks);
  return copy;
}
