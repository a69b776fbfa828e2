/**
 * Writing one thread's log. Writes queue up and are appended in batches under the thread's lock:
 * catch up with the file, cut off a tail a crash tore, build each record against the current
 * history (thread-history.ts), append the batch in one write, and resolve the callers' promises
 * once it is in the file (a put that returned survives `kill -9`), after an fsync too when asked
 * for ("always"), or with the fsync following in the background ("background", the default). A
 * record is built in the same synchronous stretch as the `put` call whenever the lock is free, so
 * later changes to the caller's objects cannot leak into it.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Codec } from "./codec";
import { FileLock } from "./lock";
import { appendText, syncData } from "./log";
import { FORMAT } from "./names";
import { FILE_MODE, makePrivateFolder } from "./private-files";
import { ThreadHistory } from "./thread-history";

export type FsyncMode = "always" | "background" | "never";

/** The longest a background fsync waits behind another, when a thread is written continuously. */
const BACKGROUND_SYNC_PAUSE_MS = 10;

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

export class ThreadFile {
  readonly history: ThreadHistory;
  private fd: number | undefined;
  private readonly queue: Op[] = [];
  private flushing = false;
  /** The background fsync in flight, and whether more was appended since it started. */
  private syncing?: Promise<void>;
  private syncAgain = false;
  private syncError?: unknown;

  constructor(
    readonly threadId: string,
    readonly file: string,
    private readonly lock: FileLock,
    codec: Codec,
    private readonly fsync: FsyncMode,
    private readonly events: ThreadFileEvents,
  ) {
    this.history = new ThreadHistory(threadId, file, codec);
  }

  append(build: () => string | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ build, resolve, reject });
      void this.flush();
    });
  }

  delete(): Promise<void> {
    if (this.queue.length === 0 && !this.flushing && this.fd === undefined && !fs.existsSync(this.file)) {
      this.history.reset(); // nothing to delete: no need for the lock (nor to create the store)
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      void this.flush();
    });
  }

  /** Gives the lock file back now rather than after its linger time. */
  releaseLock(): void {
    this.lock.releaseFile();
  }

  /** Resolves once everything queued so far is written (and flushed to disk unless fsync is "never"). */
  async idle(): Promise<void> {
    while (this.flushing) await new Promise((resolve) => setImmediate(resolve));
    await this.settled();
  }

  private async settled(): Promise<void> {
    while (this.syncing) await this.syncing;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        if (!this.lock.tryAcquire()) await this.lock.acquire();
        try {
          if (this.queue[0].build) await this.writeBatch(this.takeAppends());
          else {
            await this.settled();
            this.removeFile(this.queue.shift()!);
          }
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
        this.lock.wroteAs(this);
        this.history.appended(appendText(this.fd!, texts.join("")));
        if (this.fsync === "always") await syncData(this.fd!);
        if (this.fsync === "background") this.syncSoon();
      }
    } catch (error) {
      this.lock.wroteAs({}); // check the file again before the next append
      this.history.reset(); // the history in memory is ahead of the file: read it again next time
      for (const op of built) op.reject(error);
      return;
    }
    if (texts.length > 0 || createdAt) this.events.appended(this.threadId, this.history.heads(), createdAt);
    for (const op of built) op.resolve();
  }

  /**
   * Starts an fsync unless one runs; if one runs, another follows it (so it covers this append),
   * after a short pause: a thread written step after step then costs one flush per pause, not one
   * per step, and a crash of the machine can lose at most the last pause and flush.
   */
  private syncSoon(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    const fd = this.fd!;
    this.syncing = syncData(fd)
      .catch((error) => {
        this.syncError = error;
      })
      .then(() => (this.syncAgain ? new Promise<void>((resolve) => setTimeout(resolve, BACKGROUND_SYNC_PAUSE_MS)) : undefined))
      .finally(() => {
        this.syncing = undefined;
        if (this.syncAgain && this.fd === fd) {
          this.syncAgain = false;
          this.syncSoon();
        }
      });
  }

  /** Makes the file ready for appending under the lock; returns the creation time if it created it. */
  private prepareAppend(): string | undefined {
    if (this.syncError) {
      const error = this.syncError;
      this.syncError = undefined;
      throw new Error(`FileSaver could not flush ${this.file} to disk: ${(error as Error).message}`);
    }
    if (this.fd !== undefined && this.lock.untouchedSince(this)) return undefined; // still exactly as we left it
    let stat = this.fd === undefined ? undefined : fs.fstatSync(this.fd);
    if (stat && stat.nlink === 0) {
      // Another process deleted the file (deleteThread): write to a new one.
      fs.closeSync(this.fd!);
      this.fd = stat = undefined;
    }
    if (this.fd === undefined) {
      makePrivateFolder(path.dirname(this.file));
      this.fd = fs.openSync(this.file, "a+", FILE_MODE);
    }
    this.history.catchUp(this.fd, stat);
    if (this.history.size > this.history.end) {
      // Bytes after the last whole line, while we hold the lock: a crash tore that record.
      fs.ftruncateSync(this.fd, this.history.end);
      this.history.truncated(this.fd);
    }
    return this.history.end === 0 ? this.writeHeader() : undefined;
  }

  private writeHeader(): string {
    const createdAt = new Date().toISOString();
    const header = { type: "thread", format: FORMAT, thread_id: this.threadId, file_id: randomUUID(), created_at: createdAt };
    const text = `${JSON.stringify(header)}\n`;
    this.history.appended(appendText(this.fd!, text), Buffer.from(text, "utf8"));
    if (this.fsync !== "never") {
      fs.fdatasyncSync(this.fd!);
      syncDirectory(path.dirname(this.file));
    }
    return createdAt;
  }

  private removeFile(op: Op): void {
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
      this.fd = undefined;
      this.lock.wroteAs(this); // other writers of this process must look at the file again
      try {
        fs.unlinkSync(this.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      this.history.reset();
      this.events.deleted(this.threadId);
      op.resolve();
    } catch (error) {
      op.reject(error);
    }
  }
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
