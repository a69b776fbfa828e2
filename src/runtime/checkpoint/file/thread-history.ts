/**
 * The in-memory history of one thread, kept in step with its log file. Catching up costs a `stat`
 * when nothing changed; when another process appended, only the new whole lines are read and
 * applied, so reads after writes stay cheap and other processes' commits are still seen. A file
 * that was deleted, or replaced by a new file of the same thread (told apart by its first line),
 * is read again from the start. A bad line stops reading with a CorruptLogError at its offset;
 * what came before stays applied.
 */
import * as fs from "node:fs";
import { Codec } from "./codec";
import { CorruptLogError, LogRecord, parseLines, readRange } from "./log";
import { Timeline } from "./timeline";

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export class ThreadHistory {
  private readonly namespaces = new Map<string, Timeline>();
  private seen?: FileIdentity;
  /** Bytes of whole lines applied so far. */
  private applied = 0;
  private header?: Buffer;

  constructor(
    readonly threadId: string,
    readonly file: string,
    private readonly codec: Codec,
  ) {}

  timeline(ns: string): Timeline {
    let timeline = this.namespaces.get(ns);
    if (!timeline) this.namespaces.set(ns, (timeline = new Timeline(this.codec)));
    return timeline;
  }

  get timelines(): ReadonlyMap<string, Timeline> {
    return this.namespaces;
  }

  /** Offset just past the last whole line applied. */
  get end(): number {
    return this.applied;
  }

  /** The file's size when last looked at (more than `end` if its last line is unterminated). */
  get size(): number {
    return this.seen?.size ?? 0;
  }

  /** Catches up with what other processes appended (or notices the file is gone). */
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

  /** Catches up through an open descriptor of the file (the writer's), given its fresh fstat if at hand. */
  catchUp(fd: number, stat: fs.Stats = fs.fstatSync(fd)): void {
    if (this.seen && sameIdentity(this.seen, stat)) return;
    if (this.seen && (stat.ino !== this.seen.ino || stat.size < this.applied || !this.headerMatches(fd))) this.reset();
    if (stat.size > this.applied) this.readRecords(fd, this.applied, stat.size);
    this.seen = identityOf(stat);
  }

  /**
   * Records that this process appended `bytes` of whole lines (already applied in memory). The
   * file's new modification time is not asked for (a syscall per append): the next read compares
   * it once, finds the file as expected, and remembers it.
   */
  appended(bytes: number, header?: Buffer): void {
    if (header) this.header = header;
    this.applied += bytes;
    if (this.seen) this.seen = { ino: this.seen.ino, size: this.seen.size + bytes, mtimeMs: NaN };
  }

  /** Records that the file was cut back to `end` (a torn last line removed). */
  truncated(fd: number): void {
    this.seen = identityOf(fs.fstatSync(fd));
  }

  /** Forgets everything: the next catch-up reads the file from the start. */
  reset(): void {
    this.namespaces.clear();
    this.applied = 0;
    this.header = undefined;
    this.seen = undefined;
  }

  /** The newest checkpoint id of each namespace. */
  heads(): Record<string, string> {
    const heads: Record<string, string> = {};
    for (const [ns, timeline] of this.namespaces) if (timeline.latestId) heads[ns] = timeline.latestId;
    return heads;
  }

  /** Applies the whole lines in [from, to); stops at the first bad one with a CorruptLogError. */
  private readRecords(fd: number, from: number, to: number): void {
    const chunk = readRange(fd, from, to);
    const parsed = parseLines(this.file, chunk, from);
    for (const { offset, length, record } of parsed.records) {
      try {
        this.apply(record, offset);
      } catch (error) {
        this.applied = offset;
        throw error instanceof CorruptLogError ? error : new CorruptLogError(this.file, offset, (error as Error).message);
      }
      if (record.type === "thread") this.header = Buffer.from(chunk.subarray(offset - from, offset - from + length));
      this.applied = offset + length;
    }
    this.applied = parsed.end;
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
    if (record.type === "checkpoint") this.timeline(record.ns ?? "").applyCheckpoint(record);
    else this.timeline(record.ns ?? "").applyWrites(record);
  }

  private headerMatches(fd: number): boolean {
    return !this.header || readRange(fd, 0, this.header.length).equals(this.header);
  }
}

function identityOf(stat: fs.Stats): FileIdentity {
  return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameIdentity(a: FileIdentity, b: fs.Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
