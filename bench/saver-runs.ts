/**
 * The runs behind the saver benchmark (bench/saver.ts): a 1000-step chat thread whose message list
 * grows by one 230-byte message per step, saved (a) by calling a saver's `put` directly as the
 * engine would, (b) through a real graph on our engine, (c) through the same graph on real
 * LangGraph.js. Each run reports time per step, how the last 200 steps compare with the first 200,
 * and the bytes its saver left on disk.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ours from "../src/runtime";
import { FileSaver, FsyncMode } from "../src/runtime/checkpoint/file";
import { CheckpointConfig, CheckpointSaver } from "../src/runtime/checkpoint/types";
import { checkpointId } from "../src/runtime/pregel/ids";

export const STEPS = 1000;
export const MESSAGE_BYTES = 230;

export interface SaverRun {
  label: string;
  msPerStep: number;
  lastToFirstRatio: number;
  /** Bytes on disk after the run (undefined for in-memory savers). */
  bytes?: number;
}

export type Message = { role: string; content: string; id: string };

/** Message `step` of the chat: exactly MESSAGE_BYTES bytes of JSON. */
export function message(step: number): Message {
  const role = step % 2 === 0 ? "user" : "assistant";
  const id = `m${String(step).padStart(6, "0")}`;
  const empty = JSON.stringify({ role, content: "", id }).length;
  return { role, content: `message ${step} `.padEnd(MESSAGE_BYTES - empty, "."), id };
}

/** The final message list as JSON: what the thread's conversation weighs. */
export function rawMessageBytes(steps = STEPS): number {
  return Buffer.byteLength(JSON.stringify(Array.from({ length: steps }, (_, step) => message(step))));
}

const madeDirs: string[] = [];

export function tempDir(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "saver-bench-"));
  madeDirs.push(directory);
  return directory;
}

export function removeTempDirs(): void {
  for (const directory of madeDirs.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}

export function bytesUnder(directory: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summarize(label: string, stamps: number[], total: number, bytes?: number): SaverRun {
  const steps = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { label, msPerStep: total / STEPS, lastToFirstRatio: median(steps.slice(-200)) / median(steps.slice(0, 200)), bytes };
}

/** (a) The engine's puts without an engine: each step's checkpoint has one more message. */
export async function runPuts(label: string, saver: CheckpointSaver, steps = STEPS, directory?: string): Promise<SaverRun> {
  let config: CheckpointConfig = { configurable: { thread_id: "chat", checkpoint_ns: "" } };
  let messages: Message[] = [];
  const stamps: number[] = [];
  const started = performance.now();
  for (let step = 0; step < steps; step++) {
    stamps.push(performance.now());
    messages = [...messages, message(step)];
    const checkpoint = {
      v: 4,
      id: checkpointId(step),
      ts: new Date().toISOString(),
      channel_values: { messages },
      channel_versions: { messages: step + 1 },
      versions_seen: { chat: { messages: step } },
    };
    config = await saver.put(config, checkpoint, { source: "loop", step, parents: {} }, { messages: step + 1 });
  }
  return summarize(label, stamps, performance.now() - started, directory ? bytesUnder(directory) : undefined);
}

/** The chat loop on a graph library with LangGraph's API (ours or LangGraph.js itself). */
type GraphLib = Pick<typeof ours, "Annotation" | "StateGraph" | "START" | "END">;

export async function runGraph(label: string, lib: GraphLib, checkpointer: unknown, directory?: string, steps = STEPS): Promise<SaverRun> {
  const State = lib.Annotation.Root({
    messages: lib.Annotation<Message[], Message[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    count: lib.Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }),
  });
  const stamps: number[] = [];
  const graph = new lib.StateGraph(State)
    .addNode("chat", (state: { count: number }) => {
      stamps.push(performance.now());
      return { messages: [message(state.count)], count: state.count + 1 };
    })
    .addEdge(lib.START, "chat")
    .addConditionalEdges("chat", (state: { count: number }) => (state.count >= steps ? lib.END : "chat"))
    .compile({ checkpointer: checkpointer as CheckpointSaver });
  const started = performance.now();
  await graph.invoke({ messages: [] }, { configurable: { thread_id: "chat" }, recursionLimit: steps + 10 });
  return summarize(label, stamps, performance.now() - started, directory ? bytesUnder(directory) : undefined);
}

/** A FileSaver on a fresh directory, and the directory. */
export function freshFileSaver(options: { fsync?: FsyncMode } = {}): { saver: FileSaver; directory: string } {
  const directory = tempDir();
  return { saver: new FileSaver(directory, options), directory };
}
