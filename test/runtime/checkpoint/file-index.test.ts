/**
 * FileSaver's history pages: a thread's checkpoints as summaries read from the log without
 * rebuilding any checkpoint. They say what full reads say (who wrote each checkpoint, its parent,
 * its step), page newest first with subgraph runs beside the checkpoint they ran from, keep up
 * with a growing log, and never decode a value: a store holding values of a class no one
 * registered still lists.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import type { CheckpointSummary } from "../../../src/runtime/checkpoint/file";
import type { StateGraph } from "../../../src/runtime";
import { writers } from "../../../src/runner/views";
import { loadExample } from "../../extension/helpers/examples";
import { runForkedTrip } from "../../extension/helpers/trips";
import { collect, putChatSteps, removeDir, tempDir, threadConfig } from "./helpers";

/** What a full read says of each checkpoint, as the runner computed it before summaries. */
async function fullRead(saver: FileSaver, threadId: string): Promise<string[]> {
  const tuples = await collect(saver.list({ configurable: { thread_id: threadId } }));
  const byId = new Map(tuples.map((tuple) => [tuple.checkpoint.id, tuple]));
  return tuples.map((tuple) => {
    const parentId = tuple.parentConfig?.configurable?.checkpoint_id;
    const who = writers(tuple.metadata!.source, tuple.metadata!, tuple, parentId ? byId.get(parentId) : undefined);
    return `${tuple.config.configurable!.checkpoint_ns}|${tuple.checkpoint.id}<${parentId ?? ""}:${tuple.metadata!.step}:${who.join("+")}`;
  });
}

function described(summaries: CheckpointSummary[]): string[] {
  return summaries.map((s) => `${s.ns}|${s.id}<${s.parentId ?? ""}:${s.step}:${s.writers.join("+")}`);
}

describe("FileSaver history pages (checkpoint summaries)", function () {
  this.timeout(30_000);
  let directory: string;
  beforeEach(() => (directory = tempDir()));
  afterEach(() => removeDir(directory));

  it("say what a full read says of a forked thread and of subgraph runs", async () => {
    const saver = new FileSaver(directory, { fsync: false });
    await runForkedTrip(saver, "trip");
    const { graph: report } = loadExample<{ graph: { builder: StateGraph<never> } }>("research-report.ts");
    await report.builder.compile({ checkpointer: saver }).invoke({ topic: "tides" } as never, { configurable: { thread_id: "report" } });

    const reader = new FileSaver(directory);
    for (const threadId of ["trip", "report"]) {
      const expected = (await fullRead(reader, threadId)).sort();
      assert.deepEqual(described(reader.historyPage(threadId, { subgraphs: true }).checkpoints).sort(), expected);
    }
    assert.ok(described(reader.historyPage("trip").checkpoints).some((line) => line.endsWith(":2:agent")), "the edit is written as agent");
  });

  it("pages newest first, and a subgraph run comes with the page of the checkpoint it ran from", async () => {
    const { graph } = loadExample<{ graph: { builder: StateGraph<never> } }>("research-report.ts");
    const saver = new FileSaver(directory, { fsync: false });
    await graph.builder.compile({ checkpointer: saver }).invoke({ topic: "tides" } as never, { configurable: { thread_id: "report" } });
    const all = saver.historyPage("report").checkpoints;
    assert.ok(all.length >= 4, `${all.length} root checkpoints`);
    assert.deepEqual(all.map((s) => s.id), [...all.map((s) => s.id)].sort().reverse(), "newest first");

    const first = saver.historyPage("report", { limit: 2, subgraphs: true });
    const second = saver.historyPage("report", { limit: 2, before: all[1].id, subgraphs: true });
    assert.equal(first.more, true);
    assert.deepEqual(first.checkpoints.filter((s) => !s.ns).map((s) => s.id), all.slice(0, 2).map((s) => s.id));
    assert.deepEqual(second.checkpoints.filter((s) => !s.ns).map((s) => s.id), all.slice(2, 4).map((s) => s.id));
    for (const page of [first, second]) {
      const rootIds = new Set(page.checkpoints.filter((s) => !s.ns).map((s) => s.id));
      assert.ok(page.checkpoints.filter((s) => s.ns).every((s) => rootIds.has(s.parents![""])), "inner checkpoints ran under the page's");
    }
    const last = saver.historyPage("report", { before: all[all.length - 2].id });
    assert.deepEqual([last.checkpoints.length, last.more], [1, false]);
  });

  it("keeps up with a growing log and starts over when the thread is deleted", async () => {
    const saver = new FileSaver(directory, { fsync: false });
    const reader = new FileSaver(directory);
    await putChatSteps(saver, "chat", 3);
    assert.equal(reader.historyPage("chat").checkpoints.length, 3);
    await putChatSteps(saver, "chat", 2, await saver.getTuple(threadConfig("chat")));
    assert.deepEqual(reader.historyPage("chat").checkpoints.map((s) => s.step), [4, 3, 2, 1, 0]);
    await saver.deleteThread("chat");
    assert.deepEqual(reader.historyPage("chat"), { checkpoints: [], more: false });
    await putChatSteps(saver, "chat", 1);
    assert.deepEqual(reader.historyPage("chat").checkpoints.map((s) => s.step), [0]);
  });

  it("never decodes a value: a class no one registered here still lists", async () => {
    class Tide {
      constructor(readonly port: string) {}
    }
    const tideType = { name: "Tide", is: (v: unknown) => v instanceof Tide, toJSON: (v: unknown) => ({ port: (v as Tide).port }), fromJSON: (j: unknown) => new Tide((j as Tide).port) };
    const writer = new FileSaver(directory, { fsync: false, types: [tideType] });
    const checkpoint = { v: 4, id: "1f0000000000000000000001", ts: new Date().toISOString(), channel_values: { tide: new Tide("Brest") }, channel_versions: { tide: 1 }, versions_seen: {} };
    await writer.put(threadConfig("tides"), checkpoint, { source: "input", step: -1, parents: {} }, { tide: 1 });
    await writer.close();

    const reader = new FileSaver(directory);
    await assert.rejects(collect(reader.list(threadConfig("tides"))), /unknown value tag "Tide"/);
    const [summary] = reader.historyPage("tides").checkpoints;
    assert.deepEqual([summary.id, summary.source, summary.step, summary.writers], [checkpoint.id, "input", -1, ["__input__"]]);
    assert.ok(fs.statSync(reader.threadFile("tides")).size > 0);
  });
});
