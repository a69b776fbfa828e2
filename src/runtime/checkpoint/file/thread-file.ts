/**
 * One thread's log file and the in-memory history rebuilt from it. Reads first catch up with the
 * file (a `stat`, and when another process appended, reading just the new whole lines), so a
 * process sees what others committed. Writes queue up and are appended in batches under the
 * thread's lock: catch up, cut off a tail a crash tore, build each record against the current
 * history, append the batch in one write, fsync, and only then resolve the callers' promises (a
 * put that returned survives `kill -9`, and power loss when fsync is on). A record is built in the
 * same synchronous stretch as the `put` call whenever the lock is free, so later changes to the
 * caller's objects cannot leak into it.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Codec } from "./codec";
import { FileLock } from "./lock";
import { CorruptLogError, LogRecord, appendText, parseLines, readRange, syncData } from "./log";
import { FORMAT } from "./names";
import { Timeline } from "./timeline";

export interface ThreadFileEvents {
  /** After records were appended: the newest checkpoint of each namespace. */
  appended(threadId: string, heads: Record<string, string>, createdAt?: string): void;
  deleted(threadId: string): void;
}

interface Op {
  /** For appends: the text to append (after updating the history), or undefined if nothing changed. */
  build?: () => string | undefined;
  resolve(): void;
  reject(error: unknown): void;
}

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export class ThreadFile {
  private readonly namespaces = new Map<string, Timeline>();
  private fd: number | undefined;
  private seen?: FileIdentity;
  /** Bytes of whole lines applied so far. */
  private end = 0;
  private header?: Buffer;
  private readonly queue: Op[] = [];
  private flushing = false;

  constructor(
    readonly threadId: string,
    readonly file: string,
    private readonly lock: FileLock,
    private readonly codec: Codec,
    private readonly fsync: boolean,
    private readonly events: ThreadFileEvents,
  ) {}

  timeline(ns: string): Timeline {
    let timeline = this.namespaces.get(ns);
    if (!timeline) this.namespaces.set(ns, (timeline = new Timeline(this.codec)));
    return timeline;
  }

  get timelines(): ReadonlyMap<string, Timeline> {
    return this.namespaces;
  }

  /** Catches up with what other processes appended (or notices the file was deleted). */
  refresh(): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      if (this.header) this.reset();
      return;
    }
    if (this.seen && sameIdentity(this.seen, stat)) return;
    const fd = fs.openSync(this.file, "r");
    try {
      this.catchUp(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  append(build: () => string | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ build, resolve, reject });
      void this.flush();
    });
  }

  delete(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      void this.flush();
    });
  }

  /** Gives the lock file back now rather than after its linger time. */
  releaseLock(): void {
    this.lock.releaseFile();
  }

  /** Resolves once everything queued so far is written. */
  async idle(): Promise<void> {
    while (this.flushing) await new Promise((resolve) => setImmediate(resolve));
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        if (!this.lock.tryAcquire()) await this.lock.acquire();
        try {
          if (this.queue[0].build) await this.writeBatch(this.takeAppends());
          else this.removeFile(this.queue.shift()!);
        } finally {
          this.lock.release();
        }
      }
    } catch (error) {
      for (const op of this.queue.splice(0)) op.reject(error);
    } finally {
      this.flushing = false;
    }
  }

  private takeAppends(): Op[] {
    const firstDelete = this.queue.findIndex((op) => !op.build);
    return this.queue.splice(0, firstDelete === -1 ? this.queue.length : firstDelete);
  }

  private async writeBatch(batch: Op[]): Promise<void> {
    let createdAt: string | undefined;
    try {
      createdAt = this.prepareAppend();
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    const texts: string[] = [];
    const built: Op[] = [];
    for (const op of batch) {
      try {
        const text = op.build!();
        if (text !== undefined) texts.push(text);
        built.push(op);
      } catch (error) {
        op.reject(error);
      }
    }
    try {
      if (texts.length > 0) {
        this.end += appendText(this.fd!, texts.join(""));
        this.seen = identityOf(fs.fstatSync(this.fd!));
        if (this.fsync) await syncData(this.fd!);
      }
    } catch (error) {
      this.reset(); // the history in memory is ahead of the file: read it again next time
      for (const op of built) op.reject(error);
      return;
    }
    if (texts.length > 0 || createdAt) this.events.appended(this.threadId, this.heads(), createdAt);
    for (const op of built) op.resolve();
  }

  /** Makes the file ready for appending under the lock; returns the creation time if it created it. */
  private prepareAppend(): string | undefined {
    if (this.fd !== undefined && !this.fdIsCurrentFile()) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, "a+");
    }
    this.catchUp(this.fd);
    if (this.seen!.size > this.end) {
      // Bytes after the last whole line, while we hold the lock: a crash tore that record.
      fs.ftruncateSync(this.fd, this.end);
      this.seen = identityOf(fs.fstatSync(this.fd));
    }
    return this.end === 0 ? this.writeHeader() : undefined;
  }

  private fdIsCurrentFile(): boolean {
    try {
      return fs.statSync(this.file).ino === fs.fstatSync(this.fd!).ino;
    } catch {
      return false;
    }
  }

  private writeHeader(): string {
    const createdAt = new Date().toISOString();
    const header = { type: "thread", format: FORMAT, thread_id: this.threadId, file_id: randomUUID(), created_at: createdAt };
    const text = `${JSON.stringify(header)}\n`;
    this.end = appendText(this.fd!, text);
    this.header = Buffer.from(text, "utf8");
    if (this.fsync) {
      fs.fdatasyncSync(this.fd!);
      syncDirectory(path.dirname(this.file));
    }
    this.seen = identityOf(fs.fstatSync(this.fd!));
    return createdAt;
  }

  private removeFile(op: Op): void {
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
      try {
        fs.unlinkSync(this.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      this.reset();
      this.events.deleted(this.threadId);
      op.resolve();
    } catch (error) {
      op.reject(error);
    }
  }

  private catchUp(fd: number): void {
    const stat = fs.fstatSync(fd);
    if (this.seen && sameIdentity(this.seen, stat)) return;
    if (this.seen && (stat.ino !== this.seen.ino || stat.size < this.end || !this.headerMatches(fd))) this.reset();
    if (stat.size > this.end) this.readRecords(fd, this.end, stat.size);
    this.seen = identityOf(stat);
  }

  /** Applies the whole lines in [from, to); stops at the first bad one with a CorruptLogError. */
  private readRecords(fd: number, from: number, to: number): void {
    const chunk = readRange(fd, from, to);
    const parsed = parseLines(this.file, chunk, from);
    for (const { offset, length, record } of parsed.records) {
      try {
        this.apply(record, offset);
      } catch (error) {
        this.end = offset;
        throw error instanceof CorruptLogError ? error : new CorruptLogError(this.file, offset, (error as Error).message);
      }
      if (record.type === "thread") this.header = Buffer.from(chunk.subarray(offset - from, offset - from + length));
      this.end = offset + length;
    }
    this.end = parsed.end;
    if (parsed.error) throw parsed.error;
  }

  private apply(record: LogRecord, offset: number): void {
    if (record.type === "thread") {
      if (offset !== 0) throw new Error("a second thread header inside the log");
      if (record.thread_id !== this.threadId) {
        throw new Error(`the file belongs to thread ${JSON.stringify(record.thread_id)}, not ${JSON.stringify(this.threadId)}`);
      }
      return;
    }
    if (!this.header) throw new Error("the first line is not the thread header");
    if (record.type === "checkpoint") this.timeline(record.ns).applyCheckpoint(record);
    else this.timeline(record.ns).applyWrites(record);
  }

  private headerMatches(fd: number): boolean {
    return !this.header || readRange(fd, 0, this.header.length).equals(this.header);
  }

  private reset(): void {
    this.namespaces.clear();
    this.end = 0;
    this.header = undefined;
    this.seen = undefined;
  }

  private heads(): Record<string, string> {
    const heads: Record<string, string> = {};
    for (const [ns, timeline] of this.namespaces) if (timeline.latestId) heads[ns] = timeline.latestId;
    return heads;
  }
}

function identityOf(stat: fs.Stats): FileIdentity {
  return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameIdentity(a: FileIdentity, b: fs.Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Makes a new file's name survive power loss (not possible on every platform: best effort). */
function syncDirectory(directory: string): void {
  try {
    const fd = fs.openSync(directory, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open directories
  }
}
