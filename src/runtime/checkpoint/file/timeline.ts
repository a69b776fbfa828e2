/**
 * One namespace of one thread, rebuilt in memory from its log records. A checkpoint record holds
 * only what changed; applying it resolves every channel at once, so reads never walk history:
 * a channel the record does not store has the parent's value when the parent has it at the same
 * version, or else the value last stored for that channel at that version (LangGraph's savers
 * address values by channel and version the same way, which is why a fork whose `newVersions`
 * are relative to another checkpoint than its parent still reads right). Applying records in file
 * order gives every process the same state, and it is the same code for records just written
 * and records read back.
 */
import { TASKS } from "../../constants";
import { ChannelVersion, ChannelVersions, CheckpointMetadata, CheckpointTuple, PendingWrite } from "../types";
import { WriteSet } from "../writes";
import { matchesFilter, tupleConfig } from "../config";
import { Codec } from "./codec";
import { ListState } from "./list-state";
import { CheckpointRecord, WriteRef, WritesRecord } from "./log";

const MAX_RECENT_WRITES = 2048;

export interface PlainState {
  kind: "plain";
  value: unknown;
}
export type ChannelState = PlainState | ListState;

export interface SavedCheckpoint {
  id: string;
  parentId?: string;
  ts: string;
  v: number;
  metadata: CheckpointMetadata;
  versions: ChannelVersions;
  seen: Record<string, ChannelVersions>;
  channels: Map<string, ChannelState>;
  extra?: Record<string, unknown>;
}

export class Timeline {
  readonly byId = new Map<string, SavedCheckpoint>();
  /** Checkpoint ids, ascending (ids sort by time). */
  readonly ids: string[] = [];
  readonly writes = new Map<string, WriteSet>();
  /** channel -> version -> the state stored for it there (null: stored as having no value). */
  private readonly stored = new Map<string, Map<ChannelVersion, ChannelState | null>>();
  /** checkpoint -> `task\0index` -> value of each ordinary write kept: what a WriteRef points at. */
  private readonly writeValues = new Map<string, Map<string, unknown>>();
  /**
   * The caller's objects in writes to checkpoints that have no child yet, so the child's put can
   * refer to them. Several, not one: LangGraph saves a step's writes without waiting for the puts,
   * which queue up behind (hundreds of steps behind, in a fast loop).
   */
  private readonly recentWrites = new Map<string, Map<unknown, WriteRef>>();

  constructor(private readonly codec: Codec) {}

  get latestId(): string | undefined {
    return this.ids[this.ids.length - 1];
  }

  /** Applies a record whose values are still encoded (they are decoded in place). */
  applyCheckpoint(record: CheckpointRecord, origins?: Map<string, unknown[]>): void {
    const parent = record.parent === undefined ? undefined : this.byId.get(record.parent);
    const versions = withChanges(parent?.versions, record.versions, record.versions_dropped);
    const seen = withChanges(parent?.seen, record.seen, record.seen_dropped);
    const channels = new Map<string, ChannelState>();
    const own = new Set([...Object.keys(record.set ?? {}), ...Object.keys(record.tail ?? {}), ...(record.unset ?? [])]);
    for (const channel of Object.keys(versions)) {
      if (own.has(channel)) continue;
      const version = versions[channel];
      const state =
        parent && hasOwn(parent.versions, channel) && parent.versions[channel] === version
          ? parent.channels.get(channel)
          : this.stored.get(channel)?.get(version);
      if (state) channels.set(channel, state);
    }
    for (const [channel, encoded] of Object.entries(record.set ?? {})) {
      const value = isWriteRef(encoded) ? copyList(this.resolve(record.parent, encoded)) : this.codec.decode(encoded);
      const given = origins?.get(channel);
      channels.set(channel, Array.isArray(value) ? ListState.of(value, given ?? new Array(value.length)) : { kind: "plain", value });
    }
    for (const [channel, tail] of Object.entries(record.tail ?? {})) {
      const base = parent?.channels.get(channel);
      if (!(base instanceof ListState)) throw new Error(`channel "${channel}" is stored as a change of a list its parent checkpoint does not have`);
      const add = tail.add.map((item) => (isWriteRef(item) ? this.resolve(record.parent, item) : this.codec.decode(item)));
      channels.set(channel, base.withTail(tail.keep, add, origins?.get(channel) ?? new Array(add.length)));
    }
    for (const channel of own) {
      if (hasOwn(versions, channel)) this.remember(channel, versions[channel], channels.get(channel) ?? null);
    }
    const saved: SavedCheckpoint = {
      id: record.id,
      ts: record.ts,
      v: record.v ?? 4,
      metadata: this.codec.decode(record.metadata) as CheckpointMetadata,
      versions,
      seen,
      channels,
    };
    if (record.parent !== undefined) saved.parentId = record.parent;
    if (record.extra) saved.extra = this.codec.decode(record.extra) as Record<string, unknown>;
    if (!this.byId.has(record.id)) insertSorted(this.ids, record.id);
    this.byId.set(record.id, saved);
    if (record.parent !== undefined) this.recentWrites.delete(record.parent); // its child is saved: done
  }

