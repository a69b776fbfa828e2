/**
 * MemorySaver (alias InMemorySaver): checkpoints in a Map, for tests and short-lived runs. Unlike
 * LangGraph's, it does not serialize: a checkpoint shares the channel values of the step before it
 * where they did not change, so a step costs what it wrote, not the size of the whole state.
 * Node functions must therefore treat the state they receive as read-only (as LangGraph asks).
 */
import {
  ChannelVersions,
  Checkpoint,
  CheckpointConfig,
  CheckpointListOptions,
  CheckpointMetadata,
  CheckpointSaver,
  CheckpointTuple,
  PendingWrite,
} from "./types";
import { WriteSet } from "./writes";
import { matchesFilter, requireThreadId, tupleConfig } from "./config";

interface Saved {
  checkpoint: Checkpoint;
  metadata: CheckpointMetadata;
  parentId?: string;
}

/** One namespace of one thread: checkpoints by id, with the ids kept in ascending order. */
class Timeline {
  readonly byId = new Map<string, Saved>();
  readonly ids: string[] = [];
  readonly writes = new Map<string, WriteSet>();

  add(id: string, saved: Saved): void {
    if (!this.byId.has(id)) insertSorted(this.ids, id);
    this.byId.set(id, saved);
  }
}

export class MemorySaver implements CheckpointSaver {
  private readonly threads = new Map<string, Map<string, Timeline>>();

  async getTuple(config: CheckpointConfig): Promise<CheckpointTuple | undefined> {
    const threadId = config.configurable?.thread_id;
    const ns = config.configurable?.checkpoint_ns ?? "";
    const timeline = threadId === undefined ? undefined : this.threads.get(threadId)?.get(ns);
    if (!timeline || threadId === undefined) return undefined;
    const id = config.configurable?.checkpoint_id ?? timeline.ids[timeline.ids.length - 1];
    return id === undefined ? undefined : this.tuple(threadId, ns, timeline, id);
  }

  async *list(config: CheckpointConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const { before, filter } = options;
    let remaining = options.limit ?? Infinity;
    const wantedThread = config.configurable?.thread_id;
    const wantedNs = config.configurable?.checkpoint_ns;
    const wantedId = config.configurable?.checkpoint_id;
    const threadIds = wantedThread !== undefined ? [wantedThread] : [...this.threads.keys()];
    for (const threadId of threadIds) {
      for (const [ns, timeline] of this.threads.get(threadId) ?? []) {
        if (wantedNs !== undefined && ns !== wantedNs) continue;
        for (let i = timeline.ids.length - 1; i >= 0 && remaining > 0; i--) {
          const id = timeline.ids[i];
          if (wantedId && id !== wantedId) continue;
          if (before?.configurable?.checkpoint_id && id >= before.configurable.checkpoint_id) continue;
          if (!matchesFilter(timeline.byId.get(id)!.metadata, filter)) continue;
          remaining--;
          yield this.tuple(threadId, ns, timeline, id)!;
        }
      }
    }
  }

  async put(
    config: CheckpointConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    _newVersions: ChannelVersions,
  ): Promise<CheckpointConfig> {
    const threadId = requireThreadId(config, "put checkpoint");
    const ns = config.configurable?.checkpoint_ns ?? "";
    // A shallow copy: the engine never changes a checkpoint's inner objects once it has put it.
    const copy: Checkpoint = {
      ...checkpoint,
      channel_values: { ...checkpoint.channel_values },
      channel_versions: { ...checkpoint.channel_versions },
      versions_seen: { ...checkpoint.versions_seen },
    };
    const parentId = config.configurable?.checkpoint_id;
    this.timeline(threadId, ns).add(checkpoint.id, { checkpoint: copy, metadata: { ...metadata }, parentId });
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } };
  }

  async putWrites(config: CheckpointConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    const threadId = requireThreadId(config, "put writes");
    const checkpointId = config.configurable?.checkpoint_id;
    if (checkpointId === undefined) {
      throw new Error('Failed to put writes. The passed RunnableConfig is missing a required "checkpoint_id" field in its "configurable" property.');
    }
    const timeline = this.timeline(threadId, config.configurable?.checkpoint_ns ?? "");
    let set = timeline.writes.get(checkpointId);
    if (!set) timeline.writes.set(checkpointId, (set = new WriteSet()));
    set.add(writes, taskId, taskPath);
  }

  async deleteThread(threadId: string): Promise<void> {
    this.threads.delete(threadId);
  }

  private timeline(threadId: string, ns: string): Timeline {
    let namespaces = this.threads.get(threadId);
    if (!namespaces) this.threads.set(threadId, (namespaces = new Map()));
    let timeline = namespaces.get(ns);
    if (!timeline) namespaces.set(ns, (timeline = new Timeline()));
    return timeline;
  }

  private tuple(threadId: string, ns: string, timeline: Timeline, id: string): CheckpointTuple | undefined {
    const saved = timeline.byId.get(id);
    if (!saved) return undefined;
    return {
      config: tupleConfig(threadId, ns, id),
      checkpoint: saved.checkpoint,
      metadata: saved.metadata,
      pendingWrites: timeline.writes.get(id)?.ordered() ?? [],
      ...(saved.parentId !== undefined ? { parentConfig: tupleConfig(threadId, ns, saved.parentId) } : {}),
    };
  }
}

/** Ids are time-sortable and nearly always arrive in order, so this is almost always a push. */
function insertSorted(ids: string[], id: string): void {
  let i = ids.length;
  while (i > 0 && ids[i - 1] > id) i--;
  ids.splice(i, 0, id);
}
