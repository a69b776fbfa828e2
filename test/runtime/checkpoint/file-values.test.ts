/**
 * Values JSON cannot hold: the ones FileSaver keeps come back as the same kind of value, from
 * memory and from disk; the ones it cannot keep fail the `put` (or `putWrites`) naming the channel
 * and where inside it, and nothing of that call is stored. A class the user registers is kept too.
 */
import * as assert from "assert";
import * as fs from "node:fs";
import { FileSaver, UnstorableValueError } from "../../../src/runtime/checkpoint/file";
import { Command, Send } from "../../../src/runtime/types";
import { makeCheckpoint, putChatSteps, removeDir, tempDir, threadConfig } from "./helpers";

const meta = { source: "loop" as const, step: 0, parents: {} };

class Money {
  constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}
}

function storableValues(): Record<string, unknown> {
  const withProto = JSON.parse('{"__proto__": {"polluted": true}, "$type": "not a tag"}');
  const nullProto = Object.assign(Object.create(null), { bare: 1 });
  const failure = Object.assign(new TypeError("bad input", { cause: "user" }), { code: "E_BAD" });
  return {
    when: new Date("2024-05-06T07:08:09.010Z"),
    never: new Date(NaN),
    lookup: new Map<unknown, unknown>([["a", 1], [{ key: true }, new Set([1, 2])]]),
    tags: new Set(["x", undefined]),
    big: 12345678901234567890n,
    holes: { kept: undefined, inList: [1, undefined, 3] },
    odd: [NaN, Infinity, -Infinity, -0, 0],
    pattern: /ab+c/gi,
    bytes: new Uint8Array([0, 255, 7]),
    buffer: Buffer.from("hello"),
    failure,
    tricky: withProto,
    nullProto,
    routes: [new Send("tools", { call: 1 }), new Command({ resume: "ok", goto: "next" })],
    missing: undefined,
  };
}

