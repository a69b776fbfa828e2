/**
 * Subgraph levels, as the runner serves them. A subgraph keeps its checkpoints in its own namespace
 * of the thread (`research:<taskId>`, deeper ones joined with "|"). The debugger always looks at a
 * root snapshot whose subgraph tasks carry their subgraph's snapshot: for the head, each
 * namespace's newest; for a subgraph checkpoint travelled to, that checkpoint, nested inside the
 * checkpoints of the enclosing graphs it ran under (`metadata.parents`). The level in focus is the
 * one addressed, or, for the thread's head, the deepest subgraph with work pending. The graph of a
 * level (for its reducers and node names) is the engine's to find (`LoadedProgram.level`).
 */
import type { SnapshotView } from "../protocol/debug";
import type { ThreadAddress } from "../protocol/runner";
import type { CompiledGraph, StateSnapshot } from "./engines/graph-api";
import { saverOf } from "./engines/graph-api";
import { snapshotView } from "./views";
import { parentNamespace } from "../protocol/namespaces";

/** The engine config of an address: its thread, namespace and checkpoint. */
export function stateAddress(address: ThreadAddress) {
  return {
    configurable: {
      thread_id: address.threadId,
      checkpoint_ns: address.checkpointNs ?? "",
      ...(address.checkpointId ? { checkpoint_id: address.checkpointId } : {}),
    },
  };
}

/** The root snapshot with the addressed checkpoint nested in it and in focus (null: no such checkpoint). */
export async function readView(graph: CompiledGraph, address: ThreadAddress): Promise<SnapshotView | null> {
  const ns = address.checkpointNs ?? (address.checkpointId ? await namespaceOf(graph, address) : "");
  let snapshot = await graph.getState(stateAddress({ ...address, checkpointNs: ns }), { subgraphs: true });
  let view = snapshotView(address.threadId, snapshot);
  for (let childNs = ns; view && childNs; childNs = parentNamespace(childNs)) {
    const parentNs = parentNamespace(childNs);
    const parentId = await enclosingCheckpoint(graph, snapshot, parentNs);
    if (!parentId) throw new Error(`The subgraph checkpoint ${view.checkpointId} does not record the checkpoint of the graph around it.`);
    snapshot = await graph.getState(stateAddress({ threadId: address.threadId, checkpointNs: parentNs, checkpointId: parentId }), { subgraphs: true });
    const parent = snapshotView(address.threadId, snapshot);
    const task = parent?.tasks.find((candidate) => candidate.checkpointNs === childNs);
    if (task) task.state = view;
    view = parent;
  }
  if (!view) return null;
  const focus = address.checkpointId || address.checkpointNs !== undefined ? ns : deepestPending(view);
  if (focus) view.focusNs = focus;
  return view;
}

/**
 * The checkpoint of the enclosing graph (namespace `parentNs`) that a subgraph checkpoint ran under.
 * A checkpoint written by `updateState` inside a subgraph may not record it; the checkpoints
 * before it in its namespace do.
 */
async function enclosingCheckpoint(graph: CompiledGraph, snapshot: StateSnapshot, parentNs: string): Promise<string | undefined> {
  for (let current: StateSnapshot | undefined = snapshot; current; ) {
    const recorded = (current.metadata?.parents as Record<string, string> | undefined)?.[parentNs];
    if (recorded) return recorded;
    current = current.parentConfig ? await graph.getState(current.parentConfig) : undefined;
  }
  return undefined;
}

/** The namespace holding checkpoint `checkpointId` of the thread: the root's, or a subgraph's. */
async function namespaceOf(graph: CompiledGraph, address: ThreadAddress): Promise<string> {
  const saver = saverOf(graph);
  const root = await saver?.getTuple(stateAddress({ ...address, checkpointNs: "" }));
  if (root || !saver) return "";
  for await (const tuple of saver.list({ configurable: { thread_id: address.threadId, checkpoint_id: address.checkpointId } })) {
    return String(tuple.config.configurable?.checkpoint_ns ?? "");
  }
  return "";
}

/**
 * The namespace of the deepest subgraph that has work pending, following the first such task; or,
 * when none has, of a subgraph that ran to its end while its parent's task waits (a stop after the
 * subgraph's last node), so the views stay inside it.
 */
export function deepestPending(view: SnapshotView): string {
  for (const task of view.tasks) {
    if (task.state && task.state.next.length > 0) return deepestPending(task.state) || task.checkpointNs || "";
  }
  return view.tasks.find((task) => task.state && task.checkpointNs)?.checkpointNs ?? "";
}

