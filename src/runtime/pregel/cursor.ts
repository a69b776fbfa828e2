/**
 * Where a run stands in its thread: the current checkpoint, the config that addresses it, its
 * metadata and its pending writes. It is the only place a run saves anything, so the rules of
 * saving live here: a checkpoint is copied before it is changed (the saved one may be shared), the
 * step number advances with each save, and a saver gets only the channel versions that changed.
 */
import {
  ChannelVersions,
  Checkpoint,
  CheckpointConfig,
  CheckpointMetadata,
  CheckpointPendingWrite,
  CheckpointSource,
  CheckpointTuple,
} from "../checkpoint/types";
import { RunConfig } from "../types";
import { copyCheckpoint } from "./apply-writes";
import { Engine, emptyCheckpoint } from "./engine";
import { checkpointId } from "./ids";

export class ThreadCursor {
  checkpoint: Checkpoint;
  config: CheckpointConfig;
  metadata: CheckpointMetadata;
  pendingWrites: CheckpointPendingWrite[];
  parentConfig?: CheckpointConfig;
  /** The step the next checkpoint will have. */
  step: number;
  /** The step the run started at, before anything was saved (the recursion limit counts from it). */
  readonly firstStep: number;
  /** True until the first save of a thread that had no checkpoint. */
  readonly fresh: boolean;
  private editable = false;
  private saves = 0;
  private readonly inheritedParents: Record<string, string>;
  private savedVersions: ChannelVersions;

  constructor(
    private readonly engine: Engine,
    private readonly runConfig: RunConfig,
    tuple: CheckpointTuple | undefined,
  ) {
    this.fresh = tuple === undefined;
    this.checkpoint = tuple?.checkpoint ?? emptyCheckpoint(engine);
    this.config = tuple?.config ?? runConfig;
    this.metadata = tuple?.metadata ?? { source: "input", step: -2, parents: {} };
    this.pendingWrites = [...(tuple?.pendingWrites ?? [])];
    this.parentConfig = tuple?.parentConfig;
    this.step = this.metadata.step + 1;
    this.firstStep = this.step;
    this.inheritedParents = { ...this.metadata.parents };
    this.savedVersions = tuple ? this.checkpoint.channel_versions : {};
  }

  /** The checkpoint namespace: "" for a graph, `node:taskId` (joined by "|") for a subgraph in it. */
  get ns(): string {
    return String(this.runConfig.configurable?.checkpoint_ns ?? "");
  }

  /**
   * A subgraph's checkpoints name the checkpoint of each enclosing graph they ran under: the run's
   * map, or (for an edit of a subgraph's checkpoint) the one the edited checkpoint carries.
   */
  private parents(): Record<string, string> {
    const map = this.runConfig.configurable?.checkpoint_map as Record<string, string> | undefined;
    return { ...(map ?? this.inheritedParents) };
  }

  get threadId(): string | undefined {
    const id = this.runConfig.configurable?.thread_id;
    return id === undefined ? undefined : String(id);
  }

  /** The checkpoint, made safe to change in place. */
  edit(): Checkpoint {
    if (!this.editable) {
      this.checkpoint = copyCheckpoint(this.checkpoint);
      this.editable = true;
    }
    return this.checkpoint;
  }

  /** Saves the edited checkpoint as the next one, after `parent` (default: the current one). */
  async put(source: CheckpointSource, parent: CheckpointConfig | undefined = this.config, extra: Record<string, unknown> = {}): Promise<void> {
    const next = this.edit();
    next.id = checkpointId(this.step);
    next.ts = new Date().toISOString();
    this.metadata = { source, step: this.step, parents: this.parents(), ...extra };
    const parentId = this.fresh && this.saves === 0 ? undefined : parent?.configurable?.checkpoint_id;
    const address = { configurable: { thread_id: this.threadId, checkpoint_ns: this.ns, checkpoint_id: parentId } };
    const saver = this.engine.checkpointer;
    this.config = saver
      ? await saver.put(address, next, this.metadata, changedVersions(this.savedVersions, next.channel_versions))
      : { configurable: { thread_id: this.threadId, checkpoint_ns: this.ns, checkpoint_id: next.id } };
    this.parentConfig = parentId ? address : undefined;
    this.savedVersions = next.channel_versions;
    this.saves += 1;
    this.editable = false;
    this.pendingWrites = [];
    this.step += 1;
  }

  async putWrites(taskId: string, writes: Array<[string, unknown]>, taskPath: string): Promise<void> {
    for (const [channel, value] of writes) this.pendingWrites.push([taskId, channel, value]);
    await this.engine.checkpointer?.putWrites(this.config, writes, taskId, taskPath);
  }

  /** Drops a task's earlier write to one channel (a task's latest interrupt or error replaces it). */
  forget(taskId: string, channel: string): void {
    this.pendingWrites = this.pendingWrites.filter(([id, c]) => !(id === taskId && c === channel));
  }

  snapshotSource() {
    return { checkpoint: this.checkpoint, config: this.config, metadata: this.metadata, parentConfig: this.parentConfig, pendingWrites: this.pendingWrites };
  }

}

function changedVersions(previous: ChannelVersions, next: ChannelVersions): ChannelVersions {
  const changed: ChannelVersions = {};
  for (const channel in next) {
    if (previous[channel] !== next[channel]) changed[channel] = next[channel];
  }
  return changed;
}
