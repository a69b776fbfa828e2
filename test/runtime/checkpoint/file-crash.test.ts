/**
 * The SIGKILL loop: a child process writes checkpoints as fast as it can and reports each put that
 * returned; we kill it with SIGKILL at a random moment, many times over, each new child going on
 * from where the last one died. Every checkpoint any child reported must still be readable, with
 * the history it had, and the store must open quietly each time (a record torn by the kill is
 * dropped, and the next writer cuts it off).
 */
import * as assert from "assert";
import * as fs from "node:fs";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import { parseLines } from "../../../src/runtime/checkpoint/file/log";
import { chatMessage, exited, removeDir, startFixture, tempDir, threadConfig } from "./helpers";

const ROUNDS = 12;

describe("FileSaver under kill -9", function () {
  this.timeout(120_000);
  let directory: string;
  beforeEach(() => (directory = tempDir()));
  afterEach(() => removeDir(directory));

  it(`keeps every checkpoint a killed writer reported, over ${ROUNDS} kills`, async () => {
    const reported = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      let firstPut!: () => void;
      const started = new Promise<void>((resolve) => (firstPut = resolve));
      const child = startFixture("chat-writer", [directory, "crashy", "forever"], (line) => {
        const [word, id, step] = line.split(" ");
        if (word !== "put") return;
        reported.set(id, Number(step));
        firstPut();
      });
      await Promise.race([started, exited(child)]);
      await sleep(20 + Math.random() * 250);
      child.kill("SIGKILL");
      await exited(child);
      assert.strictEqual(child.signalCode, "SIGKILL", "the writer was still running when killed");
      await assertAllReadable(directory, reported);
    }
    assert.ok(reported.size > ROUNDS * 5, `the children wrote (${reported.size} checkpoints)`);
    // Each kill may tear the record being written; the next writer cut it off, so only whole
    // records remain before the end (and at most the last kill's torn bytes after it).
    const text = fs.readFileSync(new FileSaver(directory).threadFile("crashy"));
    const parsed = parseLines("crashy", text, 0);
    assert.strictEqual(parsed.error, undefined);
    assert.ok(!text.subarray(parsed.end).includes(10), "nothing but one torn record after the last whole line");
    const checkpoints = parsed.records.filter(({ record }) => record.type === "checkpoint").length;
    assert.ok(checkpoints >= reported.size, `${checkpoints} checkpoints on disk, ${reported.size} reported`);
  });
});

async function assertAllReadable(directory: string, reported: Map<string, number>): Promise<void> {
  const saver = new FileSaver(directory);
  for (const [id, step] of reported) {
    const tuple = await saver.getTuple(threadConfig("crashy", id));
    assert.ok(tuple, `checkpoint ${id} (step ${step}) was reported as saved`);
    assert.strictEqual(tuple.metadata?.step, step);
    const messages = tuple.checkpoint.channel_values.messages as unknown[];
    assert.strictEqual(messages.length, step + 1);
    assert.deepStrictEqual(messages[step], chatMessage(step));
  }
  await saver.close();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
