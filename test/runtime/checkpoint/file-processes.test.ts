/**
 * FileSaver with several real processes on one directory: a reader sees what another process
 * committed without reopening; a run paused at an interrupt in one process is inspected in a
 * second and resumed in a third; two writers on one thread never interleave records; a held lock
 * blocks only its own thread, and a lock whose holder was killed is taken over.
 */
import * as assert from "assert";
import * as fs from "node:fs";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import { FileLock } from "../../../src/runtime/checkpoint/file/lock";
import { StoreLayout } from "../../../src/runtime/checkpoint/file/names";
import { collect, exited, removeDir, runFixture, startFixture, tempDir, threadConfig } from "./helpers";
import { reviewApp } from "./fixtures/review-app";

describe("FileSaver across processes", function () {
  this.timeout(60_000);
  let directory: string;
  beforeEach(() => (directory = tempDir()));
  afterEach(() => removeDir(directory));

  it("shows a reader what another process committed, without reopening", async () => {
    const reader = new FileSaver(directory);
    await runFixture("chat-writer", [directory, "chat", "3"]);
    assert.strictEqual((await reader.getTuple(threadConfig("chat")))?.metadata?.step, 2);
    const reported = await runFixture("chat-writer", [directory, "chat", "4"]);
    const latest = await reader.getTuple(threadConfig("chat"));
    assert.strictEqual(latest?.config.configurable?.checkpoint_id, reported.at(-1)!.split(" ")[1]);
    assert.strictEqual((latest?.checkpoint.channel_values.messages as unknown[]).length, 7);
    assert.strictEqual((await collect(reader.list(threadConfig("chat")))).length, 7);
    await reader.close();
  });

  it("pauses at an interrupt in one process, shows it in another, and resumes in a third", async () => {
    const [paused] = await runFixture("review-app", [directory, "post", "start"]);
    assert.deepStrictEqual(JSON.parse(paused).__interrupt__.map((i: { value: unknown }) => i.value), [{ question: 'publish "a post about otters"?' }]);

    const app = reviewApp(directory); // this process is the one that inspects
    const state = await app.getState(threadConfig("post"));
    assert.deepStrictEqual(state.next, ["review"]);
    assert.deepStrictEqual(state.tasks[0].interrupts.map((i) => i.value), [{ question: 'publish "a post about otters"?' }]);
    assert.deepStrictEqual(state.values.log, ["draft"]);

    const [finished] = await runFixture("review-app", [directory, "post", "resume", "yes"]);
    assert.deepStrictEqual(JSON.parse(finished).log, ["draft", "review:yes", "publish"]);
    const after = await app.getState(threadConfig("post"));
    assert.deepStrictEqual(after.next, []);
    assert.strictEqual(after.values.verdict, "yes");
    const history = await collect(app.getStateHistory(threadConfig("post")));
    assert.deepStrictEqual(history.map((s) => s.values.log?.length ?? 0), [3, 2, 1, 0, 0]);
  });

  it("never interleaves two writers' records on one thread", async () => {
    const runs = await Promise.all([runFixture("chat-writer", [directory, "shared", "40"]), runFixture("chat-writer", [directory, "shared", "40"])]);
    const file = new FileSaver(directory).threadFile("shared");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    assert.strictEqual(lines.pop(), "", "the file ends with a whole line");
    for (const line of lines) JSON.parse(line); // each line is one whole record
    const checkpoints = lines.filter((line) => line.startsWith('{"type":"checkpoint"'));
    assert.strictEqual(checkpoints.length, 80);
    const reader = new FileSaver(directory);
    for (const line of runs.flat()) {
      const [, id, step] = line.split(" ");
      const tuple = await reader.getTuple(threadConfig("shared", id));
      assert.strictEqual(tuple?.metadata?.step, Number(step));
      assert.strictEqual((tuple?.checkpoint.channel_values.messages as unknown[]).length, Number(step) + 1);
    }
  });

  it("blocks only the locked thread, and says who holds the lock when it gives up", async () => {
    const lock = new FileLock(new StoreLayout(directory).threadLock("busy"), "thread busy");
    await lock.acquire();
    try {
      const other = await runFixture("chat-writer", [directory, "free", "5", "--lock-timeout", "1000"]);
      assert.strictEqual(other.length, 5, "another thread writes while 'busy' is locked");
      await assert.rejects(runFixture("chat-writer", [directory, "busy", "1", "--lock-timeout", "700"]), (error: Error) => {
        assert.match(error.message, /LockTimeoutError: Timed out after 1 s waiting for thread "busy"/);
        assert.match(error.message, new RegExp(`held by process ${process.pid}`));
        return true;
      });
    } finally {
      lock.release();
      lock.releaseFile();
    }
  });

  it("takes over a lock whose holder was killed", async () => {
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = startFixture("hold-lock", [directory, "orphan"], (line) => line === "locked" && locked());
    await isLocked;
    const lockFile = new StoreLayout(directory).threadLock("orphan");
    assert.strictEqual(JSON.parse(fs.readFileSync(lockFile, "utf8")).pid, holder.pid);
    holder.kill("SIGKILL");
    await exited(holder);
    assert.ok(fs.existsSync(lockFile), "a killed process leaves its lock file behind");
    const reported = await runFixture("chat-writer", [directory, "orphan", "2", "--lock-timeout", "3000"]);
    assert.strictEqual(reported.length, 2);
  });
});
