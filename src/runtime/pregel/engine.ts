/**
 * The compiled graph as the superstep loop, snapshots and updates need it: definition, channel plan,
 * node order, saver and breakpoints. One object, built once by `compile`, passed to each of them.
 * Also the small shared helpers that read a saver: loading a thread's checkpoint, and the state view.
 */
import { CheckpointConfig, CheckpointSaver, CheckpointTuple, Checkpoint } from "../checkpoint/types";
import { START } from "../constants";
import { GraphDefinition } from "../graph/definition";
import { InterruptList } from "../types";
import { ChannelPlan, Values, readState } from "./channels";
import { RouteObserver, WriterContext } from "./node-writes";

export interface Engine extends WriterContext {
  definition: GraphDefinition;
  plan: ChannelPlan;
  /** Node names in the order they were added: the order of `next`. */
  nodeNames: readonly string[];
  checkpointer?: CheckpointSaver;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  debug: boolean;
  /** The compiled graph's key (`@file:line:column`), for breakpoints that name it wherever it runs nested. */
  graphKey?: string;
  observeRoute: RouteObserver;
}

export function emptyCheckpoint(engine: Engine): Checkpoint {
  const channel_values: Values = {};
  for (const [key, makeDefault] of engine.plan.defaults) channel_values[key] = makeDefault();
  return { v: 4, id: "", ts: new Date().toISOString(), channel_values, channel_versions: {}, versions_seen: {} };
}

export function threadIdOf(config: CheckpointConfig): string | undefined {
  const id = config.configurable?.thread_id;
  return id === undefined || id === null ? undefined : String(id);
}

/** The addressed checkpoint, or the thread's newest; an unknown checkpoint id is an error. */
export async function loadTuple(saver: CheckpointSaver, config: CheckpointConfig): Promise<CheckpointTuple | undefined> {
  const configurable = config.configurable ?? {};
  const address = { configurable: { thread_id: configurable.thread_id, checkpoint_ns: configurable.checkpoint_ns ?? "", checkpoint_id: configurable.checkpoint_id } };
  const tuple = await saver.getTuple(address);
  if (!tuple && configurable.checkpoint_id) {
    throw new Error(`Checkpoint "${configurable.checkpoint_id}" does not exist in thread "${configurable.thread_id}"`);
  }
  return tuple;
}

/** Whether the addressed checkpoint is the thread's newest (time travel starts from an older one). */
export async function isHead(saver: CheckpointSaver, tuple: CheckpointTuple): Promise<boolean> {
  const latest = await saver.getTuple({ configurable: { thread_id: tuple.config.configurable?.thread_id, checkpoint_ns: tuple.config.configurable?.checkpoint_ns ?? "" } });
  return latest?.checkpoint.id === tuple.checkpoint.id;
}

export function stateOf(engine: Engine, checkpoint: Checkpoint): Values {
  return readState(engine.plan, checkpoint.channel_values);
}

export function isHiddenTask(name: string): boolean {
  return name === START;
}

export function matchesInterruptList(list: InterruptList | undefined, name: string): boolean {
  if (!list) return false;
  return list === "*" ? !isHiddenTask(name) : list.includes(name);
}
