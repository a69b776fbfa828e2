/**
 * The Checkpoints view reads a real store while no session runs: threads written by real runs of
 * an example graph through FileSaver, newest first, and a thread's history with a fork, which the
 * tree then shows as a branch. Reading writes nothing to the store.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { StateGraph } from "../../src/runtime";
import { FileSaver } from "../../src/runtime/checkpoint/file";
import { checkpointTree } from "../../src/extension/checkpointTree";
import { StoreReaderProcess, listStoredThreads, readStoredHistory } from "../../src/extension/storeReader";
import { processAlive, until } from "../debug/helpers/story";
import { loadExample } from "./helpers/examples";
import { runForkedTrip, tripApp } from "./helpers/trips";

function filesOf(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = statSync(full).mtimeMs;
    }
  };
  walk(dir);
  return out;
}

describe("reading the checkpoint store without a session", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), "langgraph-store-reader-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function runTrips(): Promise<void> {
    const saver = new FileSaver(dir, { fsync: false });
    await runForkedTrip(saver, "trip-1");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await tripApp(saver).invoke({ request: "trip to Rome" } as never, { configurable: { thread_id: "trip-2" } });
    await saver.close();
  }

  it("lists the threads, most recently written first; a missing store has none", async () => {
    await runTrips();
    const threads = await listStoredThreads(dir);
    assert.deepEqual(threads.map((thread) => thread.threadId), ["trip-2", "trip-1"]);
    assert.ok(threads.every((thread) => typeof thread.updatedAt === "string"));
    assert.deepEqual(await listStoredThreads(path.join(dir, "nothing-here")), []);
  });

  it("reads a thread's history with who wrote each checkpoint, and the tree shows the fork", async () => {
    await runTrips();
    const { entries } = await readStoredHistory(dir, "trip-1");
    const byWriter = entries.map((entry) => `${entry.step}:${entry.source}:${entry.writtenBy.join("+")}`).reverse();
    assert.deepEqual(byWriter.slice(0, 3), ["-1:input:__input__", "0:loop:__start__", "1:loop:agent"]);
    assert.ok(byWriter.includes("2:update:agent"), `the edit is written as agent: ${byWriter.join(", ")}`);

    const tree = checkpointTree(entries, { showNext: false });
    const forkPoint = tree.find((node) => node.branches.length > 0);
    assert.ok(forkPoint, "one checkpoint has a branch");
    assert.equal(forkPoint.entry.step, 1, "the thread forked at the pause after agent");
    assert.equal(tree[0].label, "3 execute", "the newest line (the walk) is the main one");
    assert.deepEqual(forkPoint.branches[0].items.map((node) => node.label), ["4 execute", "3 execute", "2 execute"]);
  });

  it("reads the subgraphs' checkpoints too, and the tree hangs each run under the step it ran from", async () => {
    const { graph } = loadExample<{ graph: { builder: StateGraph<never> } }>("research-report.ts");
    const saver = new FileSaver(dir, { fsync: false });
    await graph.builder.compile({ checkpointer: saver }).invoke({ topic: "tides" } as never, { configurable: { thread_id: "report" } });
    await saver.close();

    const { entries } = await readStoredHistory(dir, "report");
    const namespaces = [...new Set(entries.map((entry) => (entry.checkpointNs ?? "").replace(/:[^|]+/g, "")))].sort();
    assert.deepEqual(namespaces, ["", "fact_check", "research", "research|search"]);
    assert.ok(entries.filter((entry) => entry.checkpointNs).every((entry) => entry.parents?.[""]), "each inner checkpoint names the root checkpoint it ran under");

    const tree = checkpointTree(entries, { showNext: false });
    const ranResearch = tree.find((node) => node.branches.some((branch) => branch.subgraph === "research"))!;
    assert.equal(ranResearch.label, "1 plan", "research ran from the checkpoint plan wrote");
    const research = ranResearch.branches.find((branch) => branch.subgraph === "research")!;
    assert.deepEqual(research.items.map((node) => node.label), ["3 summarize", "2 rank", "1 search", "0 start", "-1 input"]);
    assert.ok(research.items.some((node) => node.branches.some((branch) => branch.subgraph === "research/search")), "search's run hangs inside research's");
    assert.ok(tree.some((node) => node.branches.some((branch) => branch.subgraph === "fact_check")), "the graph fact_check invoked too");
  });

  it("starts its reader process on demand, lets it go when quiet, and starts another after a crash", async () => {
    await runTrips();
    const reader = new StoreReaderProcess(50);
    const threads = async () => (await reader.request("listThreads", { checkpointDir: dir })).map((thread) => thread.threadId);
    assert.deepEqual(await threads(), ["trip-2", "trip-1"]);
    const first = reader.pid!;
    assert.notEqual(first, process.pid);
    assert.ok(await until(() => !processAlive(first)), "the quiet reader exits");
    assert.equal(reader.pid, undefined);

    assert.deepEqual(await threads(), ["trip-2", "trip-1"]);
    const second = reader.pid!;
    assert.notEqual(second, first);
    process.kill(second, "SIGKILL");
    assert.ok(await until(() => reader.pid === undefined), "the crash is noticed");
    assert.deepEqual(await threads(), ["trip-2", "trip-1"], "a new process answers");
    reader.dispose();
  });

  it("reads without writing anything to the store", async () => {
    await runTrips();
    const before = filesOf(dir);
    await listStoredThreads(dir);
    await readStoredHistory(dir, "trip-1");
    assert.deepEqual(filesOf(dir), before);
  });
});