  /**
   * Applies a writes record (values decoded in place); returns how many writes were new. `given`
   * are the caller's writes when the record was just made from them (see `writeRef`).
   */
  applyWrites(record: WritesRecord, given?: PendingWrite[]): number {
    let set = this.writes.get(record.checkpoint);
    if (!set) this.writes.set(record.checkpoint, (set = new WriteSet()));
    const writes = record.writes.map(([channel, value]): [string, unknown] => [channel, this.codec.decode(value)]);
    const kept = set.add(writes, record.task, record.path ?? "");
    const refs = given ? this.recentRefs(record.checkpoint) : undefined;
    for (const write of kept) {
      // Only objects are referred to; interrupts, errors and resumes are not channel values.
      if (write.index < 0 || typeof write.value !== "object" || write.value === null) continue;
      let values = this.writeValues.get(record.checkpoint);
      if (!values) this.writeValues.set(record.checkpoint, (values = new Map()));
      values.set(`${record.task}\0${write.index}`, write.value);
      if (refs) noteGiven(refs, given![write.index][1], record.task, write.index);
    }
    return kept.length;
  }

  /** A reference to a write of checkpoint `parentId` that is this very object, if there is one. */
  writeRef(parentId: string | undefined, value: unknown): WriteRef | undefined {
    if (typeof value !== "object" || value === null || parentId === undefined) return undefined;
    return this.recentWrites.get(parentId)?.get(value);
  }

  private recentRefs(checkpointId: string): Map<unknown, WriteRef> {
    let refs = this.recentWrites.get(checkpointId);
    if (!refs) {
      this.recentWrites.set(checkpointId, (refs = new Map()));
      if (this.recentWrites.size > MAX_RECENT_WRITES) this.recentWrites.delete(this.recentWrites.keys().next().value!);
    }
    return refs;
  }

  private resolve(parentId: string | undefined, ref: WriteRef): unknown {
    const [task, index, item] = ref.at;
    const values = parentId === undefined ? undefined : this.writeValues.get(parentId);
    const key = `${task}\0${index}`;
    if (!values?.has(key)) throw new Error(`a value refers to write ${index} of task ${task}, which the parent checkpoint does not have`);
    const value = values.get(key);
    return item === undefined ? value : (value as unknown[])[item];
  }

