/**
 * FileSaver keeps what it stores to itself and fails in words: its folders are created 0700 and its
 * files 0600 (a thread's state may hold anything a user typed); a value nested deeper than it can
 * store is refused with an error naming the channel and what to change, and what was already
 * saved stays readable; a registry nested too deep to scan recursively is still reported with the
 * byte where it breaks.
 */
import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { FileSaver, UnstorableValueError } from "../../../src/runtime/checkpoint/file";
import { MAX_DEPTH } from "../../../src/runtime/checkpoint/file/codec";
import { capturingStderr, makeCheckpoint, removeDir, tempDir, threadConfig } from "./helpers";

const INPUT = { source: "input" as const, step: -1, parents: {} };

/** A value `levels` objects deep: `{ next: { next: ... } }`. */
function nested(levels: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < levels; level++) value = { next: value };
  return value;
}

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

describe("FileSaver safety", () => {
  let root: string;
  let directory: string;
  let saver: FileSaver;
  beforeEach(() => {
    root = tempDir();
    directory = path.join(root, "store", ".langgraph");
    saver = new FileSaver(directory);
  });
  afterEach(async () => {
    await saver.close();
    removeDir(root);
  });

  it("creates its folders 0700 and its files 0600", async function () {
    if (process.platform === "win32") this.skip(); // no POSIX modes
    const first = await saver.put(threadConfig("t"), makeCheckpoint({ secret: "an API key" }, { secret: 1 }), INPUT, { secret: 1 });
    await saver.putWrites(first, [["secret", "another"]], "task-1");
    await saver.setThreadName("t", "private");
    for (const folder of [path.join(root, "store"), directory, path.join(directory, "threads"), path.join(directory, "locks")]) {
      assert.strictEqual(modeOf(folder).toString(8), "700", folder);
    }
    const files = [path.join(directory, "registry.json"), saver.threadFile("t"), ...fs.readdirSync(path.join(directory, "locks")).map((name) => path.join(directory, "locks", name))];
    assert.ok(files.length >= 3, `the registry, the log and a lock at least: ${files.join(", ")}`);
    for (const file of files) assert.strictEqual(modeOf(file).toString(8), "600", file);
  });

  it("refuses state nested too deep, naming the channel and the fix, and keeps what was saved", async () => {
    const first = await saver.put(threadConfig("t"), makeCheckpoint({ doc: "saved" }, { doc: 1 }), INPUT, { doc: 1 });
    const tooDeep = makeCheckpoint({ doc: nested(10_000) }, { doc: 2 }, 0);
    const refusal = (error: unknown) => {
      assert.ok(error instanceof UnstorableValueError, String(error));
      assert.match(error.message, new RegExp(`^FileSaver cannot store channel "doc": its value is nested more than ${MAX_DEPTH} levels deep\\. Keep state flatter`));
      assert.ok(error.message.length < 400, "a message a person reads, not a path 10,000 keys long");
      return true;
    };
    await assert.rejects(saver.put(first, tooDeep, { source: "loop", step: 0, parents: {} }, { doc: 2 }), refusal);
    await assert.rejects(saver.putWrites(first, [["doc", nested(10_000)]], "task-1"), (error: Error) => /cannot store write 0 to channel "doc": its value is nested/.test(error.message));

    const fresh = new FileSaver(directory);
    assert.strictEqual((await fresh.getTuple(threadConfig("t")))?.checkpoint.channel_values.doc, "saved");
    const deepest = nested(MAX_DEPTH - 1);
    await fresh.put(first, makeCheckpoint({ doc: deepest }, { doc: 2 }, 0), { source: "loop", step: 0, parents: {} }, { doc: 2 });
    assert.deepStrictEqual((await new FileSaver(directory).getTuple(threadConfig("t")))?.checkpoint.channel_values.doc, deepest, "as deep as allowed round-trips");
    await fresh.close();
  });

  it("reports a registry broken 100,000 levels deep with its byte, not a RangeError", async () => {
    await saver.put(threadConfig("t"), makeCheckpoint({ n: 1 }, { n: 1 }), INPUT, { n: 1 });
    await saver.close();
    const registry = path.join(directory, "registry.json");
    fs.writeFileSync(registry, `${"[".repeat(100_000)}}`);
    const { result: threads, stderr } = await capturingStderr(() => new FileSaver(directory).listThreads());
    assert.deepStrictEqual(threads.map((thread) => thread.threadId), ["t"]);
    assert.match(stderr, /registry\.json is not valid JSON at byte 100000:/);
  });
});
