/**
 * The thread log: one JSON object per line, appended and never rewritten, so `less` shows a
 * thread's history top to bottom. The first line names the thread; then come `checkpoint` lines
 * (only what changed since the parent checkpoint) and `writes` lines (a task's pending writes).
 * Reading takes whole lines only: an unterminated last line is a write still in progress, or one a
 * crash tore; only a writer holding the thread's lock may cut it off. A whole line that is not a
 * valid record is corruption: reading stops with a CorruptLogError naming the file and byte offset.
 */
import * as fs from "node:fs";
import { ChannelVersions } from "../types";
import { jsonErrorByte } from "./json-error";

export interface HeaderRecord {
  type: "thread";
  format: string;
  thread_id: string;
  /** Tells a thread's file apart from a later file of the same thread (after deleteThread). */
  file_id: string;
  created_at: string;
}

/**
 * A value the parent checkpoint's pending writes already hold (a node wrote it, and the reducer put
 * that very object in the channel): stored once, in the writes line, and referred to here as
 * `at: [task id, index of the write in its task, index of the element when the write is a list]`.
 */
export interface WriteRef {
  $type: "write";
  at: [task: string, index: number, item?: number];
}

/** A list channel whose parent value's first `keep` items are kept, followed by `add`. */
export interface ListTail {
  keep: number;
  add: unknown[];
}

export interface CheckpointRecord {
  type: "checkpoint";
  /** The checkpoint namespace; absent for the root namespace "". */
  ns?: string;
  id: string;
  parent?: string;
  ts: string;
  /** The checkpoint format version; absent for 4, the current one. */
  v?: number;
  metadata: unknown;
  /** Channel versions that differ from the parent's (all of them when there is no parent). */
  versions: ChannelVersions;
  versions_dropped?: string[];
  /** `versions_seen` entries of nodes whose entry differs from the parent's. */
  seen: Record<string, ChannelVersions>;
  seen_dropped?: string[];
  /** Channels stored whole. */
  set?: Record<string, unknown>;
  /** List channels stored as a change of the parent's list. */
  tail?: Record<string, ListTail>;
  /** Channels that have a new version but no value. */
  unset?: string[];
  /** Checkpoint fields beyond the six standard ones. */
  extra?: Record<string, unknown>;
}

export interface WritesRecord {
  type: "writes";
  ns?: string;
  checkpoint: string;
  task: string;
  path: string;
  /** `[channel, value]` as given to `putWrites`; replaying them keeps LangGraph's rules for repeats. */
  writes: Array<[string, unknown]>;
}

export type LogRecord = HeaderRecord | CheckpointRecord | WritesRecord;

export interface PlacedRecord {
  offset: number;
  /** Bytes of the line, newline included. */
  length: number;
  record: LogRecord;
}

export class CorruptLogError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(
      `FileSaver cannot read ${file} at byte ${offset}: ${reason}. The file was left as it is; ` +
        `records before byte ${offset} are intact (see it with: tail -c +${offset + 1} '${file}' | head -c 300).`,
    );
    this.name = "CorruptLogError";
  }
}

/** The records on the whole lines of `chunk`, which starts at byte `start` of `file`. */
export interface ParsedChunk {
  records: PlacedRecord[];
  /** Offset just past the last whole line read (the bad line's offset when `error` is set). */
  end: number;
  error?: CorruptLogError;
}

/** The records on the whole lines of `chunk`, which starts at byte `start` of `file`. */
export function parseLines(file: string, chunk: Buffer, start: number): ParsedChunk {
  const records: PlacedRecord[] = [];
  // Decode once and walk the text and the bytes side by side: the k-th "\n" of the text is the
  // k-th newline byte (UTF-8 never uses that byte inside a character), which gives exact offsets.
  const text = chunk.toString("utf8", 0, chunk.lastIndexOf(10) + 1);
  let lineStart = 0;
  let charStart = 0;
  for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, lineStart)) {
    const charEnd = text.indexOf("\n", charStart);
    const line = text.slice(charStart, charEnd);
    if (line.trim() !== "") {
      try {
        records.push({ offset: start + lineStart, length: newline + 1 - lineStart, record: parseRecord(file, start + lineStart, line) });
      } catch (error) {
        return { records, end: start + lineStart, error: error as CorruptLogError };
      }
    }
    lineStart = newline + 1;
    charStart = charEnd + 1;
  }
  return { records, end: start + lineStart };
}

function parseRecord(file: string, offset: number, text: string): LogRecord {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const bad = offset + jsonErrorByte(text);
    throw new CorruptLogError(file, offset, `the line is not JSON (first bad byte: ${bad}; ${(error as Error).message})`);
  }
  const problem = recordProblem(record);
  if (problem) throw new CorruptLogError(file, offset, problem);
  return record as LogRecord;
}

function recordProblem(record: unknown): string | undefined {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return "not a FileSaver record (not an object)";
  const r = record as Record<string, unknown>;
  switch (r.type) {
    case "thread":
      return typeof r.thread_id === "string" && typeof r.file_id === "string" ? undefined : "thread record without thread_id/file_id";
    case "checkpoint":
      if (!optionalString(r.ns) || typeof r.id !== "string") return "checkpoint record without id";
      if (!isObject(r.versions) || !isObject(r.seen)) return "checkpoint record without versions/seen";
      return undefined;
    case "writes":
      if (!optionalString(r.ns) || typeof r.checkpoint !== "string" || typeof r.task !== "string") return "writes record without checkpoint/task";
      return Array.isArray(r.writes) ? undefined : "writes record without writes";
    default:
      return `unknown record type ${JSON.stringify(r.type)} (written by a newer FileSaver?)`;
  }
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads bytes [start, end) of an open file. */
export function readRange(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(end - start);
  let done = 0;
  while (done < buffer.length) {
    const read = fs.readSync(fd, buffer, done, buffer.length - done, start + done);
    if (read === 0) return buffer.subarray(0, done);
    done += read;
  }
  return buffer;
}

/** Appends `text` in one write call when the OS allows (the file is opened for appending); returns its bytes. */
export function appendText(fd: number, text: string): number {
  const buffer = Buffer.from(text, "utf8");
  let done = 0;
  while (done < buffer.length) done += fs.writeSync(fd, buffer, done, buffer.length - done);
  return buffer.length;
}

export function syncData(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));
}
