/**
 * The checkpoint saver contract. The shapes are LangGraph.js's `BaseCheckpointSaver` ones
 * (checkpoint `{v, id, ts, channel_values, channel_versions, versions_seen}`, tuples with
 * `pendingWrites` as `[taskId, channel, value]`), so any saver written for one engine works with
 * the other: our engine takes LangGraph's savers, and LangGraph takes ours. Nothing here does I/O.
 */

/** The part of a run config a saver reads and writes. */
export interface CheckpointConfig {
  configurable?: {
    thread_id?: string;
    checkpoint_id?: string;
    checkpoint_ns?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type ChannelVersion = number | string;
export type ChannelVersions = Record<string, ChannelVersion>;

export interface Checkpoint {
  v: number;
  id: string;
  ts: string;
  channel_values: Record<string, unknown>;
  channel_versions: ChannelVersions;
  /** For each node, the channel versions it had seen when it last ran. */
  versions_seen: Record<string, ChannelVersions>;
}

export type CheckpointSource = "input" | "loop" | "update" | "fork";

export interface CheckpointMetadata {
  source: CheckpointSource;
  step: number;
  parents: Record<string, string>;
  [key: string]: unknown;
}

/** A write a task made, as given to `putWrites`: `[channel, value]`. */
export type PendingWrite = [channel: string, value: unknown];
/** A write as a saver returns it: `[taskId, channel, value]`. */
export type CheckpointPendingWrite = [taskId: string, channel: string, value: unknown];

export interface CheckpointTuple {
  config: CheckpointConfig;
  checkpoint: Checkpoint;
  metadata?: CheckpointMetadata;
  parentConfig?: CheckpointConfig;
  pendingWrites?: CheckpointPendingWrite[];
}

export interface CheckpointListOptions {
  limit?: number;
  before?: CheckpointConfig;
  filter?: Record<string, unknown>;
}

export interface CheckpointSaver {
  getTuple(config: CheckpointConfig): Promise<CheckpointTuple | undefined>;
  list(config: CheckpointConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple>;
  put(
    config: CheckpointConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<CheckpointConfig>;
  putWrites(config: CheckpointConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void>;
  deleteThread(threadId: string): Promise<void>;
}

/**
 * Writes to these channels describe a task rather than state, and each task keeps only its latest
 * one (LangGraph's `WRITES_IDX_MAP`): a second `__interrupt__` replaces the first.
 */
export const SPECIAL_WRITE_INDEX: Readonly<Record<string, number>> = {
  __error__: -1,
  __scheduled__: -2,
  __interrupt__: -3,
  __resume__: -4,
};

/** The index a write is stored under inside its task: negative for special channels. */
export function writeIndex(channel: string, position: number): number {
  return SPECIAL_WRITE_INDEX[channel] ?? position;
}
