/**
 * The messages between the extension and its store-reader process (src/storeReader), which reads
 * checkpoint stores for the Checkpoints view and the graph panel: the threads of a store, and a
 * page of one thread's history. Requests go over the `fork` IPC channel; each has one answer.
 */
import type { HistoryPage } from "./history";

export interface StoredThread {
  threadId: string;
  name?: string;
  updatedAt?: string;
}

export interface StoreReaderMethods {
  /** The threads of the store, most recently written first; none when the folder does not exist. */
  listThreads: { params: { checkpointDir: string }; result: StoredThread[] };
  /** The newest `limit` root checkpoints older than `before`, with the subgraph runs under them. */
  history: { params: { checkpointDir: string; threadId: string; limit: number; before?: string }; result: HistoryPage };
}

export type StoreReaderMethod = keyof StoreReaderMethods;

export type StoreReaderRequest = {
  [M in StoreReaderMethod]: { id: number; method: M; params: StoreReaderMethods[M]["params"] };
}[StoreReaderMethod];

export type StoreReaderResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
