/**
 * What the panel reads from a thread's history: the timeline's tree (forks as branches), the path
 * a run took to a checkpoint, and the node an edit acts as by default.
 */
import * as assert from "node:assert/strict";
import type { HistoryEntry } from "../../src/protocol/debug";
import { edgeKey, pathTaken } from "../../webview/graph/path";
import { pathAtEveryDepth } from "../../webview/graph/nestedPath";
import { ancestry, defaultAsNode } from "../../webview/timeline/history";
import { timelineRows } from "../../webview/timeline/historyTree";
import { researchGraph, researchHistory, supportGraph, supportHistory } from "./fixtures";

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

describe("history inside subgraphs", () => {
  const researchNodes = new Set(researchGraph.nodes.find((node) => node.id === "research")!.subgraph!.nodes.map((node) => node.id));

  it("the timeline puts each subgraph run right under the checkpoint it ran from, one level deeper", () => {
    const rows = timelineRows(researchHistory, "r1");
    assert.deepEqual(rows.map((row) => `${"  ".repeat(row.depth)}${row.entry.checkpointId}${row.runStart ? ` (${row.subgraph})` : ""}`), [
      "ri", "r0", "r1", "  s0 (research)", "  s1", "    qi (research/search)", "    qa", "    q1", "    q2", "  s2",
    ]);
    assert.deepEqual(rows.filter((row) => row.subgraph === "research").map((row) => row.entry.checkpointId), ["s0", "s1", "s2"]);
  });

  it("a run whose parent checkpoint is gone from the history still shows, at the end", () => {
    const rows = timelineRows(researchHistory.filter((entry) => entry.checkpointId !== "s1"), "r1");
    assert.deepEqual(rows.map((row) => row.entry.checkpointId).slice(-4), ["qi", "qa", "q1", "q2"]);
    assert.equal(rows.length, researchHistory.length - 1, "nothing is lost");
  });

  it("the path inside research runs to the stop, and inside research/search to its end", () => {
    const path = pathAtEveryDepth(researchGraph, researchHistory, [{ path: "", checkpointId: "r1" }, { path: "research", checkpointId: "s2" }]);
    assert.ok(["plan", "research/search", "research/search/query", "research/search/read"].every((node) => path.nodes.has(node)), [...path.nodes].join(", "));
    assert.ok(path.edges.has(edgeKey("research/__start__", "research/search")));
    assert.ok(path.edges.has(edgeKey("research/search/query", "research/search/read")));
    assert.ok(path.edges.has(edgeKey("research/search/read", "research/search/__end__")), "search finished");
    assert.ok(!path.nodes.has("research/rank"), "rank runs next, it has not run");
  });

  it("travelled back inside research to s1, search has not run there yet", () => {
    const path = pathAtEveryDepth(researchGraph, researchHistory, [{ path: "", checkpointId: "r1" }, { path: "research", checkpointId: "s1" }]);
    assert.ok(path.nodes.has("research/__start__"));
    assert.ok(!path.nodes.has("research/search") && !path.nodes.has("research/search/query"), [...path.nodes].join(", "));
  });

  it("seen from the root's r1 alone, research's run is still to come and lights nothing inside", () => {
    const path = pathAtEveryDepth(researchGraph, researchHistory, [{ path: "", checkpointId: "r1" }]);
    assert.deepEqual([...path.nodes].filter((node) => node.includes("/")), []);
    assert.ok(path.nodes.has("plan"));
  });

  it("'as node' defaults to the subgraph's node that wrote last", () => {
    assert.deepEqual(defaultAsNode(ancestry(researchHistory, "s2"), researchNodes), { node: "search" });
    assert.deepEqual(defaultAsNode(ancestry(researchHistory, "s0"), researchNodes), { node: "__start__" });
  });
});
