/**
 * A thread's checkpoints as summaries, read from its log without rebuilding a single checkpoint:
 * ids, parents, times, the metadata's source, step and parents, and which nodes wrote each one.
 * That is all a list of checkpoints shows (the Checkpoints view, the panel's timeline), and it costs
 * a fraction of a full read: `writes` lines are skipped unparsed and no value is ever decoded, so
 * no class is revived and no module of the program is loaded (a process that must never run user
 * code can read a store this way). It catches up with the log incrementally, in chunks of bounded
 * size, and serves pages: the newest checkpoints of a namespace first, older ones on demand.
 */
import * as fs from "node:fs";
import { CorruptLogError, readRange } from "./log";

export interface CheckpointSummary {
  id: string;
  /** The checkpoint namespace: "" for the root graph. */
  ns: string;
  parentId?: string;
  ts: string;
  source: string;
  step: number;
  /** For a subgraph's checkpoint: the checkpoint of each enclosing graph it ran under, by namespace. */
  parents?: Record<string, string>;
  /** The metadata's `writes` keys when it has them, else the nodes whose `versions_seen` moved. */
  writers: string[];
}

export interface SummaryPageOptions {
  /** The namespace paged through (default "", the root graph). */
  checkpointNs?: string;
  /** At most this many checkpoints of that namespace (default: all). */
  limit?: number;
  /** Only checkpoints older than this id (ids sort by time). */
  before?: string;
  /** Also the checkpoints of the subgraph runs that ran under the page's checkpoints. */
  subgraphs?: boolean;
}

export interface SummaryPage {
  /** The namespace's checkpoints newest first, then (with `subgraphs`) each inner namespace's, newest first. */
  checkpoints: CheckpointSummary[];
  /** Whether the namespace has older checkpoints than the page. */
  more: boolean;
}

const CHUNK_BYTES = 4 * 1024 * 1024;
/** How a `writes` line starts (records are written by JSON.stringify, `type` first): skipped unparsed. */
const WRITES_PREFIX = Buffer.from('{"type":"writes"');

