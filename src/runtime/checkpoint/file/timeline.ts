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
import { ChannelVersions, CheckpointMetadata, CheckpointTuple } from "../types";
import { WriteSet } from "../writes";
import { matchesFilter, tupleConfig } from "../config";
import { Codec } from "./codec";
import { ListState } from "./list-state";
import { CheckpointRecord, WritesRecord } from "./log";

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
  private readonly stored = new Map<string, Map<string, ChannelState | null>>();

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
          : this.stored.get(channel)?.get(versionKey(version));
      if (state) channels.set(channel, state);
    }
    for (const [channel, encoded] of Object.entries(record.set ?? {})) {
      const value = this.codec.decode(encoded);
      const given = origins?.get(channel);
      channels.set(channel, Array.isArray(value) ? ListState.of(value, given ?? new Array(value.length)) : { kind: "plain", value });
    }
    for (const [channel, tail] of Object.entries(record.tail ?? {})) {
      const base = parent?.channels.get(channel);
      if (!(base instanceof ListState)) throw new Error(`channel "${channel}" is stored as a change of a list its parent checkpoint does not have`);
      const add = this.codec.decode(tail.add) as unknown[];
      channels.set(channel, base.withTail(tail.keep, add, origins?.get(channel) ?? new Array(add.length)));
    }
    for (const channel of own) {
      if (hasOwn(versions, channel)) this.remember(channel, versions[channel], channels.get(channel) ?? null);
    }
    const saved: SavedCheckpoint = {
      id: record.id,
      ts: record.ts,
      v: record.v,
      metadata: this.codec.decode(record.metadata) as CheckpointMetadata,
      versions,
      seen,
      channels,
    };
    if (record.parent !== undefined) saved.parentId = record.parent;
    if (record.extra) saved.extra = this.codec.decode(record.extra) as Record<string, unknown>;
    if (!this.byId.has(record.id)) insertSorted(this.ids, record.id);
    this.byId.set(record.id, saved);
  }

  /** Applies a writes record (values decoded in place); returns how many writes were new. */
  applyWrites(record: WritesRecord): number {
    let set = this.writes.get(record.checkpoint);
    if (!set) this.writes.set(record.checkpoint, (set = new WriteSet()));
    const writes = record.writes.map(([channel, value]): [string, unknown] => [channel, this.codec.decode(value)]);
    return set.add(writes, record.task, record.path).length;
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

  private remember(channel: string, version: ChannelVersions[string], state: ChannelState | null): void {
    let byVersion = this.stored.get(channel);
    if (!byVersion) this.stored.set(channel, (byVersion = new Map()));
    byVersion.set(versionKey(version), state);
  }
}

function versionKey(version: ChannelVersions[string]): string {
  return `${typeof version}:${version}`;
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
