/**
 * FileSaver: the checkpointer that keeps every step of every thread in a directory (the debugger
 * uses `.langgraph/` in the workspace), so a thread paused today can be inspected, time-travelled
 * and resumed tomorrow, from another process. It has LangGraph.js's saver methods and shapes, so
 * our engine and a real `@langchain/langgraph` app can both use it. Layout: `threads/<id>.jsonl`,
 * one append-only log per thread (see log.ts and records.ts), `registry.json`, a lowdb document
 * indexing the threads (registry.ts), and `locks/` (lock.ts). Values that JSON cannot hold follow
 * codec.ts: they round-trip or the call fails naming the channel.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  ChannelVersions,
  Checkpoint,
  CheckpointConfig,
  CheckpointListOptions,
  CheckpointMetadata,
  CheckpointSaver,
  CheckpointTuple,
  PendingWrite,
} from "../types";
import { requireThreadId, tupleConfig } from "../config";
import { CheckpointIndex, SummaryPage, SummaryPageOptions } from "./checkpoint-index";
import { Codec, StorableType } from "./codec";
import { DEFAULT_LOCK_TIMING, FileLock, LockTiming } from "./lock";
import { CorruptLogError, parseLines, readRange } from "./log";
import { StoreLayout, threadFileStem } from "./names";
import { checkpointRecord, writesRecord } from "./records";
import { Registry, ThreadEntry } from "./registry";
import { FsyncMode, ThreadFile } from "./thread-file";

export type { FsyncMode };

export interface FileSaverOptions {
  /**
   * When appended records are forced to disk. A put always returns after its record is written to
   * the file, so it survives the process being killed (`kill -9`, a crash) in every mode.
   * - "background" (default): an fsync follows each batch without delaying the put; an OS crash or
   *   power loss can lose the last few milliseconds.
   * - "always": the put returns after the fsync, so it survives power loss too (each step then costs
   *   a disk flush: about 0.2-0.5 ms on an SSD).
   * - "never": leave it to the OS (tests, benchmarks, throwaway runs).
   * `true` and `false` mean "always" and "never".
   */
  fsync?: FsyncMode | boolean;
  /** Classes to store beside the built-in ones (see codec.ts). */
  types?: StorableType[];
  /**
   * What to do with an instance of a class no type knows: `refuse` (the default, with a message
   * naming the channel) or `plain`: store the data it holds and give back a plain object, as
   * LangGraph.js's own savers do.
   */
  otherClasses?: "refuse" | "plain";
  /** How long a write waits for another process's lock on the same thread (default 15 s). */
  lockTimeoutMs?: number;
}

export interface ThreadInfo {
  threadId: string;
  /** The thread's log (absolute path): JSON lines, readable with `less`. */
  file: string;
  createdAt?: string;
  updatedAt?: string;
  /** Newest checkpoint id per checkpoint namespace, as last indexed (may lag the log by a moment). */
  heads: Record<string, string>;
  name?: string;
}

export class FileSaver implements CheckpointSaver {
  readonly directory: string;
  private readonly layout: StoreLayout;
  private readonly codec: Codec;
  private readonly registry: Registry;
  private readonly timing: LockTiming;
  private readonly fsync: FsyncMode;
  private readonly threads = new Map<string, ThreadFile>();
  private readonly indexes = new Map<string, CheckpointIndex>();