  tuple(threadId: string, ns: string, id: string): CheckpointTuple | undefined {
    const saved = this.byId.get(id);
    if (!saved) return undefined;
    const channelValues: Record<string, unknown> = {};
    for (const [channel, state] of saved.channels) {
      setOwn(channelValues, channel, state instanceof ListState ? state.toArray() : state.value);
    }
    const checkpoint = {
      v: saved.v,
      id: saved.id,
      ts: saved.ts,
      channel_values: channelValues,
      channel_versions: { ...saved.versions },
      versions_seen: copySeen(saved.seen),
      ...saved.extra,
    };
    if (saved.v < 4 && saved.parentId !== undefined) this.migratePendingSends(checkpoint, saved.parentId);
    const tuple: CheckpointTuple = {
      config: tupleConfig(threadId, ns, id),
      checkpoint,
      metadata: saved.metadata,
      pendingWrites: this.writes.get(id)?.ordered() ?? [],
    };
    if (saved.parentId !== undefined) tuple.parentConfig = tupleConfig(threadId, ns, saved.parentId);
    return tuple;
  }

  /** Newest-first ids that pass `list`'s options (limit is applied by the caller). */
  *matching(beforeId: string | undefined, filter: Record<string, unknown> | undefined): Generator<string> {
    const ids = this.ids.slice(); // a put while the caller iterates must not shift what is left
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i];
      if (beforeId !== undefined && id >= beforeId) continue;
      if (matchesFilter(this.byId.get(id)!.metadata, filter)) yield id;
    }
  }

  /**
   * Checkpoints before format 4 kept the `Send`s of the step in their parent's `__pregel_tasks`
   * writes; LangGraph's savers move them into the channel when reading, and so do we.
   */
  private migratePendingSends(checkpoint: { channel_values: Record<string, unknown>; channel_versions: ChannelVersions }, parentId: string): void {
    const sends = (this.writes.get(parentId)?.ordered() ?? []).filter(([, channel]) => channel === TASKS).map(([, , value]) => value);
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_values[TASKS] = sends;
    checkpoint.channel_versions[TASKS] = versions.length > 0 ? versions.reduce((a, b) => (b > a ? b : a)) : 1;
  }

  private remember(channel: string, version: ChannelVersion, state: ChannelState | null): void {
    let byVersion = this.stored.get(channel);
    if (!byVersion) this.stored.set(channel, (byVersion = new Map()));
    byVersion.set(version, state); // a Map keeps 1 and "1" apart, as versions must be
  }
}

/** Remembers a written object (and the items of a written list) as the write they came in. */
function noteGiven(refs: Map<unknown, WriteRef>, value: unknown, task: string, index: number): void {
  if (typeof value !== "object" || value === null) return;
  if (!refs.has(value)) refs.set(value, { $type: "write", at: [task, index] });
  if (!Array.isArray(value)) return;
  value.forEach((item, i) => {
    if (typeof item === "object" && item !== null && !refs.has(item)) refs.set(item, { $type: "write", at: [task, index, i] });
  });
}

function isWriteRef(value: unknown): value is WriteRef {
  return typeof value === "object" && value !== null && (value as WriteRef).$type === "write" && Array.isArray((value as WriteRef).at);
}

/** A list taken from a write becomes a channel's own backing array (which grows): copy it. */
function copyList(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : value;
}

/** The parent's map with the record's changes: a fresh object, so records never share one. */
function withChanges<T>(base: Record<string, T> | undefined, changed: Record<string, T>, dropped: string[] = []): Record<string, T> {
  const out: Record<string, T> = {};
  if (base) for (const key of Object.keys(base)) if (!dropped.includes(key)) setOwn(out, key, base[key]);
  for (const key of Object.keys(changed)) setOwn(out, key, changed[key]);
  return out;
}

function copySeen(seen: Record<string, ChannelVersions>): Record<string, ChannelVersions> {
  const out: Record<string, ChannelVersions> = {};
  for (const node of Object.keys(seen)) setOwn(out, node, { ...seen[node] });
  return out;
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Sets a key even when it is `__proto__`. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

function insertSorted(ids: string[], id: string): void {
  let i = ids.length;
  while (i > 0 && ids[i - 1] > id) i--;
  ids.splice(i, 0, id);
}
