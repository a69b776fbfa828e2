/**
 * What the saver tests share: temporary store directories, checkpoints shaped as the engine makes
 * them, a way to play the engine's puts for a chat thread, and child processes running TypeScript
 * fixtures (real processes, so locks, crashes and other processes' appends are real).
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkpointId } from "../../../src/runtime/pregel/ids";
import { ChannelVersions, Checkpoint, CheckpointConfig, CheckpointSaver, CheckpointTuple } from "../../../src/runtime/checkpoint/types";

export function tempDir(prefix = "filesaver-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(directory: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
}

export function makeCheckpoint(values: Record<string, unknown>, versions: ChannelVersions, step = 0): Checkpoint {
  return { v: 4, id: checkpointId(step), ts: new Date().toISOString(), channel_values: values, channel_versions: versions, versions_seen: {} };
}

export function threadConfig(threadId: string, checkpointId?: string, ns = ""): CheckpointConfig {
  return { configurable: { thread_id: threadId, checkpoint_ns: ns, ...(checkpointId ? { checkpoint_id: checkpointId } : {}) } };
}

export function chatMessage(step: number): { role: string; content: string; id: string } {
  const role = step % 2 === 0 ? "user" : "assistant";
  const id = `msg-${String(step).padStart(6, "0")}`;
  const base = JSON.stringify({ role, content: "", id }).length;
  return { role, content: `step ${step} `.padEnd(230 - base, "."), id };
}

/**
 * Plays `steps` engine steps on a chat thread: each puts a checkpoint whose `messages` list grew by
 * one message and whose `step` counter changed, naming only those channels in newVersions.
 */
export async function putChatSteps(saver: CheckpointSaver, threadId: string, steps: number, from?: CheckpointTuple): Promise<CheckpointConfig> {
  let config = from ? from.config : threadConfig(threadId);
  let messages = (from?.checkpoint.channel_values.messages as unknown[]) ?? [];
  const start = from ? (from.metadata?.step ?? 0) + 1 : 0;
  for (let step = start; step < start + steps; step++) {
    messages = [...messages, chatMessage(step)];
    const checkpoint = makeCheckpoint({ messages, step }, { messages: step + 1, step: step + 1 }, step);
    checkpoint.versions_seen = { chat: { messages: step } };
    config = await saver.put(config, checkpoint, { source: "loop", step, parents: {} }, { messages: step + 1, step: step + 1 });
  }
  return config;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const FIXTURES = path.join(__dirname, "fixtures");

/** Starts `fixtures/<name>.ts` under tsx with `args`; its stdout lines are handed to `onLine`. */
export function startFixture(name: string, args: string[], onLine: (line: string) => void = () => undefined): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(FIXTURES, `${name}.ts`), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
  let errors = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
  (child as ChildProcess & { errors: () => string }).errors = () => errors;
  return child;
}

/** Runs a fixture to the end; resolves with its stdout lines, rejects with its stderr if it failed. */
export function runFixture(name: string, args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const child = startFixture(name, args, (line) => lines.push(line));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code === 0) resolve(lines);
      else reject(new Error(`fixture ${name} exited with ${code}:\n${(child as ChildProcess & { errors: () => string }).errors()}`));
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** Runs `work` with stderr written to a string instead of the terminal. */
export async function capturingStderr<T>(work: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  let stderr = "";
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { result: await work(), stderr };
  } finally {
    process.stderr.write = write;
  }
}
