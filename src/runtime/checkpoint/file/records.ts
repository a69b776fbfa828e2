/**
 * Turns a `put` or `putWrites` call into a log record holding only what changed. A checkpoint
 * record stores the channels named in `newVersions` (LangGraph's contract: the others did not
 * change); a list channel whose parent value is a prefix of the new one (same objects, or same
 * JSON) stores just the items after the prefix, so a chat thread that grew by one message stores
 * that message, and if that message is the very object a node wrote in the parent's pending
 * writes, only a reference to that write (the message is then on disk once). Channel versions and
 * `versions_seen` are stored as differences from the parent. Values are encoded here, so a value
 * that cannot be stored fails the call naming its channel.
 */
import { ChannelVersions, Checkpoint, CheckpointMetadata, PendingWrite } from "../types";
import { Codec } from "./codec";
import { ListState } from "./list-state";
import { CheckpointRecord, ListTail, WritesRecord } from "./log";
import { Timeline, hasOwn, setOwn } from "./timeline";

export interface PutRequest {
  ns: string;
  parentId?: string;
  checkpoint: Checkpoint;
  metadata: CheckpointMetadata;
  newVersions: ChannelVersions;
}

export interface WritesRequest {
  ns: string;
  checkpointId: string;
  taskId: string;
  taskPath: string;
  writes: PendingWrite[];
}

const STANDARD_FIELDS = new Set(["v", "id", "ts", "channel_values", "channel_versions", "versions_seen"]);

/** The record for a put, and for each list channel the caller's items it holds (see ListState). */
export function checkpointRecord(timeline: Timeline, codec: Codec, put: PutRequest): { record: CheckpointRecord; origins: Map<string, unknown[]> } {
  const { checkpoint } = put;
  const parent = put.parentId === undefined ? undefined : timeline.byId.get(put.parentId);
  const versions = difference(parent?.versions, checkpoint.channel_versions ?? {}, (a, b) => a === b);
  const seen = difference(parent?.seen, checkpoint.versions_seen ?? {}, sameVersions);
  const record: CheckpointRecord = {
    type: "checkpoint",
    ...(put.ns !== "" ? { ns: put.ns } : {}),
    id: checkpoint.id,
    ...(put.parentId !== undefined ? { parent: put.parentId } : {}),
    ts: checkpoint.ts,
    ...(checkpoint.v !== 4 ? { v: checkpoint.v } : {}),
    metadata: codec.encode(put.metadata, "metadata"),
    versions: versions.changed,
    ...(versions.dropped.length > 0 ? { versions_dropped: versions.dropped } : {}),
    seen: seen.changed,
    ...(seen.dropped.length > 0 ? { seen_dropped: seen.dropped } : {}),
  };
  const origins = new Map<string, unknown[]>();
  const values = checkpoint.channel_values ?? {};
  const set: Record<string, unknown> = {};
  const tail: Record<string, ListTail> = {};
  const unset: string[] = [];
  for (const channel of Object.keys(put.newVersions)) {
    if (!hasOwn(values, channel)) {
      unset.push(channel);
      continue;
    }
    const value = values[channel];
    const base = parent?.channels.get(channel);
    const keep = isPlainArray(value) && base instanceof ListState ? base.commonPrefix(value, (a, b) => sameJson(codec, a, b)) : -1;
    if (keep > 0 || (keep === 0 && (base as ListState).length === 0)) {
      const list = value as unknown[];
      const add = list.slice(keep).map((item, i) => timeline.writeRef(put.parentId, item) ?? codec.encode(item, `channel "${channel}"[${keep + i}]`));
      setOwn(tail, channel, { keep, add });
      origins.set(channel, list.slice(keep));
    } else {
      setOwn(set, channel, timeline.writeRef(put.parentId, value) ?? codec.encode(value, `channel "${channel}"`));
      if (isPlainArray(value)) origins.set(channel, (value as unknown[]).slice());
    }
  }
  if (Object.keys(set).length > 0) record.set = set;
  if (Object.keys(tail).length > 0) record.tail = tail;
  if (unset.length > 0) record.unset = unset;
  const extra = extraFields(checkpoint, codec);
  if (extra) record.extra = extra;
  return { record, origins };
}

export function writesRecord(codec: Codec, request: WritesRequest): WritesRecord {
  return {
    type: "writes",
    ...(request.ns !== "" ? { ns: request.ns } : {}),
    checkpoint: request.checkpointId,
    task: request.taskId,
    path: request.taskPath,
    writes: request.writes.map(([channel, value], i) => [channel, codec.encode(value, `write ${i} to channel "${channel}"`)]),
  };
}

function extraFields(checkpoint: Checkpoint, codec: Codec): Record<string, unknown> | undefined {
  const keys = Object.keys(checkpoint).filter((key) => !STANDARD_FIELDS.has(key));
  if (keys.length === 0) return undefined;
  const extra: Record<string, unknown> = {};
  for (const key of keys) setOwn(extra, key, codec.encode((checkpoint as unknown as Record<string, unknown>)[key], `checkpoint field "${key}"`));
  return extra;
}

/** What to store of `next` given `base`: every entry when there is no base. */
function difference<T>(base: Record<string, T> | undefined, next: Record<string, T>, same: (a: T, b: T) => boolean) {
  const changed: Record<string, T> = {};
  for (const key of Object.keys(next)) {
    if (!base || !hasOwn(base, key) || !same(base[key], next[key])) setOwn(changed, key, next[key]);
  }
  const dropped = base ? Object.keys(base).filter((key) => !hasOwn(next, key)) : [];
  return { changed, dropped };
}

function sameVersions(a: ChannelVersions, b: ChannelVersions): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && a[key] === b[key]);
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

function sameJson(codec: Codec, a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(codec.encode(a, "")) === JSON.stringify(codec.encode(b, ""));
  } catch {
    return false;
  }
}
