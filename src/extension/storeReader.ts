/**
 * Reads a checkpoint store (`.langgraph/` in the workspace, or a session's `checkpointDir`) while
 * no debug session is running, for the Checkpoints view: its threads, newest first, and a thread's
 * checkpoint history in the shape the adapter's `history` request gives. It only reads (FileSaver's
 * list and listThreads take no locks and write nothing), so it is safe next to a running graph.
 * Without the graph it cannot know which nodes run next, so `next` is left empty and the view says
 * so. Who wrote a checkpoint comes from the metadata's `writes` when present, else from the nodes
 * whose seen channel versions moved since the parent checkpoint.
 */
import * as fs from "node:fs";
import type { CheckpointSourceView, HistoryEntry } from "../protocol/debug";
import { FileSaver } from "../runtime/checkpoint/file";
import type { CheckpointTuple } from "../runtime/checkpoint/types";
import { writers } from "../runner/views";

export interface StoredThread {
  threadId: string;
  name?: string;
  updatedAt?: string;
}

/** The threads in `checkpointDir`, most recently written first; none when the folder does not exist. */
export async function listStoredThreads(checkpointDir: string): Promise<StoredThread[]> {
  if (!fs.existsSync(checkpointDir)) return [];
  const saver = new FileSaver(checkpointDir);
  try {
    const threads = await saver.listThreads();
    return threads
      .map((thread) => ({ threadId: thread.threadId, ...(thread.name ? { name: thread.name } : {}), ...(thread.updatedAt ? { updatedAt: thread.updatedAt } : {}) }))
      .sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || a.threadId.localeCompare(b.threadId));
  } finally {
    await saver.close();
  }
}

/** One thread's checkpoints, newest first, linked by `parentId`: the root graph's, then those of
 * its subgraph runs, each with its namespace and the checkpoints of the graphs it ran under. */
export async function readStoredHistory(checkpointDir: string, threadId: string): Promise<HistoryEntry[]> {
  if (!fs.existsSync(checkpointDir)) return [];
  const saver = new FileSaver(checkpointDir);
  try {
    const tuples: CheckpointTuple[] = [];
    for await (const tuple of saver.list({ configurable: { thread_id: threadId } })) tuples.push(tuple);
    const byId = new Map(tuples.map((tuple) => [tuple.checkpoint.id, tuple]));
    const namespace = (tuple: CheckpointTuple) => tuple.config.configurable?.checkpoint_ns ?? "";
    const ordered = [...tuples.filter((tuple) => !namespace(tuple)), ...tuples.filter((tuple) => namespace(tuple))];
    return ordered.map((tuple) => historyEntry(tuple, byId));
  } finally {
    await saver.close();
  }
}

function historyEntry(tuple: CheckpointTuple, byId: Map<string, CheckpointTuple>): HistoryEntry {
  const parentId = tuple.parentConfig?.configurable?.checkpoint_id;
  const source = (tuple.metadata?.source ?? "loop") as CheckpointSourceView;
  const checkpointNs = tuple.config.configurable?.checkpoint_ns ?? "";
  const parents = tuple.metadata?.parents as Record<string, string> | undefined;
  return {
    checkpointId: tuple.checkpoint.id,
    ...(parentId ? { parentId } : {}),
    step: tuple.metadata?.step ?? 0,
    source,
    writtenBy: writers(tuple.metadata?.source ?? "loop", tuple.metadata ?? {}, tuple, parentId ? byId.get(parentId) : undefined),
    next: [],
    createdAt: tuple.checkpoint.ts,
    ...(checkpointNs ? { checkpointNs, ...(parents ? { parents: { ...parents } } : {}) } : {}),
  };
}
