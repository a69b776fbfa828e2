/**
 * The pages of each thread's history the Checkpoints view has read: a thread opens on its newest
 * page, "Load more" adds the next older one, and a refresh (after a stop, a new checkpoint on disk)
 * reads the newest page again and keeps the older pages under it. No VS Code import: the view
 * gives each thread a source of pages (its session's `history` request, or the store reader), and
 * the tests and the benchmark drive the same paging.
 */
import { type HistoryPage, type LoadedHistory, nextPageBefore, withNewestPage, withOlderPage } from "../protocol/history";
import { readStoredHistory } from "./storeReader";

/** Where one thread's pages come from. */
export interface PageSource {
  /** Tells apart the same thread read from different stores or sessions. */
  key: string;
  threadId: string;
  /** The newest page, or the one older than checkpoint `before`. */
  read(before?: string): Promise<HistoryPage>;
}

/** A thread's pages read from the store through the store-reader process. */
export function storePages(checkpointDir: string, threadId: string): PageSource {
  return {
    key: [checkpointDir, threadId, ""].join("\0"),
    threadId,
    read: (before) => readStoredHistory(checkpointDir, threadId, before ? { before } : {}),
  };
}

export class ThreadPages {
  private readonly loaded = new Map<string, LoadedHistory>();

  /** The thread's newest page laid over the older pages read before. */
  async newest(source: PageSource): Promise<LoadedHistory> {
    const page = await source.read();
    const loaded = withNewestPage(this.loaded.get(source.key), source.threadId, page);
    this.loaded.set(source.key, loaded);
    return loaded;
  }

  /** The next older page added to the thread's; undefined when none is left (or none was read yet). */
  async older(source: PageSource): Promise<LoadedHistory | undefined> {
    const loaded = this.loaded.get(source.key);
    const before = nextPageBefore(loaded);
    if (!loaded || !before) return undefined;
    const grown = withOlderPage(loaded, await source.read(before));
    this.loaded.set(source.key, grown);
    return grown;
  }
}

/** The step of the oldest root checkpoint read (what "Load more" goes back from). */
export function oldestStep(loaded: LoadedHistory): number | undefined {
  let oldest: number | undefined;
  for (const entry of loaded.entries) if (!entry.checkpointNs && (oldest === undefined || entry.step < oldest)) oldest = entry.step;
  return oldest;
}
