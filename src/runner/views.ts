/**
 * Turns the engine's objects into the plain views of `src/protocol/debug.ts`: a `StateSnapshot`
 * into a `SnapshotView` (a subgraph task's nested snapshot into its `state`), `getGraph()` into a
 * `GraphView` (subgraphs nested), and the checkpoints of a thread (or of one subgraph namespace)
 * into its checkpoint tree. Values pass through `toJsonSafe` here, once per request, never per step.
 */
import type { CheckpointSourceView, GraphView, HistoryEntry, SnapshotView, TaskView } from "../protocol/debug";
import type { CheckpointTuple, CompiledGraph, DrawableGraph, StateSnapshot } from "./engine-types";
import { toJsonSafe } from "./json-safe";

export function snapshotView(threadId: string, snapshot: StateSnapshot): SnapshotView | null {
  const checkpointId = snapshot.config.configurable?.checkpoint_id;
  if (!checkpointId || !snapshot.metadata) return null;
  const parentCheckpointId = snapshot.parentConfig?.configurable?.checkpoint_id;
  const { source, step, ...rest } = snapshot.metadata;
  const checkpointNs = namespaceOf(snapshot.config);
  return {
    threadId,
    checkpointId,
    ...(parentCheckpointId ? { parentCheckpointId } : {}),
    values: toJsonSafe(snapshot.values) as Record<string, unknown>,
    next: [...snapshot.next],
    tasks: snapshot.tasks.map((task) => taskView(threadId, task)),
    metadata: { ...(toJsonSafe(rest) as Record<string, unknown>), source, step },
    createdAt: snapshot.createdAt ?? "",
    ...(checkpointNs ? { checkpointNs } : {}),
  };
}

function taskView(threadId: string, task: StateSnapshot["tasks"][number]): TaskView {
  const nested = task.state as Partial<StateSnapshot> | undefined;
  const checkpointNs = nested?.config ? namespaceOf(nested.config) : "";
  const state = nested?.values && nested.config ? snapshotView(threadId, nested as StateSnapshot) : null;
  return {
    id: task.id,
    name: task.name,
    path: toJsonSafe(task.path) as unknown[],
    ...(task.input !== undefined ? { input: toJsonSafe(task.input) } : {}),
    interrupts: task.interrupts.map((item) => ({ id: item.id, value: toJsonSafe(item.value) })),
    ...(task.error ? { error: { message: task.error.message, name: task.error.name } } : {}),
    ...(task.result !== undefined ? { result: toJsonSafe(task.result) } : {}),
    ...(checkpointNs ? { checkpointNs } : {}),
    ...(state ? { state } : {}),
  };
}

function namespaceOf(config: { configurable?: { checkpoint_ns?: unknown } }): string {
  return String(config.configurable?.checkpoint_ns ?? "");
}

export function graphView(drawable: DrawableGraph): GraphView {
  return {
    nodes: Object.values(drawable.nodes).map((node) => ({
      id: node.id,
      ...(node.source ? { source: { ...node.source } } : {}),
      ...(node.subgraph ? { subgraph: graphView(node.subgraph), ...(node.invoked ? { invoked: true } : {}) } : {}),
    })),
    edges: drawable.edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      conditional: edge.conditional,
      ...(edge.data !== undefined && edge.data !== edge.target ? { label: edge.data } : {}),
    })),
    dynamic: drawable.dynamic.map((route) => ({ source: route.source, observed: [...route.observed] })),
    stateKeys: [...drawable.stateKeys],
    ...(drawable.graphKey ? { graphKey: drawable.graphKey } : {}),
  };
}

/**
 * The thread's checkpoints, newest first, each linked to its parent. Who wrote a checkpoint is read
 * off `versions_seen`: the nodes whose seen versions moved are the nodes that ran (or the node an
 * update was written as). A checkpoint saved with `metadata.writes` (LangGraph's field) says it
 * directly. With `subgraphs`, the checkpoints of every subgraph run below the namespace follow,
 * each carrying its namespace and the checkpoints of the graphs it ran under (`parents`).
 */
export async function historyEntries(graph: CompiledGraph, threadId: string, checkpointNs = "", subgraphs = false): Promise<HistoryEntry[]> {
  const entries = await entriesOf(graph, threadId, checkpointNs);
  if (!subgraphs) return entries;
  for (const inner of await namespacesBelow(graph, threadId, checkpointNs)) entries.push(...await entriesOf(graph, threadId, inner));
  return entries;
}

async function entriesOf(graph: CompiledGraph, threadId: string, checkpointNs: string): Promise<HistoryEntry[]> {
  const address = { configurable: { thread_id: threadId, checkpoint_ns: checkpointNs } };
  const tuples = new Map<string, CheckpointTuple>();
  if (graph.checkpointer) for await (const tuple of graph.checkpointer.list(address)) tuples.set(tuple.checkpoint.id, tuple);
  const entries: HistoryEntry[] = [];
  for await (const snapshot of graph.getStateHistory(address)) {
    const checkpointId = snapshot.config.configurable?.checkpoint_id;
    if (!checkpointId || !snapshot.metadata) continue;
    const parentId = snapshot.parentConfig?.configurable?.checkpoint_id;
    const tuple = tuples.get(checkpointId);
    const source = snapshot.metadata.source as CheckpointSourceView;
    const parents = snapshot.metadata.parents as Record<string, string> | undefined;
    entries.push({
      checkpointId,
      ...(parentId ? { parentId } : {}),
      step: snapshot.metadata.step,
      source,
      writtenBy: writers(source, snapshot.metadata, tuple, parentId ? tuples.get(parentId) : undefined),
      next: [...snapshot.next],
      createdAt: snapshot.createdAt ?? "",
      ...(checkpointNs ? { checkpointNs, ...(parents ? { parents: { ...parents } } : {}) } : {}),
    });
  }
  return entries;
}

/** The namespaces of the subgraph runs saved below `checkpointNs` (one listing of the whole thread). */
async function namespacesBelow(graph: CompiledGraph, threadId: string, checkpointNs: string): Promise<string[]> {
  if (!graph.checkpointer) return [];
  const found = new Set<string>();
  for await (const tuple of graph.checkpointer.list({ configurable: { thread_id: threadId } })) {
    const ns = tuple.config.configurable?.checkpoint_ns ?? "";
    if (ns && (!checkpointNs || ns.startsWith(`${checkpointNs}|`))) found.add(ns);
  }
  return [...found].sort();
}

export function writers(source: string, metadata: Record<string, unknown>, tuple?: CheckpointTuple, parent?: CheckpointTuple): string[] {
  const writes = metadata.writes;
  if (writes && typeof writes === "object") return Object.keys(writes);
  if (source === "fork") return [];
  if (!tuple) return [source];
  const before = parent?.checkpoint.versions_seen ?? {};
  const moved = Object.entries(tuple.checkpoint.versions_seen)
    .filter(([node, seen]) => node !== "__interrupt__" && JSON.stringify(seen) !== JSON.stringify(before[node] ?? {}))
    .map(([node]) => node);
  if (moved.length > 0) return moved;
  return source === "input" ? ["__input__"] : [source];
}