interface Namespace {
  byId: Map<string, CheckpointSummary>;
  /** Ascending, as FileSaver lists them (newest first is the reverse). */
  ids: string[];
}

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export class CheckpointIndex {
  private readonly namespaces = new Map<string, Namespace>();
  private applied = 0;
  private header?: Buffer;
  private seen?: FileIdentity;

  constructor(
    readonly threadId: string,
    readonly file: string,
  ) {}

  /** Catches up with the log: reads only what was appended; starts over if the file was replaced. */
  refresh(): void {
    const stat = fs.statSync(this.file, { throwIfNoEntry: false });
    if (!stat) return this.reset(); // deleted (deleteThread): nothing until it is written again
    if (this.seen && this.seen.ino === stat.ino && this.seen.size === stat.size && this.seen.mtimeMs === stat.mtimeMs) return;
    const fd = fs.openSync(this.file, "r");
    try {
      if (this.seen && (stat.ino !== this.seen.ino || stat.size < this.applied || !this.headerMatches(fd))) this.reset();
      this.readFrom(fd, stat.size);
      this.seen = { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** One page of the namespace's checkpoints (see SummaryPageOptions). */
  page(options: SummaryPageOptions = {}): SummaryPage {
    const ns = options.checkpointNs ?? "";
    const own = this.namespaces.get(ns);
    const older = own ? newestFirst(own, options.before) : [];
    const limit = options.limit ?? Infinity;
    const checkpoints = older.slice(0, limit);
    const page: SummaryPage = { checkpoints, more: older.length > checkpoints.length };
    if (options.subgraphs) checkpoints.push(...this.runsUnder(ns, new Set(checkpoints.map((c) => c.id)), options.before === undefined));
    return page;
  }

  /** The namespaces with checkpoints, sorted. */
  private namespaceNames(): string[] {
    return [...this.namespaces.keys()].sort();
  }

  /**
   * The checkpoints of the subgraph runs below `ns` that ran under one of `anchors`. A run whose
   * enclosing checkpoint is not in the namespace at all goes with the first page, which is always
   * read, so it is shown somewhere.
   */
  private runsUnder(ns: string, anchors: Set<string>, firstPage: boolean): CheckpointSummary[] {
    const own = this.namespaces.get(ns);
    const found: CheckpointSummary[] = [];
    for (const name of this.namespaceNames()) {
      if (name === ns || !(ns === "" || name.startsWith(`${ns}|`))) continue;
      for (const summary of newestFirst(this.namespaces.get(name)!)) {
        const anchor = summary.parents?.[ns];
        const lost = anchor === undefined || !own?.byId.has(anchor);
        if ((anchor !== undefined && anchors.has(anchor)) || (firstPage && lost)) found.push(summary);
      }
    }
    return found;
  }

  private reset(): void {
    this.namespaces.clear();
    this.applied = 0;
    this.header = undefined;
    this.seen = undefined;
  }

  private headerMatches(fd: number): boolean {
    return !this.header || readRange(fd, 0, this.header.length).equals(this.header);
  }

  /** Applies the whole lines from `applied` to `size`, a chunk at a time (a longer line widens the chunk). */
  private readFrom(fd: number, size: number): void {
    let chunkBytes = CHUNK_BYTES;
    while (this.applied < size) {
      const chunk = readRange(fd, this.applied, Math.min(size, this.applied + chunkBytes));
      const last = chunk.lastIndexOf(10);
      if (last === -1) {
        if (this.applied + chunk.length >= size) return; // an unterminated last line: a write in progress
        chunkBytes *= 2;
        continue;
      }
      this.applyLines(chunk.subarray(0, last + 1));
    }
  }

  private applyLines(lines: Buffer): void {
    let start = 0;
    for (let newline = lines.indexOf(10); newline !== -1; newline = lines.indexOf(10, start)) {
      const line = lines.subarray(start, newline);
      const offset = this.applied;
      if (line.length > 0 && !startsWith(line, WRITES_PREFIX)) this.applyLine(line, offset);
      this.applied = offset + newline + 1 - start;
      start = newline + 1;
    }
  }

  private applyLine(line: Buffer, offset: number): void {
    const text = line.toString("utf8");
    if (text.trim() === "") return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new CorruptLogError(this.file, offset, `the line is not JSON (${(error as Error).message})`);
    }
    if (record.type === "thread") return this.applyHeader(record, line, offset);
    if (!this.header) throw new CorruptLogError(this.file, offset, "the first line is not the thread header");
    if (record.type !== "checkpoint") return;
    if (typeof record.id !== "string") throw new CorruptLogError(this.file, offset, "checkpoint record without id");
    this.add(summarize(record));
  }

  private applyHeader(record: Record<string, unknown>, line: Buffer, offset: number): void {
    if (offset !== 0) throw new CorruptLogError(this.file, offset, "a second thread header inside the log");
    if (record.thread_id !== this.threadId) {
      throw new CorruptLogError(this.file, offset, `the file belongs to thread ${JSON.stringify(record.thread_id)}, not ${JSON.stringify(this.threadId)}`);
    }
    this.header = Buffer.concat([line, Buffer.from("\n")]);
  }

  private add(summary: CheckpointSummary): void {
    let ns = this.namespaces.get(summary.ns);
    if (!ns) this.namespaces.set(summary.ns, (ns = { byId: new Map(), ids: [] }));
    if (!ns.byId.has(summary.id)) insertSorted(ns.ids, summary.id);
    ns.byId.set(summary.id, summary);
  }
}

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return line.length >= prefix.length && line.subarray(0, prefix.length).equals(prefix);
}

function newestFirst(ns: Namespace, before?: string): CheckpointSummary[] {
  const out: CheckpointSummary[] = [];
  for (let i = ns.ids.length - 1; i >= 0; i--) {
    if (before === undefined || ns.ids[i] < before) out.push(ns.byId.get(ns.ids[i])!);
  }
  return out;
}

/** A checkpoint line's summary: metadata read as stored (never decoded), writers from its `seen` changes. */
function summarize(record: Record<string, unknown>): CheckpointSummary {
  const metadata = plainObject(record.metadata) ?? {};
  const source = typeof metadata.source === "string" ? metadata.source : "loop";
  const parents = stringFields(plainObject(metadata.parents));
  const summary: CheckpointSummary = {
    id: record.id as string,
    ns: typeof record.ns === "string" ? record.ns : "",
    ts: typeof record.ts === "string" ? record.ts : "",
    source,
    step: storedNumber(metadata.step) ?? 0,
    writers: writersOf(source, metadata, plainObject(record.seen) ?? {}),
  };
  if (typeof record.parent === "string") summary.parentId = record.parent;
  if (parents) summary.parents = parents;
  return summary;
}

/**
 * Who wrote a checkpoint, as the runner tells it from full checkpoints: the metadata's `writes`
 * keys, else the nodes whose `versions_seen` entry moved since the parent. A record stores exactly
 * the entries that differ from its parent's, so those are its keys (a node first seen with nothing
 * seen has not moved).
 */
function writersOf(source: string, metadata: Record<string, unknown>, seen: Record<string, unknown>): string[] {
  const writes = plainObject(metadata.writes);
  if (writes) return Object.keys(writes);
  if (source === "fork") return [];
  const moved = Object.keys(seen).filter((node) => node !== "__interrupt__" && !isEmptyObject(seen[node]));
  if (moved.length > 0) return moved;
  return source === "input" ? ["__input__"] : [source];
}

const TAG = "$type";

/** An object as the codec stores a plain one (wrapped when it has its own `$type` key); else undefined. */
function plainObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(object, TAG)) return object;
  return object[TAG] === "Object" || object[TAG] === "NullPrototypeObject" ? plainObject(object.value) : undefined;
}

function stringFields(object: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!object) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    // defineProperty: a key named `__proto__` stays a key
    if (typeof value === "string") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A number as the codec stores it (plain, or tagged when JSON cannot hold it). */
function storedNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  const tagged = value as { [TAG]?: unknown; value?: unknown } | null;
  return typeof tagged === "object" && tagged?.[TAG] === "number" ? Number(tagged.value) : undefined;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

function insertSorted(ids: string[], id: string): void {
  let i = ids.length;
  while (i > 0 && ids[i - 1] > id) i--;
  ids.splice(i, 0, id);
}