  constructor(directory: string, options: FileSaverOptions = {}) {
    this.layout = new StoreLayout(directory);
    this.directory = this.layout.directory;
    this.codec = new Codec(options.types, options.otherClasses);
    const fsync = options.fsync ?? "background";
    this.fsync = fsync === true ? "always" : fsync === false ? "never" : fsync;
    this.timing = { ...DEFAULT_LOCK_TIMING, ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}) };
    this.registry = new Registry(this.layout, this.timing);
  }

  async getTuple(config: CheckpointConfig): Promise<CheckpointTuple | undefined> {
    const threadId = config.configurable?.thread_id;
    if (threadId === undefined || threadId === null) return undefined;
    const history = this.thread(String(threadId)).history;
    history.refresh();
    const ns = config.configurable?.checkpoint_ns ?? "";
    const timeline = history.timelines.get(ns);
    const id = config.configurable?.checkpoint_id ?? timeline?.latestId;
    return id === undefined ? undefined : timeline?.tuple(history.threadId, ns, id);
  }

  async get(config: CheckpointConfig): Promise<Checkpoint | undefined> {
    return (await this.getTuple(config))?.checkpoint;
  }

  async *list(config: CheckpointConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const wanted = config.configurable ?? {};
    const beforeId = options.before?.configurable?.checkpoint_id;
    let remaining = options.limit ?? Infinity;
    const threadIds = wanted.thread_id !== undefined && wanted.thread_id !== null ? [String(wanted.thread_id)] : this.threadIdsOnDisk();
    for (const threadId of threadIds) {
      const history = this.thread(threadId).history;
      history.refresh();
      for (const [ns, timeline] of [...history.timelines]) {
        if (wanted.checkpoint_ns !== undefined && ns !== wanted.checkpoint_ns) continue;
        for (const id of timeline.matching(beforeId, options.filter)) {
          if (wanted.checkpoint_id !== undefined && id !== wanted.checkpoint_id) continue;
          if (remaining-- <= 0) return;
          const tuple = timeline.tuple(threadId, ns, id);
          if (tuple) yield tuple;
        }
      }
    }
  }

  async put(config: CheckpointConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<CheckpointConfig> {
    const threadId = requireThreadId(config, "put checkpoint");
    const ns = config.configurable?.checkpoint_ns ?? "";
    const parentId = config.configurable?.checkpoint_id;
    const thread = this.thread(threadId);
    const request = { ns, parentId, checkpoint, metadata, newVersions: newVersions ?? {} };
    await thread.append(() => {
      const timeline = thread.history.timeline(ns);
      const { record, origins } = checkpointRecord(timeline, this.codec, request);
      const text = `${JSON.stringify(record)}\n`;
      timeline.applyCheckpoint(record, origins);
      return text;
    });
    return tupleConfig(threadId, ns, checkpoint.id);
  }

  async putWrites(config: CheckpointConfig, writes: PendingWrite[], taskId: string, taskPath = ""): Promise<void> {
    const threadId = requireThreadId(config, "put writes");
    const checkpointId = config.configurable?.checkpoint_id;
    if (checkpointId === undefined) {
      throw new Error('Failed to put writes. The passed RunnableConfig is missing a required "checkpoint_id" field in its "configurable" property.');
    }
    const ns = config.configurable?.checkpoint_ns ?? "";
    const thread = this.thread(threadId);
    const request = { ns, checkpointId, taskId, taskPath, writes };
    await thread.append(() => {
      const record = writesRecord(this.codec, request);
      const text = `${JSON.stringify(record)}\n`;
      return thread.history.timeline(ns).applyWrites(record, writes) > 0 ? text : undefined;
    });
  }

  async deleteThread(threadId: string): Promise<void> {
    await this.thread(String(threadId)).delete();
  }

  /** LangGraph asks its checkpointer for channel versions: integers counting up from 1. */
  getNextVersion(current: number | undefined): number {
    if (typeof current === "string") throw new Error("FileSaver uses number channel versions; got a string version.");
    return current === undefined ? 1 : current + 1;
  }

  /** The log file of a thread (it exists once the thread has a checkpoint or a write). */
  threadFile(threadId: string): string {
    return this.layout.threadLog(threadId);
  }

  /** Every thread with a log in the directory, with what the registry knows of it. */
  async listThreads(): Promise<ThreadInfo[]> {
    const entries = this.registry.read().threads;
    return this.threadStems().flatMap((stem): ThreadInfo[] => {
      const entry = entries[stem];
      const threadId = entry && threadFileStem(entry.thread_id) === stem ? entry.thread_id : this.threadIdOf(stem);
      if (threadId === undefined) return [];
      const known = entry?.thread_id === threadId ? entry : undefined;
      return [
        {
          threadId,
          file: path.join(this.layout.threads, `${stem}.jsonl`),
          createdAt: known?.created_at,
          updatedAt: known?.updated_at,
          heads: { ...known?.heads },
          name: known?.name,
        },
      ];
    });
  }

  /**
   * A page of a thread's checkpoints as summaries (ids, parents, source, step, writers), newest
   * first, read from the log without decoding any value: cheap on a long thread, and it never loads
   * a class of the program. Only reads; no lock is taken.
   */
  historyPage(threadId: string, options: SummaryPageOptions = {}): SummaryPage {
    let index = this.indexes.get(threadId);
    if (!index) this.indexes.set(threadId, (index = new CheckpointIndex(threadId, this.layout.threadLog(threadId))));
    index.refresh();
    return index.page(options);
  }

  async setThreadName(threadId: string, name: string | undefined): Promise<void> {
    const { file } = this.entry(threadId, {});
    await this.registry.rename(threadFileStem(threadId), threadId, file, name);
  }

  /** Finishes pending writes and gives back lock files now instead of after their linger time. */
  async close(): Promise<void> {
    await Promise.all([...this.threads.values()].map((thread) => thread.idle()));
    await this.registry.flush();
    for (const thread of this.threads.values()) thread.releaseLock();
    this.registry.releaseLock();
  }

  private thread(threadId: string): ThreadFile {
    let thread = this.threads.get(threadId);
    if (!thread) {
      const lock = new FileLock(this.layout.threadLock(threadId), `thread ${JSON.stringify(threadId)}`, this.timing);
      const stem = threadFileStem(threadId);
      const { file } = this.entry(threadId, {});
      thread = new ThreadFile(threadId, this.layout.threadLog(threadId), lock, this.codec, this.fsync, {
        appended: (_, heads, createdAt) => {
          const entry = { thread_id: threadId, file, updated_at: new Date().toISOString(), heads };
          this.registry.note(stem, { entry: createdAt ? { ...entry, created_at: createdAt } : entry });
        },
        deleted: () => this.registry.note(stem, { deleted: true }),
      });
      this.threads.set(threadId, thread);
    }
    return thread;
  }

  private entry(threadId: string, heads: Record<string, string>): ThreadEntry {
    const file = path.relative(this.layout.directory, this.layout.threadLog(threadId)).split(path.sep).join("/");
    return { thread_id: threadId, file, updated_at: new Date().toISOString(), heads };
  }

  private threadStems(): string[] {
    try {
      return fs
        .readdirSync(this.layout.threads)
        .filter((name) => name.endsWith(".jsonl"))
        .map((name) => name.slice(0, -".jsonl".length))
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }

  private threadIdsOnDisk(): string[] {
    let entries: Record<string, ThreadEntry> = {};
    try {
      entries = this.registry.read().threads;
    } catch {
      // an unreadable registry is reported by listThreads; the logs' headers are enough here
    }
    const known = new Map([...this.threads.keys()].map((id) => [threadFileStem(id), id]));
    return this.threadStems().flatMap((stem) => {
      const fromRegistry = entries[stem]?.thread_id;
      const threadId = known.get(stem) ?? (fromRegistry !== undefined && threadFileStem(fromRegistry) === stem ? fromRegistry : this.threadIdOf(stem));
      return threadId === undefined ? [] : [threadId];
    });
  }

  /** Reads the thread id from a log's first line (undefined while the log has no whole line yet). */
  private threadIdOf(stem: string): string | undefined {
    const file = path.join(this.layout.threads, `${stem}.jsonl`);
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      for (let length = 4096; ; length *= 4) {
        const { records, error } = parseLines(file, readRange(fd, 0, Math.min(length, size)), 0);
        if (error) throw error;
        const first = records[0]?.record;
        if (first?.type === "thread") return first.thread_id;
        if (first) throw new CorruptLogError(file, 0, "the first line is not the thread header");
        if (length >= size) return undefined;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}
