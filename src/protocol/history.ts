/**
 * A thread's history travels in pages: the newest checkpoints first (`limit`), older ones on demand
 * (`before` the oldest shown), so a 30,000-step thread costs a page, not the thread. The
 * Checkpoints view and the panel's timeline both keep the pages read so far and merge into them a
 * fresh newest page (after a stop, a refresh) or an older page ("Load more"). A checkpoint never
 * changes once written, so pages merge by id. Plain data and pure functions: the extension and the
 * webview both import this file.
 */
import type { HistoryEntry } from "./debug";

/** How many checkpoints of a namespace one page holds. */
export const HISTORY_PAGE_SIZE = 200;

export interface HistoryPage {
  /** The namespace's checkpoints newest first, then those of the subgraph runs under them. */
  entries: HistoryEntry[];
  /** Whether older checkpoints remain. */
  more: boolean;
}

/** The pages of one thread read so far. */
export interface LoadedHistory {
  threadId: string;
  entries: HistoryEntry[];
  more?: boolean;
}

/**
 * The newest page laid over what was loaded of the same thread: the older pages stay when the page
 * reaches them (it shares a checkpoint with them, or is the whole history); a page that leaves a
 * gap (many steps ran since) starts the history over from itself.
 */
export function withNewestPage(loaded: LoadedHistory | undefined, threadId: string, page: HistoryPage): LoadedHistory {
  const fresh = { threadId, entries: page.entries, more: page.more };
  if (!loaded || loaded.threadId !== threadId) return fresh;
  const known = new Set(loaded.entries.map((entry) => entry.checkpointId));
  const joins = !page.more || page.entries.some((entry) => !entry.checkpointNs && known.has(entry.checkpointId));
  if (!joins) return fresh;
  const pageOldest = oldestRoot(page.entries);
  const loadedOldest = oldestRoot(loaded.entries);
  const reachesFurther = loadedOldest !== undefined && (pageOldest === undefined || loadedOldest < pageOldest);
  return { threadId, entries: union(page.entries, loaded.entries), more: reachesFurther ? loaded.more === true : page.more };
}

/** An older page (asked for `before` the oldest loaded checkpoint) added below what was loaded. */
export function withOlderPage(loaded: LoadedHistory, page: HistoryPage): LoadedHistory {
  return { threadId: loaded.threadId, entries: union(loaded.entries, page.entries), more: page.more };
}

/** Where the next older page starts: before the oldest loaded checkpoint of the root graph. */
export function nextPageBefore(loaded: LoadedHistory | undefined): string | undefined {
  return loaded?.more ? oldestRoot(loaded.entries) : undefined;
}

function oldestRoot(entries: readonly HistoryEntry[]): string | undefined {
  let oldest: string | undefined;
  for (const entry of entries) if (!entry.checkpointNs && (oldest === undefined || entry.checkpointId < oldest)) oldest = entry.checkpointId;
  return oldest;
}

/** `first`'s entries, then `second`'s that `first` does not have. */
function union(first: readonly HistoryEntry[], second: readonly HistoryEntry[]): HistoryEntry[] {
  const ids = new Set(first.map((entry) => entry.checkpointId));
  return [...first, ...second.filter((entry) => !ids.has(entry.checkpointId))];
}

/**
 * The first `limit` checkpoints of namespace `ns` in `entries` (a history answer asked for one more
 * than `limit`, to learn whether older ones remain), with the subgraph runs of those only.
 */
export function trimPage(entries: readonly HistoryEntry[], ns: string, limit: number): HistoryPage {
  const own = entries.filter((entry) => (entry.checkpointNs ?? "") === ns);
  if (own.length <= limit) return { entries: [...entries], more: false };
  const dropped = new Set(own.slice(limit).map((entry) => entry.checkpointId));
  const kept = entries.filter((entry) => !dropped.has(entry.checkpointId) && !dropped.has(entry.parents?.[ns] ?? ""));
  return { entries: kept, more: true };
}
