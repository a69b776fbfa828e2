/**
 * The end of a superstep: fold the tasks' writes into a copy of the checkpoint. Versions decide what
 * runs next: every channel a step changed gets one new version (max + 1), and a task records the
 * versions of the triggers it consumed, so it will not run again for the same update. Channels the
 * step did not write are given an empty update, which is how triggers last exactly one step.
 */
import { Checkpoint, ChannelVersions } from "../checkpoint/types";
import { ERROR, INTERRUPT, RESUME } from "../constants";
import { ChannelPlan, Values } from "./channels";

export interface WritingTask {
  name: string;
  /** Sort key: writes apply in task-path order, whatever order the tasks finished in. */
  pathKey: string;
  triggers: readonly string[];
  writes: ReadonlyArray<[string, unknown]>;
}

const NOT_STATE = new Set([ERROR, INTERRUPT, RESUME]);

/** A checkpoint that can be changed without touching the saved one: values are still shared. */
export function copyCheckpoint(checkpoint: Checkpoint): Checkpoint {
  return {
    ...checkpoint,
    channel_values: { ...checkpoint.channel_values },
    channel_versions: { ...checkpoint.channel_versions },
    versions_seen: { ...checkpoint.versions_seen },
  };
}

export function maxVersion(versions: ChannelVersions): number {
  let max = 0;
  for (const key in versions) {
    const version = Number(versions[key]);
    if (version > max) max = version;
  }
  return max;
}

/** Applies the writes in place on `checkpoint` (a copy); returns the channels that changed. */
export function applyWrites(checkpoint: Checkpoint, plan: ChannelPlan, tasks: WritingTask[]): Set<string> {
  const values: Values = checkpoint.channel_values;
  const versions = checkpoint.channel_versions;
  const ordered = [...tasks].sort((a, b) => (a.pathKey < b.pathKey ? -1 : a.pathKey > b.pathKey ? 1 : 0));
  const bumpStep = ordered.some((task) => task.triggers.length > 0);
  let next = maxVersion(versions) + 1;

  const consumed = recordSeen(checkpoint, ordered);
  let consumedAny = false;
  for (const name of consumed) {
    if (plan.channels.get(name)?.consume?.(values, name)) {
      versions[name] = next;
      consumedAny = true;
    }
  }
  if (consumedAny) next += 1;

  const writesByChannel = new Map<string, unknown[]>();
  for (const task of ordered) {
    for (const [channel, value] of task.writes) {
      if (NOT_STATE.has(channel) || !plan.channels.has(channel)) continue;
      const list = writesByChannel.get(channel);
      if (list) list.push(value);
      else writesByChannel.set(channel, [value]);
    }
  }
  const updated = new Set<string>();
  for (const [name, writes] of writesByChannel) {
    if (plan.channels.get(name)!.update(values, name, writes)) {
      versions[name] = next;
      updated.add(name);
    }
  }
  if (bumpStep) {
    for (const [name, channel] of plan.channels) {
      if (updated.has(name) || !channel.isAvailable(values, name)) continue;
      if (channel.update(values, name, [])) {
        versions[name] = next;
        updated.add(name);
      }
    }
  }
  return updated;
}

/** Marks each task's triggers as seen by it; returns the channels to consume. */
function recordSeen(checkpoint: Checkpoint, tasks: WritingTask[]): Set<string> {
  const consumed = new Set<string>();
  for (const task of tasks) {
    if (task.triggers.length === 0) continue;
    const seen = { ...checkpoint.versions_seen[task.name] };
    for (const channel of task.triggers) {
      if (channel in checkpoint.channel_versions) seen[channel] = checkpoint.channel_versions[channel];
      consumed.add(channel);
    }
    checkpoint.versions_seen[task.name] = seen;
  }
  return consumed;
}
