/**
 * Small helpers every saver shares: the config a tuple is addressed by, the thread-id check with
 * LangGraph's own message, and the metadata filter of `list`.
 */
import { CheckpointConfig } from "./types";

export function tupleConfig(threadId: string, ns: string, checkpointId: string): CheckpointConfig {
  return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpointId } };
}

export function requireThreadId(config: CheckpointConfig, action: "put checkpoint" | "put writes"): string {
  const threadId = config.configurable?.thread_id;
  if (threadId === undefined || threadId === null) {
    throw new Error(
      `Failed to ${action}. The passed RunnableConfig is missing a required "thread_id" field in its "configurable" property. ` +
        'When using a checkpointer, you must pass a "thread_id" so the checkpointer knows which conversation thread to persist state for. ' +
        'Example: graph.stream(input, { configurable: { thread_id: "my-thread-id" } })',
    );
  }
  return String(threadId);
}

/** `list`'s filter: every key must equal the metadata's value (deeply, for objects such as `parents`). */
export function matchesFilter(metadata: Record<string, unknown>, filter?: Record<string, unknown>): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => sameJson(metadata[key], value));
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