describe("FileSaver values", () => {
  let directory: string;
  let saver: FileSaver;
  beforeEach(() => {
    directory = tempDir();
    saver = new FileSaver(directory);
  });
  afterEach(async () => {
    await saver.close();
    removeDir(directory);
  });

  it("round-trips Date, Map, Set, BigInt, undefined, NaN, -0, RegExp, bytes, Errors, odd keys, Send and Command", async () => {
    const values = storableValues();
    const versions = Object.fromEntries(Object.keys(values).map((key) => [key, 1]));
    const config = await saver.put(threadConfig("t"), makeCheckpoint(values, versions), meta, versions);
    await saver.putWrites(config, [["when", new Date(0)], ["big", 1n]], "task", "p");
    for (const reader of [saver, new FileSaver(directory)]) {
      const tuple = await reader.getTuple(config);
      const { never, ...back } = tuple!.checkpoint.channel_values;
      const { never: _, ...given } = values;
      assert.deepStrictEqual(back, given);
      assert.ok(never instanceof Date && Number.isNaN(never.getTime()), "an invalid Date stays one (deepStrictEqual cannot compare it)");
      assert.ok("missing" in back && "kept" in (back.holes as object), "undefined keys are kept");
      assert.ok(back.routes instanceof Array && (back.routes as unknown[])[0] instanceof Send && (back.routes as unknown[])[1] instanceof Command);
      assert.ok(back.failure instanceof TypeError && (back.failure as TypeError).stack === (values.failure as Error).stack);
      assert.ok(Buffer.isBuffer(back.buffer) && !Buffer.isBuffer(back.bytes));
      assert.strictEqual(Object.getPrototypeOf(back.nullProto), null);
      assert.strictEqual(Object.getPrototypeOf(back.tricky), Object.prototype, "a __proto__ key stays a key");
      assert.deepStrictEqual(Object.keys(back.tricky as object), ["__proto__", "$type"]);
      assert.strictEqual(Object.is((back.odd as number[])[3], -0), true);
      assert.deepStrictEqual(tuple!.pendingWrites, [["task", "when", new Date(0)], ["task", "big", 1n]]);
    }
  });

  it("fails a put whose value cannot round-trip, naming the channel and the place, and stores nothing", async () => {
    const last = await putChatSteps(saver, "t", 2);
    const file = saver.threadFile("t");
    const before = fs.readFileSync(file);
    const cases: Array<[unknown, RegExp]> = [
      [{ total: new Money(500, "EUR") }, /channel "cart"\.total: an instance of class Money/],
      [[{ onClick: () => 1 }], /channel "cart"\[0\]\.onClick: a function \(onClick\)/],
      [{ id: Symbol("x") }, /channel "cart"\.id: a symbol/],
      [{ [Symbol("k")]: 1 }, /channel "cart": an object with a symbol key/],
      [(() => { const loop: Record<string, unknown> = {}; loop.self = loop; return loop; })(), /channel "cart"\.self: a circular reference/],
      [new (class GraphishError extends Error {})("x"), /channel "cart": an instance of class GraphishError/],
    ];
    for (const [value, message] of cases) {
      const checkpoint = makeCheckpoint({ cart: value }, { cart: 9 }, 5);
      await assert.rejects(saver.put(last, checkpoint, meta, { cart: 9 }), (error: Error) => error instanceof UnstorableValueError && message.test(error.message));
      assert.strictEqual(await saver.getTuple(threadConfig("t", checkpoint.id)), undefined);
    }
    await assert.rejects(saver.putWrites(last, [["cart", new Money(1, "USD")]], "task"), /write 0 to channel "cart": an instance of class Money/);
    assert.ok(fs.readFileSync(file).equals(before), "the log did not change");
    assert.strictEqual((await saver.getTuple(threadConfig("t")))?.config.configurable?.checkpoint_id, last.configurable?.checkpoint_id);
  });

  it("keeps a class the user registers", async () => {
    const money = { name: "Money", is: (v: unknown) => v instanceof Money, toJSON: (v: unknown) => ({ ...(v as Money) }), fromJSON: (j: unknown) => new Money((j as Money).cents, (j as Money).currency) };
    const custom = new FileSaver(directory, { types: [money] });
    const config = await custom.put(threadConfig("t"), makeCheckpoint({ total: new Money(250, "EUR") }, { total: 1 }), meta, { total: 1 });
    const back = (await new FileSaver(directory, { types: [money] }).getTuple(config))!.checkpoint.channel_values.total;
    assert.ok(back instanceof Money);
    assert.deepStrictEqual(back, new Money(250, "EUR"));
    await assert.rejects(new FileSaver(directory).getTuple(config), /unknown value tag "Money"/);
    await custom.close();
  });

  it("keeps any other class as the data it holds, when told to, as LangGraph.js's own savers do", async () => {
    class Document {
      constructor(readonly pageContent: string, readonly metadata: Record<string, unknown>) {}
    }
    const lenient = new FileSaver(directory, { otherClasses: "plain" });
    const value = { docs: [new Document("tides follow the moon", { source: "almanac", when: new Date(0) })], total: new Money(5, "EUR") };
    const config = await lenient.put(threadConfig("t"), makeCheckpoint({ found: value }, { found: 1 }), meta, { found: 1 });
    const back = (await new FileSaver(directory).getTuple(config))!.checkpoint.channel_values.found as typeof value;
    assert.deepStrictEqual(back, { docs: [{ pageContent: "tides follow the moon", metadata: { source: "almanac", when: new Date(0) } }], total: { cents: 5, currency: "EUR" } });
    assert.equal(Object.getPrototypeOf(back.docs[0]), Object.prototype, "a plain object comes back");
    await assert.rejects(saver.put(threadConfig("u"), makeCheckpoint({ found: value }, { found: 1 }), meta, { found: 1 }), /an instance of class Document/);
    await lenient.close();
  });
});
