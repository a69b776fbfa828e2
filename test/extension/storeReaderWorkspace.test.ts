/**
 * Issue 13: nothing of the workspace runs in the extension host. A workspace whose own
 * `@langchain/core/messages` leaves a marker file when it is loaded holds a store of LangChain
 * messages. A stand-in extension host (a process whose cwd is the workspace, as VS Code's often is)
 * first reads the store's values as FileSaver would (the control: the marker appears, so the trap
 * works), then opens the thread the way the Checkpoints view does: the marker stays away, no module
 * of the workspace is loaded in the host, and the reading happened in another process.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { FileSaver } from "../../src/runtime/checkpoint/file";
import { PROJECT_ROOT } from "./helpers/examples";

const TSX = require.resolve("tsx/cjs");

/** A workspace with its own @langchain/core, whose messages module writes `marker` when loaded. */
function trappedWorkspace(root: string): { workspace: string; marker: string } {
  const workspace = path.join(root, "workspace");
  const core = path.join(workspace, "node_modules", "@langchain", "core");
  const marker = path.join(workspace, "workspace-code-ran.txt");
  fs.mkdirSync(path.join(core, "messages"), { recursive: true });
  fs.writeFileSync(path.join(workspace, "package.json"), JSON.stringify({ name: "trapped-workspace", private: true }));
  fs.writeFileSync(path.join(core, "package.json"), JSON.stringify({ name: "@langchain/core", version: "0.0.0-trap" }));
  fs.writeFileSync(
    path.join(core, "messages", "index.js"),
    `require("fs").appendFileSync(${JSON.stringify(marker)}, "loaded in process " + process.pid + "\\n");\n` +
      "class Message { constructor(fields) { Object.assign(this, fields); } }\n" +
      "module.exports = { HumanMessage: class HumanMessage extends Message {}, AIMessage: class AIMessage extends Message {} };\n",
  );
  return { workspace, marker };
}

/** Runs `body` (CommonJS, top-level await allowed inside) as a stand-in extension host, cwd the workspace; returns its JSON line. */
function runHost(root: string, workspace: string, body: string): Record<string, unknown> {
  const host = path.join(root, "host", "host.js");
  fs.mkdirSync(path.dirname(host), { recursive: true });
  fs.writeFileSync(host, `(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exit(1); });\n`);
  const run = spawnSync(process.execPath, ["--require", TSX, host], { cwd: workspace, encoding: "utf8", env: { ...process.env, PROJECT_ROOT }, timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
}

const LOADED_FROM_WORKSPACE = `Object.keys(require.cache).filter((file) => file.startsWith(process.cwd()))`;

describe("the Checkpoints view's store reading runs no workspace code", function () {
  this.timeout(60_000);
  let root: string;
  let trap: { workspace: string; marker: string };
  let store: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "langgraph-no-workspace-code-"));
    trap = trappedWorkspace(root);
    store = path.join(trap.workspace, ".langgraph");
    const saver = new FileSaver(store, { fsync: false });
    const messages = [new HumanMessage({ content: "When is high tide in Brest?", id: "h1" }), new AIMessage({ content: "At 06:12.", id: "a1" })];
    const config = { configurable: { thread_id: "brest", checkpoint_ns: "" } };
    const first = { v: 4, id: "1f0000000000000000000001", ts: "2026-01-01T00:00:00.000Z", channel_values: { messages: messages.slice(0, 1) }, channel_versions: { messages: 1 }, versions_seen: {} };
    const parent = await saver.put(config, first, { source: "input", step: -1, parents: {}, writes: { __start__: { messages: messages.slice(0, 1) } } }, { messages: 1 });
    const second = { ...first, id: "1f0000000000000000000002", channel_values: { messages }, channel_versions: { messages: 2 }, versions_seen: { agent: { messages: 1 } } };
    await saver.put(parent, second, { source: "loop", step: 0, parents: {}, writes: { agent: { messages: messages.slice(1) } } }, { messages: 2 });
    await saver.close();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("control: reading the values in such a host loads the workspace's messages module", () => {
    const saverModule = path.join(PROJECT_ROOT, "src", "runtime", "checkpoint", "file", "index.ts");
    const seen = runHost(root, trap.workspace, `
      const { FileSaver } = require(${JSON.stringify(saverModule)});
      const classes = [];
      for await (const tuple of new FileSaver(${JSON.stringify(store)}).list({ configurable: { thread_id: "brest" } })) {
        classes.push(...tuple.checkpoint.channel_values.messages.map((message) => message.constructor.name));
      }
      console.log(JSON.stringify({ classes, loaded: ${LOADED_FROM_WORKSPACE} }));`);
    assert.ok(fs.existsSync(trap.marker), "the workspace's module ran");
    assert.ok((seen.classes as string[]).includes("AIMessage"));
    assert.ok((seen.loaded as string[]).some((file) => file.includes(path.join("@langchain", "core", "messages"))));
    fs.rmSync(trap.marker);
  });

  it("opening the thread as the view does reads it in another process and loads nothing of the workspace", () => {
    const readerModule = path.join(PROJECT_ROOT, "src", "extension", "storeReader.ts");
    const treeModule = path.join(PROJECT_ROOT, "src", "extension", "checkpointTree.ts");
    const seen = runHost(root, trap.workspace, `
      const { listStoredThreads, readStoredHistory, storeReader } = require(${JSON.stringify(readerModule)});
      const { checkpointTree } = require(${JSON.stringify(treeModule)});
      const threads = await listStoredThreads(${JSON.stringify(store)});
      const page = await readStoredHistory(${JSON.stringify(store)}, threads[0].threadId);
      const labels = checkpointTree(page.entries, { showNext: false }).map((node) => node.label);
      console.log(JSON.stringify({ threads, labels, more: page.more, readerPid: storeReader.pid, hostPid: process.pid, loaded: ${LOADED_FROM_WORKSPACE} }));`);
    assert.deepEqual((seen.threads as Array<{ threadId: string }>).map((thread) => thread.threadId), ["brest"]);
    assert.deepEqual(seen.labels, ["0 agent", "-1 input"]);
    assert.equal(seen.more, false);
    assert.ok(typeof seen.readerPid === "number" && seen.readerPid !== seen.hostPid, "the store was read in the reader process");
    assert.deepEqual(seen.loaded, [], "no module of the workspace in the host");
    assert.ok(!fs.existsSync(trap.marker), `the workspace's module ran: ${fs.existsSync(trap.marker) ? fs.readFileSync(trap.marker, "utf8") : ""}`);
  });
});
