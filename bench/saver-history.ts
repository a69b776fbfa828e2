/**
 * The history part of the saver benchmark: a 10,000-step chat thread made by our engine on a
 * FileSaver, then read whole from a fresh FileSaver (as another process would: nothing cached),
 * once more from the same one (cached), and through our engine's `getStateHistory`.
 */
import * as ours from "../src/runtime";
import { FileSaver } from "../src/runtime/checkpoint/file";
import { CheckpointSaver } from "../src/runtime/checkpoint/types";
import { Message, bytesUnder, message, tempDir } from "./saver-runs";

export interface HistoryResult {
  steps: number;
  bytes: number;
  checkpoints: number;
  coldListMs: number;
  warmListMs: number;
  engineHistoryMs: number;
}

const HISTORY_STEPS = 10_000;

function chatGraph(checkpointer: CheckpointSaver, steps: number) {
  const State = ours.Annotation.Root({
    messages: ours.Annotation<Message[], Message[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    count: ours.Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  });
  return new ours.StateGraph(State)
    .addNode("chat", (state) => ({ messages: [message(state.count)], count: state.count + 1 }))
    .addEdge(ours.START, "chat")
    .addConditionalEdges("chat", (state) => (state.count >= steps ? ours.END : "chat"))
    .compile({ checkpointer });
}

async function timed(work: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const count = await work();
  return { ms: performance.now() - started, count };
}

async function countAll(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of items) count++;
  return count;
}

export async function historyReads(steps = HISTORY_STEPS): Promise<HistoryResult> {
  const directory = tempDir();
  const config = { configurable: { thread_id: "long" }, recursionLimit: steps + 10 };
  // Built without fsync to save time: what is measured is reading.
  await chatGraph(new FileSaver(directory, { fsync: "never" }), steps).invoke({ messages: [] }, config);
  const reader = new FileSaver(directory);
  const cold = await timed(() => countAll(reader.list(config)));
  const warm = await timed(() => countAll(reader.list(config)));
  const engine = await timed(() => countAll(chatGraph(new FileSaver(directory), steps).getStateHistory(config)));
  if (engine.count !== cold.count) throw new Error(`getStateHistory saw ${engine.count} checkpoints, list ${cold.count}`);
  return { steps, bytes: bytesUnder(directory), checkpoints: cold.count, coldListMs: cold.ms, warmListMs: warm.ms, engineHistoryMs: engine.ms };
}
