/**
 * What a run tells its watchers, in LangGraph's stream modes: `values` (the state after a step),
 * `updates` (each node's writes), `debug` (checkpoint / task / task_result events), and the bare
 * `tasks` and `checkpoints` payloads. The loop calls the emitter at each event; the emitter builds
 * only the chunks of the modes someone asked for, so `invoke` pays nothing for streaming.
 */
import { CheckpointConfig, CheckpointMetadata, CheckpointPendingWrite, Checkpoint } from "../checkpoint/types";
import { INTERRUPT } from "../constants";
import { Interrupt } from "../errors";
import { StreamMode } from "../types";
import type { Engine } from "./engine";
import { isHiddenTask, stateOf } from "./engine";
import { stateUpdates } from "./node-writes";
import type { TaskOutcome } from "./run-task";
import { snapshotOf } from "./snapshot";
import type { PlannedTask } from "./tasks";

export interface CheckpointEventSource {
  checkpoint: Checkpoint;
  config: CheckpointConfig;
  metadata: CheckpointMetadata;
  parentConfig?: CheckpointConfig;
  pendingWrites: CheckpointPendingWrite[];
}

export interface Emitter {
  values(engine: Engine, checkpoint: Checkpoint, updated?: Set<string>): void;
  interrupt(interrupts: Interrupt[]): void;
  taskStart(task: PlannedTask, step: number): void;
  taskResult(engine: Engine, task: PlannedTask, outcome: TaskOutcome, step: number): void;
  checkpoint(engine: Engine, source: CheckpointEventSource, runConfig: Record<string, unknown>): void;
  /** The emitter for a subgraph run inside a task (silent unless subgraphs are streamed). */
  nested(segment: string): Emitter;
}

/** Receives each chunk with the namespace it came from ([] for the graph itself). */
export type Sink = (mode: StreamMode, chunk: unknown, namespace: string[]) => void;

export const silentEmitter: Emitter = {
  values() {},
  interrupt() {},
  taskStart() {},
  taskResult() {},
  checkpoint() {},
  nested: () => silentEmitter,
};

export function createEmitter(modes: ReadonlySet<StreamMode>, emitTo: Sink, subgraphs = false, namespace: string[] = []): Emitter {
  const sink = (mode: StreamMode, chunk: unknown) => emitTo(mode, chunk, namespace);
  const wantsDebug = modes.has("debug");
  const wantsTasks = wantsDebug || modes.has("tasks");
  const wantsCheckpoints = wantsDebug || modes.has("checkpoints");
  const debugEvent = (type: string, step: number, payload: unknown) => {
    if (wantsDebug) sink("debug", { step, type, timestamp: new Date().toISOString(), payload });
  };
  return {
    values(engine, checkpoint, updated) {
      if (!modes.has("values")) return;
      if (updated && !engine.plan.stateKeys.some((key) => updated.has(key))) return;
      sink("values", stateOf(engine, checkpoint));
    },
    interrupt(interrupts) {
      if (modes.has("updates")) sink("updates", { [INTERRUPT]: interrupts });
      if (modes.has("values")) sink("values", { [INTERRUPT]: interrupts });
    },
    taskStart(task, step) {
      if (!wantsTasks || isHiddenTask(task.name)) return;
      const payload = { id: task.id, name: task.name, input: task.input, triggers: task.triggers, interrupts: [] };
      if (modes.has("tasks")) sink("tasks", payload);
      debugEvent("task", step, payload);
    },
    taskResult(engine, task, outcome, step) {
      if (isHiddenTask(task.name)) return;
      if (modes.has("updates") && outcome.kind === "done") {
        sink("updates", { [task.name]: stateUpdates(engine.plan, outcome.writes) ?? null });
      }
      if (!wantsTasks) return;
      const payload = {
        id: task.id,
        name: task.name,
        result: outcome.kind === "done" ? stateUpdates(engine.plan, outcome.writes) ?? {} : {},
        interrupts: outcome.kind === "interrupted" ? outcome.interrupts : [],
        error: outcome.kind === "failed" ? { message: outcome.error.message, name: outcome.error.name } : null,
      };
      if (modes.has("tasks")) sink("tasks", payload);
      debugEvent("task_result", step, payload);
    },
    checkpoint(engine, source, runConfig) {
      if (!wantsCheckpoints) return;
      const snapshot = snapshotOf(engine, source);
      const payload = {
        config: { ...runConfig, configurable: { ...source.config.configurable } },
        values: snapshot.values,
        metadata: source.metadata,
        next: snapshot.next,
        tasks: snapshot.tasks,
        ...(source.parentConfig ? { parentConfig: source.parentConfig } : {}),
      };
      if (modes.has("checkpoints")) sink("checkpoints", payload);
      debugEvent("checkpoint", source.metadata.step, payload);
    },
    nested(segment) {
      return subgraphs ? createEmitter(modes, emitTo, true, [...namespace, segment]) : silentEmitter;
    },
  };
}
