/**
 * The saver contract as one suite, run for every saver we ship (conformance.test.ts): what `put`
 * stores, what `getTuple` and `list` return and in which order, how pending writes are kept and
 * ordered, namespaces, `deleteThread`, and how channel values not named in `newVersions` are
 * found. A saver that keeps its data somewhere can also be reopened, and then the suite checks
 * that a fresh instance reads back the very same history.
 */
import * as assert from "assert";
import { CheckpointSaver, CheckpointTuple } from "../../../src/runtime/checkpoint/types";
import { chatMessage, collect, makeCheckpoint, putChatSteps, threadConfig } from "./helpers";

export interface SaverUnderTest {
  saver: CheckpointSaver;
  /** A second saver on the same storage, for savers that keep data outside the process. */
  reopen?: () => CheckpointSaver;
  cleanup(): Promise<void>;
}

const meta = (step: number, source: "input" | "loop" = "loop") => ({ source, step, parents: {} });

export function describeSaverContract(name: string, create: () => SaverUnderTest): void {
  describe(`saver contract: ${name}`, () => {
    let subject: SaverUnderTest;
    let saver: CheckpointSaver;
    beforeEach(() => {
      subject = create();
      saver = subject.saver;
    });
    afterEach(() => subject.cleanup());

    it("gives back a put checkpoint as it was given, addressed by thread, namespace and id", async () => {
      const checkpoint = makeCheckpoint({ topic: "cats", count: 3 }, { topic: 1, count: 1 });
      checkpoint.versions_seen = { __input__: {}, agent: { topic: 1 } };
      const config = await saver.put(threadConfig("t1"), checkpoint, meta(-1, "input"), { topic: 1, count: 1 });
      assert.deepStrictEqual(config, threadConfig("t1", checkpoint.id));
      const tuple = await saver.getTuple(config);
      assert.deepStrictEqual(tuple?.checkpoint, checkpoint);
      assert.deepStrictEqual(tuple?.metadata, meta(-1, "input"));
      assert.deepStrictEqual(tuple?.pendingWrites, []);
      assert.strictEqual(tuple?.parentConfig, undefined, "the first checkpoint has no parent");
      assert.strictEqual(await saver.getTuple(threadConfig("nobody")), undefined);
    });

    it("reads the latest checkpoint without an id, a given one with it, and links each to its parent", async () => {
      const last = await putChatSteps(saver, "t1", 3);
      const latest = await saver.getTuple(threadConfig("t1"));
      assert.strictEqual(latest?.config.configurable?.checkpoint_id, last.configurable?.checkpoint_id);
      const parent = await saver.getTuple(latest!.parentConfig!);
      assert.strictEqual(parent?.metadata?.step, 1);
      assert.deepStrictEqual(parent?.checkpoint.channel_values.messages, [chatMessage(0), chatMessage(1)]);
    });

    it("keeps each step's own list when a list channel grows by one item per step", async () => {
      await putChatSteps(saver, "chat", 30);
      const history = await collect(saver.list(threadConfig("chat")));
      assert.deepStrictEqual(history.map((t) => t.metadata?.step), [...Array(30).keys()].reverse(), "newest first");
      for (const tuple of history) {
        const step = tuple.metadata!.step;
        assert.deepStrictEqual(tuple.checkpoint.channel_values, { messages: [...Array(step + 1).keys()].map(chatMessage), step });
      }
    });

    it("takes the channels newVersions does not name from the parent, and from the version when the parent differs", async () => {
      const a = await saver.put(threadConfig("t"), makeCheckpoint({ x: "a", y: "kept" }, { x: 1, y: 1 }), meta(0), { x: 1, y: 1 });
      const b = await saver.put(a, makeCheckpoint({ x: "b", y: "kept" }, { x: 2, y: 1 }, 1), meta(1), { x: 2 });
      // A fork from `a` that carries b's x (as an edit of b made beside it would): x@2 is b's value.
      const fork = await saver.put(a, makeCheckpoint({ x: "b", y: "kept" }, { x: 2, y: 1 }, 2), meta(2), {});
      assert.deepStrictEqual((await saver.getTuple(b))?.checkpoint.channel_values, { x: "b", y: "kept" });
      assert.deepStrictEqual((await saver.getTuple(fork))?.checkpoint.channel_values, { x: "b", y: "kept" });
      assert.deepStrictEqual((await saver.getTuple(fork))?.parentConfig, a);
    });

    it("forgets a channel that has a new version and no value", async () => {
      const a = await saver.put(threadConfig("t"), makeCheckpoint({ "branch:to:b": null, x: 1 }, { "branch:to:b": 1, x: 1 }), meta(0), { "branch:to:b": 1, x: 1 });
      const b = await saver.put(a, makeCheckpoint({ x: 1 }, { "branch:to:b": 2, x: 1 }, 1), meta(1), { "branch:to:b": 2 });
      assert.deepStrictEqual((await saver.getTuple(b))?.checkpoint.channel_values, { x: 1 });
      assert.deepStrictEqual((await saver.getTuple(a))?.checkpoint.channel_values, { "branch:to:b": null, x: 1 });
    });

    it("lists newest first with limit, before and a metadata filter, and every thread without a thread id", async () => {
      await putChatSteps(saver, "t1", 4);
      await putChatSteps(saver, "t2", 2);
      const t1 = await collect(saver.list(threadConfig("t1")));
      assert.deepStrictEqual((await collect(saver.list(threadConfig("t1"), { limit: 2 }))).map((t) => t.metadata?.step), [3, 2]);
      const before = await collect(saver.list(threadConfig("t1"), { before: t1[1].config }));
      assert.deepStrictEqual(before.map((t) => t.metadata?.step), [1, 0]);
      assert.deepStrictEqual((await collect(saver.list(threadConfig("t1"), { filter: { step: 2 } }))).map((t) => t.metadata?.step), [2]);
      assert.deepStrictEqual((await collect(saver.list(threadConfig("t1"), { filter: { parents: {} } }))).length, 4, "filters compare objects by value");
      const all = await collect(saver.list({}));
      assert.deepStrictEqual(all.map((t) => t.config.configurable?.thread_id).sort(), ["t1", "t1", "t1", "t1", "t2", "t2"]);
    });

    it("keeps namespaces apart", async () => {
      await saver.put(threadConfig("t"), makeCheckpoint({ where: "root" }, { where: 1 }), meta(0), { where: 1 });
      await saver.put(threadConfig("t", undefined, "inner:1"), makeCheckpoint({ where: "sub" }, { where: 1 }), meta(0), { where: 1 });
      assert.strictEqual((await saver.getTuple(threadConfig("t")))?.checkpoint.channel_values.where, "root");
      assert.strictEqual((await saver.getTuple(threadConfig("t", undefined, "inner:1")))?.checkpoint.channel_values.where, "sub");
      assert.strictEqual((await collect(saver.list({ configurable: { thread_id: "t", checkpoint_ns: "inner:1" } }))).length, 1);
      assert.strictEqual((await collect(saver.list({ configurable: { thread_id: "t" } }))).length, 2);
    });

    it("returns pending writes in LangGraph's order: task path, task id, then index", async () => {
      const config = await saver.put(threadConfig("t"), makeCheckpoint({}, {}), meta(0), {});
      await saver.putWrites(config, [["b", 1], ["a", 2]], "task-z", "~__pregel_pull, b");
      await saver.putWrites(config, [["x", 3]], "task-y", "~__pregel_pull, b");
      await saver.putWrites(config, [["y", 4]], "task-q", "~__pregel_pull, a");
      const tuple = await saver.getTuple(config);
      assert.deepStrictEqual(tuple?.pendingWrites, [
        ["task-q", "y", 4],
        ["task-y", "x", 3],
        ["task-z", "b", 1],
        ["task-z", "a", 2],
      ]);
    });

    it("keeps a task's ordinary writes once, and only its latest interrupt", async () => {
      const config = await saver.put(threadConfig("t"), makeCheckpoint({}, {}), meta(0), {});
      await saver.putWrites(config, [["out", "first"]], "task", "p");
      await saver.putWrites(config, [["out", "retried"]], "task", "p");
      await saver.putWrites(config, [["__interrupt__", [{ id: "i", value: "old" }]]], "task", "p");
      await saver.putWrites(config, [["__interrupt__", [{ id: "i", value: "new" }]]], "task", "p");
      const writes = (await saver.getTuple(config))?.pendingWrites;
      assert.deepStrictEqual(writes, [
        ["task", "__interrupt__", [{ id: "i", value: "new" }]],
        ["task", "out", "first"],
      ]);
    });

    it("deletes one thread and leaves the others", async () => {
      await putChatSteps(saver, "gone", 2);
      await putChatSteps(saver, "stays", 2);
      await saver.deleteThread("gone");
      assert.strictEqual(await saver.getTuple(threadConfig("gone")), undefined);
      assert.deepStrictEqual(await collect(saver.list(threadConfig("gone"))), []);
      assert.strictEqual((await saver.getTuple(threadConfig("stays")))?.metadata?.step, 1);
      await putChatSteps(saver, "gone", 1);
      assert.strictEqual((await collect(saver.list(threadConfig("gone")))).length, 1, "a deleted thread starts afresh");
    });

    it("refuses a put without a thread id and writes without a checkpoint id", async () => {
      await assert.rejects(saver.put({ configurable: {} }, makeCheckpoint({}, {}), meta(0), {}), /thread_id/);
      await assert.rejects(saver.putWrites(threadConfig("t"), [["a", 1]], "task"), /checkpoint_id/);
    });

    it("reads back the same history from a fresh instance on the same storage", async function () {
      if (!subject.reopen) this.skip(); // nothing outside the process to reopen
      await putChatSteps(saver, "t", 12);
      const last = await saver.getTuple(threadConfig("t"));
      await saver.putWrites(last!.config, [["messages", [chatMessage(99)]], ["__interrupt__", [{ id: "i", value: { q: 1 } }]]], "task", "p");
      const fresh = subject.reopen();
      const ours = await collect(saver.list(threadConfig("t")));
      const theirs = await collect(fresh.list(threadConfig("t")));
      assert.deepStrictEqual(stripUndefined(theirs), stripUndefined(ours));
    });
  });
}

function stripUndefined(tuples: CheckpointTuple[]): unknown {
  return JSON.parse(JSON.stringify(tuples));
}
