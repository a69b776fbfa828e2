/**
 * The fixture of the Checkpoints view benchmark (bench/checkpoints-view.ts): a FileSaver store
 * holding one chat thread of 30,000 steps whose message list grows by a 2 KB message per step, as
 * our engine saves it (the node's write, then the checkpoint that refers to it). It is written once
 * under the system's temporary folder, by calling the saver's `put` and `putWrites` directly (no
 * engine: minutes become seconds), and reused by later runs while its parameters match.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileSaver } from "../src/runtime/checkpoint/file";
import type { Checkpoint, CheckpointConfig } from "../src/runtime/checkpoint/types";
import { checkpointId } from "../src/runtime/pregel/ids";

export const THREAD_ID = "long-chat";
const MESSAGE_BYTES = 2048;

export interface LongThread {
  directory: string;
  steps: number;
  logBytes: number;
  /** Whether this run wrote it (false: a previous run's store was reused). */
  written: boolean;
  writeMs: number;
}

type Message = { role: string; content: string; id: string };

function message(step: number): Message {
  const role = step % 2 === 0 ? "user" : "assistant";
  const id = `m${String(step).padStart(6, "0")}`;
  const empty = JSON.stringify({ role, content: "", id }).length;
  return { role, content: `message ${step} `.padEnd(MESSAGE_BYTES - empty, "."), id };
}

/** The store for `steps` steps: reused when a complete one is there, else written now. */
export async function longThread(steps: number): Promise<LongThread> {
  const directory = path.join(os.tmpdir(), "langgraph-bench-fixtures", `checkpoints-view-${steps}x${MESSAGE_BYTES}`);
  const done = path.join(directory, "complete.json");
  const saver = new FileSaver(directory, { fsync: "never" });
  if (fs.existsSync(done)) return { directory, steps, logBytes: fs.statSync(saver.threadFile(THREAD_ID)).size, written: false, writeMs: 0 };
  fs.rmSync(directory, { recursive: true, force: true });
  const started = performance.now();
  await writeThread(saver, steps);
  await saver.close();
  fs.writeFileSync(done, JSON.stringify({ steps, messageBytes: MESSAGE_BYTES, threadId: THREAD_ID }));
  return { directory, steps, logBytes: fs.statSync(saver.threadFile(THREAD_ID)).size, written: true, writeMs: performance.now() - started };
}

/** An input checkpoint, then per step: the `chat` task's write of one message and the checkpoint holding it. */
async function writeThread(saver: FileSaver, steps: number): Promise<void> {
  // One growing list: the saver keeps its own copy and recognises the items it was given before.
  const messages: Message[] = [];
  let config: CheckpointConfig = { configurable: { thread_id: THREAD_ID, checkpoint_ns: "" } };
  const checkpoint = (step: number, seen: number): Checkpoint => ({
    v: 4, id: checkpointId(step), ts: new Date().toISOString(), channel_values: { messages }, channel_versions: { messages: step + 2 },
    versions_seen: seen < 0 ? {} : { chat: { messages: seen } },
  });
  config = await saver.put(config, checkpoint(-1, -1), { source: "input", step: -1, parents: {} }, { messages: 1 });
  for (let step = 0; step < steps; step++) {
    const written = message(step);
    await saver.putWrites(config, [["messages", [written]]], `task-${step}`);
    messages.push(written);
    config = await saver.put(config, checkpoint(step, step + 1), { source: "loop", step, parents: {} }, { messages: step + 2 });
  }
}
