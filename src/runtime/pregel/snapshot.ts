/**
 * A `StateSnapshot` of one checkpoint: its state, the tasks it schedules (`next`), and for each task
 * what its saved writes say: the interrupts it waits in, the error it threw, or the result it
 * already produced. Built from the checkpoint alone, so a past checkpoint reads the same way today
 * as when it was the head.
 */
import { CheckpointConfig, CheckpointMetadata, CheckpointPendingWrite, Checkpoint } from "../checkpoint/types";
import { ERROR, INTERRUPT, RESUME } from "../constants";
import { Interrupt } from "../errors";
import { PregelTaskView, StateSnapshot } from "../types";
import { Engine, stateOf } from "./engine";
import { planTasks } from "./tasks";

export interface SnapshotSource {
  checkpoint: Checkpoint;
  config: CheckpointConfig;
  metadata?: CheckpointMetadata;
  parentConfig?: CheckpointConfig;
  pendingWrites?: CheckpointPendingWrite[];
}

export function snapshotOf(engine: Engine, source: SnapshotSource): StateSnapshot {
  const { checkpoint, metadata } = source;
  const step = (metadata?.step ?? -1) + 1;
  const tasks = planTasks(checkpoint, engine.plan, engine.nodeNames, step);
  const writes = source.pendingWrites ?? [];
  const threadId = source.config.configurable?.thread_id;
  const views = tasks.map((task): PregelTaskView => {
    const own = writes.filter(([id]) => id === task.id);
    const interrupts = own.filter(([, c]) => c === INTERRUPT).flatMap(([, , v]) => v as Interrupt[]);
    const error = own.find(([, c]) => c === ERROR)?.[2] as PregelTaskView["error"] | undefined;
    const view: PregelTaskView = { id: task.id, name: task.name, path: task.path, interrupts, input: task.input };
    if (error) view.error = error;
    const results = own.filter(([, c]) => c !== ERROR && c !== INTERRUPT && c !== RESUME && engine.plan.stateKeySet.has(c));
    if (!error && interrupts.length === 0 && own.some(([, c]) => c !== RESUME)) view.result = Object.fromEntries(results.map(([, c, v]) => [c, v]));
    return view;
  });
  return {
    values: stateOf(engine, checkpoint),
    next: tasks.map((task) => task.name),
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
