/**
 * The thinnest LangGraph `BaseCheckpointSaver` around our FileSaver, for the places that demand
 * the class itself (the types of LangGraph's conformance suite). Every method forwards to
 * FileSaver unchanged; the shapes are the same, only the TypeScript types differ. It lives in the
 * tests because the runtime must not depend on @langchain packages.
 */
import { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Checkpoint, CheckpointListOptions, CheckpointMetadata, CheckpointTuple, PendingWrite } from "@langchain/langgraph-checkpoint";
import type { RunnableConfig } from "@langchain/core/runnables";
import { FileSaver } from "../../src/runtime/checkpoint/file";
import type * as ours from "../../src/runtime/checkpoint/types";

export class LangGraphFileSaver extends BaseCheckpointSaver {
  constructor(readonly inner: FileSaver) {
    super();
  }

  override getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    return this.inner.getTuple(config as ours.CheckpointConfig) as Promise<CheckpointTuple | undefined>;
  }

  override list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    return this.inner.list(config as ours.CheckpointConfig, options as ours.CheckpointListOptions) as AsyncGenerator<CheckpointTuple>;
  }

  override put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: Record<string, number>): Promise<RunnableConfig> {
    return this.inner.put(config as ours.CheckpointConfig, checkpoint as ours.Checkpoint, metadata as ours.CheckpointMetadata, newVersions);
  }

  override putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    return this.inner.putWrites(config as ours.CheckpointConfig, writes, taskId, taskPath);
  }

  override deleteThread(threadId: string): Promise<void> {
    return this.inner.deleteThread(threadId);
  }

  override getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }
}
