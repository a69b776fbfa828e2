/**
 * What the store-reader process answers, from FileSaver's checkpoint summaries (read off the log,
 * no value decoded, no class revived, so no module of the workspace is ever loaded): a store's
 * threads, and a page of a thread's history in the shape the adapter's `history` request gives.
 * Without the graph it cannot know which nodes run next, so `next` is empty (the view says so).
 * One FileSaver per store is kept, so a thread read once is read again only where its log grew.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CheckpointSourceView, HistoryEntry } from "../protocol/debug";
import type { HistoryPage } from "../protocol/history";
import type { StoredThread } from "../protocol/storeReader";
import { FileSaver } from "../runtime/checkpoint/file";
import type { CheckpointSummary } from "../runtime/checkpoint/file";

const savers = new Map<string, FileSaver>();

/** The store's saver, or undefined while the folder does not exist (a saver must not create it). */
function saverOf(checkpointDir: string): FileSaver | undefined {
  const directory = path.resolve(checkpointDir);
  if (!fs.existsSync(directory)) return undefined;
  let saver = savers.get(directory);
  if (!saver) savers.set(directory, (saver = new FileSaver(directory)));
  return saver;
}

export async function listThreads(checkpointDir: string): Promise<StoredThread[]> {
  const threads = (await saverOf(checkpointDir)?.listThreads()) ?? [];
  return threads
    .map((thread) => ({ threadId: thread.threadId, ...(thread.name ? { name: thread.name } : {}), ...(thread.updatedAt ? { updatedAt: thread.updatedAt } : {}) }))
    .sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || a.threadId.localeCompare(b.threadId));
}

export function historyPage(checkpointDir: string, threadId: string, limit: number, before?: string): HistoryPage {
  const page = saverOf(checkpointDir)?.historyPage(threadId, { limit, ...(before ? { before } : {}), subgraphs: true });
  return { entries: (page?.checkpoints ?? []).map(historyEntry), more: page?.more ?? false };
}

function historyEntry(summary: CheckpointSummary): HistoryEntry {
  return {
    checkpointId: summary.id,
    ...(summary.parentId ? { parentId: summary.parentId } : {}),
    step: summary.step,
    source: summary.source as CheckpointSourceView,
    writtenBy: summary.writers,
    next: [],
    createdAt: summary.ts,
    ...(summary.ns ? { checkpointNs: summary.ns, ...(summary.parents ? { parents: summary.parents } : {}) } : {}),
  };
}
