/**
 * FileSaver's files: any thread id gets its own file inside the directory; a record torn by a
 * crash is dropped quietly and cut off by the next writer; any other damage is an error naming
 * the file and the byte offset, and the file is left exactly as it was; the registry lists the
 * threads with their names, and a damaged registry is moved aside (and said so), not in the way.
 */
import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { CorruptLogError, FileSaver } from "../../../src/runtime/checkpoint/file";
import { capturingStderr, collect, makeCheckpoint, putChatSteps, removeDir, tempDir, threadConfig } from "./helpers";

describe("FileSaver files", () => {
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

  it("maps any thread id to its own file inside the directory", async () => {
    const ids = ["../x", "a/b", "..\\..\\win", "/etc/passwd", "x".repeat(5000), "日本語 🙂", "__proto__", "constructor", "A", "a", "", "\ud800", "\udc00", "con", ".hidden"];
    for (const id of ids) await saver.put(threadConfig(id), makeCheckpoint({ owner: id }, { owner: 1 }), { source: "input", step: -1, parents: {} }, { owner: 1 });
    await saver.close();
    const files = fs.readdirSync(path.join(directory, "threads"));
    assert.strictEqual(files.length, ids.length, "one file per id");
    assert.deepStrictEqual(fs.readdirSync(directory).sort(), ["locks", "registry.json", "threads"], "nothing outside the directory's own folders");
    for (const file of files) assert.match(file, /^[A-Za-z0-9_][A-Za-z0-9._-]{0,39}-[0-9a-f]{20}\.jsonl$/);
    const fresh = new FileSaver(directory);
    for (const id of ids) assert.strictEqual((await fresh.getTuple(threadConfig(id)))?.checkpoint.channel_values.owner, id);
    const listed = (await collect(fresh.list({}))).map((t) => t.config.configurable?.thread_id);
    assert.deepStrictEqual(listed.sort(), [...ids].sort());
  });

  it("drops a record torn by a crash quietly, and the next writer cuts it off", async () => {
    await putChatSteps(saver, "t", 3);
    const file = saver.threadFile("t");
    const whole = fs.readFileSync(file);
    fs.appendFileSync(file, '{"type":"checkpoint","ns":"","id":"half-writ');
    const fresh = new FileSaver(directory);
    assert.strictEqual((await collect(fresh.list(threadConfig("t")))).length, 3, "every whole record is read");
    assert.strictEqual(fs.readFileSync(file).length, whole.length + 44, "reading changes nothing");
    await putChatSteps(fresh, "t", 1, await fresh.getTuple(threadConfig("t")));
    const after = fs.readFileSync(file);
    assert.ok(after.subarray(0, whole.length).equals(whole), "the good records are untouched");
    assert.ok(!after.includes("half-writ"), "the torn bytes are gone");
    assert.strictEqual((await collect(new FileSaver(directory).list(threadConfig("t")))).length, 4);
    await fresh.close();
  });

  it("reports a damaged record with the file and byte offset, and leaves the file as it was", async () => {
    await putChatSteps(saver, "t-日本🙂", 4); // multi-byte characters before the damage: offsets count bytes
    const file = saver.threadFile("t-日本🙂");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const offset = Buffer.byteLength(lines.slice(0, 3).join("\n") + "\n");
    lines[3] = lines[3].replace('"type":"checkpoint"', '"type":"checkpoint",oops');
    fs.writeFileSync(file, lines.join("\n"));
    const damaged = fs.readFileSync(file);

    const fresh = new FileSaver(directory);
    const expected = (error: unknown) => {
      assert.ok(error instanceof CorruptLogError);
      assert.strictEqual(error.offset, offset);
      assert.ok(error.message.includes(file) && error.message.includes(`at byte ${offset}`), error.message);
      return true;
    };
    await assert.rejects(fresh.getTuple(threadConfig("t-日本🙂")), expected);
    await assert.rejects(collect(fresh.list(threadConfig("t-日本🙂"))), expected);
    await assert.rejects(putChatSteps(fresh, "t-日本🙂", 1), expected, "no write goes after damage");
    assert.ok(fs.readFileSync(file).equals(damaged), "the file is byte for byte as it was");
    await fresh.close();
  });

  it("lets two savers of one process take turns on a thread, deletion included", async () => {
    const other = new FileSaver(directory);
    let last = await putChatSteps(saver, "t", 2);
    for (let turn = 0; turn < 4; turn++) {
      const writer = turn % 2 === 0 ? other : saver;
      last = await putChatSteps(writer, "t", 1, await writer.getTuple(last));
    }
    const steps = async (reader: FileSaver) => (await collect(reader.list(threadConfig("t")))).map((t) => t.metadata?.step);
    assert.deepStrictEqual(await steps(new FileSaver(directory)), [5, 4, 3, 2, 1, 0]);
    assert.deepStrictEqual(await steps(saver), [5, 4, 3, 2, 1, 0]);
    await other.deleteThread("t");
    await putChatSteps(saver, "t", 1);
    assert.deepStrictEqual(await steps(new FileSaver(directory)), [0], "the write after the deletion went to the new file");
    await other.close();
  });

  it("refuses a log that belongs to another thread", async () => {
    await putChatSteps(saver, "first", 1);
    fs.copyFileSync(saver.threadFile("first"), saver.threadFile("second"));
    await assert.rejects(saver.getTuple(threadConfig("second")), /belongs to thread "first", not "second"/);
  });

  it("lists threads with their names and heads from the registry", async () => {
    const last = await putChatSteps(saver, "support-42", 3);
    await putChatSteps(saver, "other", 1);
    await saver.setThreadName("support-42", "Refund for order 42");
    await saver.close();
    const threads = await new FileSaver(directory).listThreads();
    const named = threads.find((t) => t.threadId === "support-42");
    assert.strictEqual(named?.name, "Refund for order 42");
    assert.deepStrictEqual(named?.heads, { "": last.configurable?.checkpoint_id });
    assert.strictEqual(named?.file, saver.threadFile("support-42"));
    assert.ok(named?.createdAt && named.updatedAt && named.createdAt <= named.updatedAt);
    assert.deepStrictEqual(threads.map((t) => t.threadId).sort(), ["other", "support-42"]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(directory, "registry.json"), "utf8"));
    assert.deepStrictEqual(Object.values(onDisk.threads).map((t) => (t as { thread_id: string }).thread_id).sort(), ["other", "support-42"]);
  });

  it("moves a damaged registry aside, says where it broke, and lists the threads from their logs", async () => {
    await putChatSteps(saver, "t", 2);
    await saver.setThreadName("t", "Named thread");
    await saver.close();
    const registry = path.join(directory, "registry.json");
    const damaged = '{"format":"x","threads":{ "é": oops }}';
    fs.writeFileSync(registry, damaged);
    const badByte = Buffer.byteLength(damaged.slice(0, damaged.indexOf("oops")));

    const { result: threads, stderr } = await capturingStderr(() => new FileSaver(directory).listThreads());
    assert.deepStrictEqual(threads.map((t) => [t.threadId, t.name]), [["t", undefined]], "listed from the log, as with no registry");
    const aside = fs.readdirSync(directory).find((name) => name.startsWith("registry.json.invalid-"));
    assert.ok(aside, "the damaged file is kept under another name");
    assert.strictEqual(fs.readFileSync(path.join(directory, aside), "utf8"), damaged, "byte for byte");
    assert.ok(stderr.includes(`${registry} is not valid JSON at byte ${badByte}`) && stderr.includes(`moved to ${path.join(directory, aside)}`), stderr);

    const fresh = new FileSaver(directory);
    await putChatSteps(fresh, "u", 1);
    await fresh.close();
    const rebuilt = JSON.parse(fs.readFileSync(registry, "utf8"));
    assert.deepStrictEqual(Object.values(rebuilt.threads).map((t) => (t as { thread_id: string }).thread_id), ["u"], "a new registry, written as usual");
    assert.strictEqual((await collect(fresh.list({}))).length, 3, "the logs are the truth");
  });
});
