/**
 * Time travel into a subgraph: replaying from a checkpoint inside a subgraph continues from that
 * checkpoint, not from the subgraph's start. Each enclosing graph is first brought back to the
 * checkpoint its subgraph task ran under (forking it when it has moved on), then a copy of the
 * chosen subgraph checkpoint becomes the head of that task's namespace, where the re-run task
 * finds it and resumes from it.
 */
import { CheckpointConfig, CheckpointSaver } from "../checkpoint/types";
import { Engine } from "./engine";
import { checkpointId } from "./ids";
import { snapshotOf } from "./snapshot";
import { childNamespace, nodeOfSegment, subgraphForState } from "./subgraph";
import { engineForNamespace } from "./subgraph-run";
import { planTasks } from "./tasks";

/** Prepares the thread so that resuming its head replays from `config`'s subgraph checkpoint. */
export async function travelIntoSubgraph(root: Engine, config: CheckpointConfig): Promise<void> {
  const saver = root.checkpointer!;
  const threadId = String(config.configurable?.thread_id);
  await reopen(root, saver, threadId, String(config.configurable?.checkpoint_ns ?? ""), String(config.configurable?.checkpoint_id));
}

/** Makes checkpoint `id` of namespace `ns` current again; returns the namespace it now lives in. */
async function reopen(root: Engine, saver: CheckpointSaver, threadId: string, ns: string, id: string): Promise<{ ns: string; id: string }> {
  const tuple = await saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: id } });
  if (!tuple) throw new Error(`Checkpoint "${id}" does not exist in namespace "${ns}" of thread "${threadId}"`);
  const head = await saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: ns } });
  const engine = engineForNamespace(root, ns, saver);
  const stillCurrent = head?.checkpoint.id === id && snapshotOf(engine, tuple).next.length > 0;
  if (ns === "") return stillCurrent ? { ns, id } : { ns, id: await copyAsFork(saver, threadId, ns, tuple, id, {}) };

  const segments = ns.split("|");
  const parentNs = segments.slice(0, -1).join("|");
  const node = nodeOfSegment(segments[segments.length - 1]);
  const parentId = (tuple.metadata?.parents ?? {})[parentNs];
  if (!parentId) throw new Error(`Checkpoint "${id}" of namespace "${ns}" does not record the checkpoint of its parent graph`);
  const parent = await reopen(root, saver, threadId, parentNs, parentId);
  const parentTuple = await saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: parent.ns, checkpoint_id: parent.id } });
  const parentEngine = engineForNamespace(root, parent.ns, saver);
  const step = (parentTuple!.metadata?.step ?? -1) + 1;
  const task = planTasks(parentTuple!.checkpoint, parentEngine.plan, parentEngine.nodeNames, step).find((t) => t.name === node);
  if (!task) throw new Error(`The parent graph no longer schedules "${node}" at checkpoint "${parent.id}"`);
  const targetNs = childNamespace(parent.ns, task, subgraphForState(parentEngine, node));
  if (targetNs === ns && stillCurrent) return { ns, id };
  const parents = { ...(tuple.metadata?.parents ?? {}), [parent.ns]: parent.id };
  return { ns: targetNs, id: await copyAsFork(saver, threadId, targetNs, tuple, targetNs === ns ? id : undefined, parents) };
}

async function copyAsFork(
  saver: CheckpointSaver,
  threadId: string,
  ns: string,
  tuple: NonNullable<Awaited<ReturnType<CheckpointSaver["getTuple"]>>>,
  parentId: string | undefined,
  parents: Record<string, string>,
): Promise<string> {
  const step = (tuple.metadata?.step ?? -1) + 1;
  const copy = { ...tuple.checkpoint, id: checkpointId(step), ts: new Date().toISOString() };
  const address: CheckpointConfig = { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: parentId } };
  const saved = await saver.put(address, copy, { source: "fork", step, parents }, { ...copy.channel_versions });
  return String(saved.configurable?.checkpoint_id);
}
