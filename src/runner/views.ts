/**
 * Turns the engine's objects into the plain views of `src/protocol/debug.ts`: a `StateSnapshot`
 * into a `SnapshotView` (a subgraph task's nested snapshot into its `state`), and the checkpoints
 * of a thread (or of one subgraph namespace) into its checkpoint tree. The same for both engines:
 * they share LangGraph's snapshot and checkpoint shapes. Values pass through `toJsonSafe` here, once per request, never per step.
 */
import type { CheckpointSourceView, HistoryEntry, SnapshotView, TaskView } from "../protocol/debug";
import type { CheckpointConfig, CheckpointSaver, CheckpointTuple, CompiledGraph, StateSnapshot } from "./engines/graph-api";
import type { SummaryPage, SummaryPageOptions } from "../runtime/checkpoint/file";
import { saverOf } from "./engines/graph-api";
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

/** A page of a namespace's checkpoints: the newest `limit`, older than `before` (all when neither is given). */
export interface HistoryPaging {
  limit?: number;
  before?: string;
}

/**
 * The thread's checkpoints, newest first, each linked to its parent. Who wrote a checkpoint is read
 * off `versions_seen`: the nodes whose seen versions moved are the nodes that ran (or the node an
 * update was written as). A checkpoint saved with `metadata.writes` (LangGraph's field) says it
 * directly. With `subgraphs`, the checkpoints of the subgraph runs below the namespace follow,
 * each carrying its namespace and the checkpoints of the graphs it ran under (`parents`); a page
 * holds the runs of its own checkpoints. Only a page's checkpoints are ever built whole.
 */
export async function historyEntries(graph: CompiledGraph, threadId: string, checkpointNs = "", subgraphs = false, paging: HistoryPaging = {}): Promise<HistoryEntry[]> {
  const entries = await entriesOf(graph, threadId, checkpointNs, paging);
  if (!subgraphs) return entries;
  const runs = await runsOfPage(graph, threadId, checkpointNs, paging, new Set(entries.map((entry) => entry.checkpointId)));
  for (const [inner, ids] of runs) entries.push(...(await entriesOf(graph, threadId, inner)).filter((entry) => ids.has(entry.checkpointId)));
  return entries;
}

async function entriesOf(graph: CompiledGraph, threadId: string, checkpointNs: string, paging: HistoryPaging = {}): Promise<HistoryEntry[]> {
  const address = { configurable: { thread_id: threadId, checkpoint_ns: checkpointNs } };
  const options = {
    ...(paging.limit !== undefined ? { limit: paging.limit } : {}),
    ...(paging.before ? { before: { configurable: { ...address.configurable, checkpoint_id: paging.before } } } : {}),
  };
  const seen = await versionsSeen(graph, address, options);
  const entries: HistoryEntry[] = [];
  for await (const snapshot of graph.getStateHistory(address, options)) {
    const checkpointId = snapshot.config.configurable?.checkpoint_id;
    if (!checkpointId || !snapshot.metadata) continue;
    const parentId = snapshot.parentConfig?.configurable?.checkpoint_id;
    const source = snapshot.metadata.source as CheckpointSourceView;
    const parents = snapshot.metadata.parents as Record<string, string> | undefined;
    entries.push({
      checkpointId,
      ...(parentId ? { parentId } : {}),
      step: snapshot.metadata.step,
      source,
      writtenBy: writers(source, snapshot.metadata, seen.get(checkpointId), parentId ? await seen.parent(parentId) : undefined),
      next: [...snapshot.next],
      createdAt: snapshot.createdAt ?? "",
      ...(checkpointNs ? { checkpointNs, ...(parents ? { parents: { ...parents } } : {}) } : {}),
    });
  }
  return entries;
}

type SeenOnly = { checkpoint: Pick<CheckpointTuple["checkpoint"], "versions_seen"> };

/**
 * The `versions_seen` of the page's checkpoints (kept alone: a whole checkpoint holds every value),
 * and of a parent outside the page when asked for.
 */
async function versionsSeen(graph: CompiledGraph, address: CheckpointConfig, options: object) {
  const saver = saverOf(graph);
  const byId = new Map<string, SeenOnly>();
  if (saver) for await (const tuple of saver.list(address, options)) byId.set(tuple.checkpoint.id, { checkpoint: { versions_seen: tuple.checkpoint.versions_seen } });
  return {
    get: (id: string) => byId.get(id),
    parent: async (id: string): Promise<SeenOnly | undefined> => {
      if (!byId.has(id) && saver) {
        const tuple = await saver.getTuple({ configurable: { ...address.configurable, checkpoint_id: id } });
        if (tuple) byId.set(id, { checkpoint: { versions_seen: tuple.checkpoint.versions_seen } });
      }
      return byId.get(id);
    },
  };
}

/**
 * Which checkpoints of which subgraph namespaces go with a page: those that ran under one of its
 * checkpoints. FileSaver tells from its log alone (no checkpoint is built); another saver is listed
 * whole, as before paging.
 */
async function runsOfPage(graph: CompiledGraph, threadId: string, checkpointNs: string, paging: HistoryPaging, pageIds: Set<string>): Promise<Map<string, Set<string>>> {
  const runs = new Map<string, Set<string>>();
  const add = (ns: string, id: string) => runs.set(ns, (runs.get(ns) ?? new Set()).add(id));
  const saver = saverOf(graph) as (CheckpointSaver & Partial<SummaryReader>) | undefined;
  if (typeof saver?.historyPage === "function") {
    const page = saver.historyPage(threadId, { checkpointNs, ...paging, subgraphs: true });
    for (const summary of page.checkpoints) if (summary.ns !== checkpointNs) add(summary.ns, summary.id);
    return runs;
  }
  const paged = paging.limit !== undefined || paging.before !== undefined;
  if (saver) {
    for await (const tuple of saver.list({ configurable: { thread_id: threadId } })) {
      const ns = tuple.config.configurable?.checkpoint_ns ?? "";
      if (!ns || ns === checkpointNs || (checkpointNs && !ns.startsWith(`${checkpointNs}|`))) continue;
      const anchor = (tuple.metadata?.parents as Record<string, string> | undefined)?.[checkpointNs];
      if (!paged || (anchor !== undefined && pageIds.has(anchor)) || (anchor === undefined && !paging.before)) add(ns, tuple.checkpoint.id);
    }
  }
  return new Map([...runs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** FileSaver's page of checkpoint summaries, read from its log (src/runtime/checkpoint/file/checkpoint-index.ts). */
interface SummaryReader {
  historyPage(threadId: string, options: SummaryPageOptions): SummaryPage;
}

export function writers(source: string, metadata: Record<string, unknown>, tuple?: SeenOnly, parent?: SeenOnly): string[] {
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
