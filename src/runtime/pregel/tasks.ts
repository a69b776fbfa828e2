/**
 * Planning a superstep: which tasks a checkpoint schedules. A `Send` waiting in the tasks topic
 * becomes a push task with its own input; a node runs (a pull task) when one of its trigger channels
 * is available and has a version the node has not seen. Planning reads the checkpoint only, so the
 * same checkpoint always plans the same tasks, with the same ids.
 */
import { Checkpoint } from "../checkpoint/types";
import { PULL, PUSH, START, TASKS } from "../constants";
import { Send, isSend } from "../types";
import { ChannelPlan, Values, readState } from "./channels";
import { derivedId } from "./ids";

export interface PlannedTask {
  id: string;
  name: string;
  path: [typeof PULL, string] | [typeof PUSH, number, false];
  /** Sort key of the path, as LangGraph orders a step's writes. */
  pathKey: string;
  triggers: string[];
  input: unknown;
}

export function planTasks(checkpoint: Checkpoint, plan: ChannelPlan, nodeNames: readonly string[], step: number): PlannedTask[] {
  const values = checkpoint.channel_values;
  const tasks: PlannedTask[] = [];
  const sends = (values[TASKS] as Send[] | undefined) ?? [];
  sends.forEach((send, index) => {
    if (!isSend(send) && typeof (send as Send)?.node !== "string") return;
    tasks.push({
      id: derivedId(checkpoint.id, step, send.node, PUSH, index),
      name: send.node,
      path: [PUSH, index, false],
      pathKey: `~${PUSH}, ${String(index).padStart(10, "0")}`,
      triggers: [PUSH],
      input: send.args,
    });
  });
  let state: Values | undefined;
  for (const name of [START, ...nodeNames]) {
    const fired = firedTriggers(checkpoint, plan, name);
    if (fired.length === 0) continue;
    state ??= readState(plan, values);
    tasks.push({
      id: derivedId(checkpoint.id, step, name, PULL, name),
      name,
      path: [PULL, name],
      pathKey: `~${PULL}, ${name}`,
      triggers: fired,
      input: name === START ? values[START] : state,
    });
  }
  return tasks;
}

function firedTriggers(checkpoint: Checkpoint, plan: ChannelPlan, node: string): string[] {
  const seen = checkpoint.versions_seen[node] ?? {};
  const fired: string[] = [];
  for (const channel of plan.triggers.get(node) ?? []) {
    const version = checkpoint.channel_versions[channel];
    if (version === undefined || !plan.channels.get(channel)!.isAvailable(checkpoint.channel_values, channel)) continue;
    if (Number(version) > Number(seen[channel] ?? 0)) fired.push(channel);
  }
  return fired;
}
