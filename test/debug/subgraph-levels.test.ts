/**
 * The arithmetic of subgraph levels, on the graph of `fixtures/subgraph.ts` as the runner draws
 * it: one `addNode` line of a subgraph used under two nodes is a breakpoint at both paths; each
 * way of stepping starts its run with the node lists of the right levels; and a node list is read
 * from a subgraph's point of view.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphView, SnapshotView } from "../../src/protocol/debug";
import { BreakpointBook } from "../../src/debug/breakpoints";
import { relativeTo } from "../../src/debug/levels";
import { runLists } from "../../src/debug/stepping";
import { FIXTURES, lineOf } from "./helpers/story";

const FILE = path.join(FIXTURES, "subgraph.ts");
const at = (needle: string) => ({ file: FILE, line: lineOf(FILE, needle), column: 4 });

const research: GraphView = {
  nodes: [{ id: "__start__" }, { id: "search", source: at('.addNode("search"') }, { id: "summarize", source: at('.addNode("summarize"') }, { id: "__end__" }],
  edges: [],
  dynamic: [],
};

/** A parent that uses the same research subgraph twice, as `research` and `recheck`. */
const parent: GraphView = {
  nodes: [{ id: "plan", source: at('.addNode("plan"') }, { id: "research", subgraph: research }, { id: "recheck", subgraph: research }, { id: "write" }],
  edges: [],
  dynamic: [],
};

function snapshot(next: string[], tasks: SnapshotView["tasks"] = [], focusNs?: string): SnapshotView {
  return { threadId: "t", checkpointId: "c", values: {}, next, tasks, metadata: { source: "loop", step: 1 }, createdAt: "", ...(focusNs ? { focusNs } : {}) };
}

describe("subgraph levels", () => {
  it("puts a gutter breakpoint on a subgraph's addNode line at every path that subgraph is used under", () => {
    const book = new BreakpointBook();
    book.setGraph(parent);
    const [result] = book.setSourceBreakpoints(FILE, [lineOf(FILE, '.addNode("search"')]);
    assert.equal(result.verified, true);
    assert.deepEqual(book.effective().before.sort(), ["recheck/search", "research/search"]);
    assert.deepEqual(book.hitIds(["recheck/search"], "before"), [result.id]);
  });

  it("steps over, into and out of a subgraph with the node lists of the right levels", () => {
    const book = new BreakpointBook();
    book.setGraph(parent);
    const lists = book.effective();
    const beforeResearch = snapshot(["research"], [{ id: "1", name: "research", path: [], interrupts: [], checkpointNs: "research:1" }]);
    assert.deepEqual(runLists("step", lists, parent, beforeResearch).interruptBefore, ["plan", "research", "recheck", "write"]);
    assert.deepEqual(runLists("stepIn", lists, parent, beforeResearch).interruptBefore, ["plan", "research", "recheck", "write", "research/*"], "every node of whatever graph runs inside research");

    const inner = snapshot(["summarize"], [{ id: "2", name: "summarize", path: [], interrupts: [] }]);
    const inside = snapshot(["research"], [{ id: "1", name: "research", path: [], interrupts: [], checkpointNs: "research:1", state: inner }], "research:1");
    assert.deepEqual(runLists("step", lists, parent, inside).interruptBefore, ["plan", "research", "recheck", "write", "research/search", "research/summarize"]);
    assert.deepEqual(runLists("stepOut", lists, parent, inside).interruptBefore, ["plan", "research", "recheck", "write"]);
    assert.deepEqual(runLists("continue", lists, parent, inside).interruptBefore, []);

    book.setFunctionBreakpoints(["*"]);
    assert.equal(runLists("step", book.effective(), parent, inside).interruptBefore, "*");
  });

  it("reads node lists from a subgraph's point of view", () => {
    const names = ["write", "research/search", "research/deep/probe", "*"];
    assert.deepEqual(relativeTo(names, []), ["write", "*"]);
    assert.deepEqual(relativeTo(names, ["research"]), ["search", "*"]);
    assert.deepEqual(relativeTo(names, ["research", "deep"]), ["probe", "*"]);
  });
});
