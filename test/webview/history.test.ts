/**
 * What the panel reads from a thread's history: the timeline's tree (forks as branches), the path
 * a run took to a checkpoint, and the node an edit acts as by default.
 */
import * as assert from "node:assert/strict";
import type { HistoryEntry } from "../../src/protocol/debug";
import { edgeKey, pathTaken } from "../../webview/graph/path";
import { ancestry, defaultAsNode } from "../../webview/timeline/history";
import { timelineRows } from "../../webview/timeline/historyTree";
import { supportGraph, supportHistory } from "./fixtures";

const nodeIds = new Set(supportGraph.nodes.map((node) => node.id));

describe("timeline tree", () => {
  it("lists the run oldest first and nests the fork under the checkpoint it came from", () => {
    const rows = timelineRows(supportHistory, "c5");
    assert.deepEqual(rows.map((row) => `${"  ".repeat(row.depth)}${row.entry.checkpointId}${row.branchStart ? " (fork)" : ""}`), [
      "c0", "c1", "c2", "  f2 (fork)", "  f3", "c3", "c4", "c5",
    ]);
    assert.deepEqual(rows.filter((row) => row.isHead).map((row) => row.entry.checkpointId), ["c5"]);
  });

  it("keeps the head's line at depth 0 when the head is on the fork", () => {
    const rows = timelineRows(supportHistory, "f3");
    assert.deepEqual(rows.filter((row) => row.depth === 0).map((row) => row.entry.checkpointId), ["c0", "c1", "c2", "f2", "f3"]);
    assert.deepEqual(rows.filter((row) => row.depth === 1).map((row) => row.entry.checkpointId), ["c3", "c4", "c5"]);
  });

  it("copes with a long thread without recursion", () => {
    const long: HistoryEntry[] = Array.from({ length: 20000 }, (_, step) => ({
      checkpointId: `k${step}`, parentId: step ? `k${step - 1}` : undefined, step, source: "loop", writtenBy: ["a"], next: ["a"], createdAt: new Date(step * 1000).toISOString(),
    }));
    const rows = timelineRows(long, "k19999");
    assert.equal(rows.length, 20000);
    assert.equal(rows[19999].entry.checkpointId, "k19999");
  });
});

describe("path taken", () => {
  it("follows writers along the chain, using only edges the graph has", () => {
    const path = pathTaken(supportGraph, ancestry(supportHistory, "c5"));
    assert.deepEqual([...path.nodes].sort(), ["__start__", "agent", "classify", "tools"]);
    assert.deepEqual([...path.edges].sort(), [edgeKey("__start__", "classify"), edgeKey("agent", "tools"), edgeKey("classify", "agent"), edgeKey("tools", "agent")].sort());
    assert.ok(!path.nodes.has("review"), "review is next, not taken yet");
  });

  it("lights the edge into __end__ once a branch finished", () => {
    const path = pathTaken(supportGraph, ancestry(supportHistory, "f3"));
    assert.ok(path.edges.has(edgeKey("classify", "respond")));
    assert.ok(path.edges.has(edgeKey("respond", "__end__")) && path.nodes.has("__end__"));
    assert.ok(!path.nodes.has("agent"), "the fork never ran agent");
  });

  it("marks a dynamic route as followed when its observed target wrote next", () => {
    const chain: HistoryEntry[] = [
      ...ancestry(supportHistory, "c5"),
      { checkpointId: "c6", parentId: "c5", step: 5, source: "loop", writtenBy: ["review"], next: ["respond"], createdAt: "" },
      { checkpointId: "c7", parentId: "c6", step: 6, source: "loop", writtenBy: ["respond"], next: [], createdAt: "" },
    ];
    const path = pathTaken(supportGraph, chain);
    assert.ok(path.dynamicSources.has("review"));
    assert.ok(!path.edges.has(edgeKey("review", "respond")), "no static edge is invented for a dynamic route");
  });
});

describe("default as node", () => {
  it("is the node that wrote last", () => {
    assert.deepEqual(defaultAsNode(ancestry(supportHistory, "c5"), nodeIds), { node: "agent" });
    assert.deepEqual(defaultAsNode(ancestry(supportHistory, "f2"), nodeIds), { node: "classify" });
  });

  it("is __start__ on a fresh thread, and ambiguous when two nodes finished together", () => {
    assert.deepEqual(defaultAsNode(ancestry(supportHistory, "c0"), nodeIds), { node: "__start__" });
    const parallel: HistoryEntry[] = [{ checkpointId: "p", step: 3, source: "loop", writtenBy: ["agent", "tools"], next: [], createdAt: "" }];
    assert.deepEqual(defaultAsNode(parallel, nodeIds), { ambiguous: ["agent", "tools"] });
  });
});
