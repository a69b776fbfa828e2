/**
 * Running one task: call the node with its input inside its interrupt scratchpad, and turn what it
 * returned into writes. A task ends in one of three ways, and none of them throws out of here:
 * done (with writes), interrupted (with the interrupt), or failed (with the error). The loop decides
 * what each means for the step.
 */
import { START } from "../constants";
import { Interrupt, isGraphInterrupt, isParentCommand } from "../errors";
import { Command } from "../types";
import { RunConfig } from "../types";
import { Values } from "./channels";
import { Engine } from "./engine";
import { interruptId } from "./ids";
import { runWithScratchpad } from "./interrupt";
import { withRetries } from "./retry";
import { Write, nodeWrites } from "./node-writes";
import { Emitter } from "./stream-events";
import { nestedGraphOf, nestedScope } from "./subgraph";
import { PlannedTask } from "./tasks";

export type TaskOutcome =
  | { kind: "done"; writes: Write[] }
  | { kind: "interrupted"; interrupts: Interrupt[] }
  | { kind: "failed"; error: Error };

export interface TaskContext {
  config: RunConfig;
  emit: Emitter;
  /** The checkpoint the task was planned from (a subgraph records it as its parent). */
  checkpointId: string;
  /** The task stopped at this checkpoint before (so a subgraph inside it resumes). */
  stoppedBefore: boolean;
}

export async function runTask(engine: Engine, task: PlannedTask, state: Values, resume: unknown[], context: TaskContext): Promise<TaskOutcome> {
  const { config } = context;
  try {
    if (task.name === START) return { kind: "done", writes: await nodeWrites(engine, START, task.input, state) };
    const node = engine.definition.nodes.get(task.name);
    if (!node) throw new Error(`Node "${task.name}" does not exist`);
    const nested = nestedGraphOf(engine, task.name);
    if (nested) {
      const outcome = await commandFromChild(() => nested.runNested(task.input, nestedScope(engine, task, config, context.emit, context.checkpointId, context.stoppedBefore)));
      if (outcome instanceof Command) return { kind: "done", writes: await nodeWrites(engine, task.name, outcome, state) };
      if (outcome.interrupts) return { kind: "interrupted", interrupts: outcome.interrupts };
      return { kind: "done", writes: await nodeWrites(engine, task.name, outcome.values, state) };
    }
    const nodeConfig = { ...config, configurable: { ...config.configurable }, signal: config.signal };
    let graphsInvoked = 0;
    const scratchpad = {
      resume,
      calls: 0,
      hasCheckpointer: engine.checkpointer !== undefined,
      interruptId: (index: number) => interruptId(task.id, index),
      nestedScope: () => nestedScope(engine, task, config, context.emit, context.checkpointId, context.stoppedBefore, graphsInvoked++),
      config: nodeConfig,
      input: task.input,
      invoking: (graph: unknown) => {
        node.invoked ??= graph;
      },
    };
    const result = await commandFromChild(() => withRetries(node.retryPolicy, task.name, config.signal, () => {
      scratchpad.calls = 0; // a retry runs the node from the top: its interrupt() calls and invoked graphs count again
      graphsInvoked = 0;
      return runWithScratchpad(scratchpad, () => node.run(task.input, nodeConfig));
    }));
    return { kind: "done", writes: await nodeWrites(engine, task.name, result, state) };
  } catch (error) {
    if (isGraphInterrupt(error)) return { kind: "interrupted", interrupts: error.interrupts };
    return { kind: "failed", error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * What a subgraph run (or a node that invoked a graph) gave back: a node inside it may have sent a
 * command to this graph (`graph: Command.PARENT`), which is then this task's own result.
 */
async function commandFromChild<T>(run: () => T | Promise<T>): Promise<T | Command> {
  try {
    return await run();
  } catch (error) {
    if (!isParentCommand(error)) throw error;
    return new Command(error.command as ConstructorParameters<typeof Command>[0]);
  }
}
