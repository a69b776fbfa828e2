/**
 * The Checkpoints view's layout of a thread: the line to the head, newest first, with each fork
 * hanging as a branch under the checkpoint it left from, labels that say who wrote a checkpoint,
 * and the head and the checkpoint being viewed marked.
 */
import { strict as assert } from "node:assert";
import type { HistoryEntry } from "../../src/protocol/debug";
import { CheckpointNode, checkpointLabel, checkpointTree } from "../../src/extension/checkpointTree";

let clock = 0;
function entry(checkpointId: string, parentId: string | undefined, step: number, writtenBy: string[], source: HistoryEntry["source"] = "loop", next: string[] = []): HistoryEntry {
  clock += 1;
  return { checkpointId, ...(parentId ? { parentId } : {}), step, source, writtenBy, next, createdAt: `2026-01-01T00:00:${String(clock).padStart(2, "0")}Z` };
}

/** A thread run to its end, then forked at step 1 with an edit, which was run on. */
function forkedThread(): HistoryEntry[] {
  clock = 0;
  const entries = [
    entry("c0", undefined, -1, ["__input__"], "input", ["__start__"]),
    entry("c1", "c0", 0, ["__start__"], "loop", ["agent"]),
    entry("c2", "c1", 1, ["agent"], "loop", ["tools"]),
    entry("c3", "c2", 2, ["tools"], "loop", ["agent"]),
    entry("c4", "c3", 3, ["agent"], "loop", []),
    entry("e2", "c2", 2, ["agent"], "update", ["tools"]),
    entry("e3", "e2", 3, ["tools"], "loop", ["agent"]),
  ];
  return entries.reverse(); // newest first, as the adapter gives them
}

const ids = (nodes: CheckpointNode[]) => nodes.map((node) => node.entry.checkpointId);

describe("the checkpoint tree of a thread", () => {
  it("shows the line to the newest checkpoint, newest first, with the older line as a branch", () => {
    const tree = checkpointTree(forkedThread());
    assert.deepEqual(ids(tree), ["e3", "e2", "c2", "c1", "c0"]);
    const forkPoint = tree.find((node) => node.entry.checkpointId === "c2")!;
    assert.equal(forkPoint.branches.length, 1);
    const [branch] = forkPoint.branches;
    assert.equal(branch.label, "Branch from step 1");
    assert.equal(branch.description, "2 checkpoints, to step 3");
    assert.deepEqual(ids(branch.items), ["c4", "c3"]);
  });

  it("follows the session's head, not the newest checkpoint, when it is given", () => {
    const tree = checkpointTree(forkedThread(), { headId: "c4", currentId: "c1" });
    assert.deepEqual(ids(tree), ["c4", "c3", "c2", "c1", "c0"]);
    assert.deepEqual(ids(tree[2].branches[0].items), ["e3", "e2"]);
    assert.deepEqual(tree.filter((node) => node.isHead).map((node) => node.entry.checkpointId), ["c4"]);
    assert.deepEqual(tree.filter((node) => node.isCurrent).map((node) => node.entry.checkpointId), ["c1"]);
    assert.equal(tree[0].description, "end · head");
  });

  it("labels say the step and who wrote the checkpoint", () => {
    const [e3, e2, c2, c1, c0] = checkpointTree(forkedThread());
    assert.deepEqual([e3.label, e2.label, c2.label, c1.label, c0.label], ["3 tools", "2 edit as agent", "1 agent", "0 start", "-1 input"]);
    assert.equal(e2.description, "next: tools");
    assert.match(e2.tooltip, /^Checkpoint e2\nstep 2, source update\nwritten by agent\nnext: tools\n2026-/);
    assert.equal(checkpointLabel({ ...e2.entry, source: "fork", writtenBy: [] }), "2 fork");
  });

  it("without known next nodes, says nothing about them", () => {
    const tree = checkpointTree(forkedThread(), { showNext: false });
    assert.equal(tree[1].description, "");
    assert.equal(tree[0].description, "head");
  });

  it("keeps history whose parent is missing as a branch, and handles an empty thread", () => {
    clock = 0;
    const entries = [entry("a1", undefined, 0, ["a"]), entry("a2", "a1", 1, ["b"]), entry("x5", "gone", 5, ["c"])].reverse();
    const tree = checkpointTree(entries, { headId: "a2" });
    assert.deepEqual(ids(tree), ["a2", "a1"]);
    assert.deepEqual(tree[1].branches.map((branch) => [branch.label, ids(branch.items)]), [["Earlier history", ["x5"]]]);
    assert.deepEqual(checkpointTree([]), []);
  });

  it("lays out a long thread without recursion limits", () => {
    clock = 0;
    const entries: HistoryEntry[] = [];
    for (let step = 0; step < 5000; step++) entries.push({ ...entry(`s${step}`, step ? `s${step - 1}` : undefined, step, ["n"]), createdAt: String(step).padStart(6, "0") });
    const tree = checkpointTree(entries.reverse());
    assert.equal(tree.length, 5000);
    assert.equal(tree[0].entry.checkpointId, "s4999");
  });

  it("hangs a subgraph run under the checkpoint it ran from, with its own runs inside it", () => {
    clock = 0;
    const inResearch = { checkpointNs: "research:t1", parents: { "": "r1" } };
    const inSearch = { checkpointNs: "research:t1|search:t2", parents: { "": "r1", "research:t1": "s1" } };
    const entries = [
      entry("r0", undefined, -1, ["__input__"], "input", ["__start__"]),
      entry("r1", "r0", 0, ["__start__"], "loop", ["research"]),
      { ...entry("s0", undefined, -1, ["__input__"], "input", ["__start__"]), ...inResearch },
      { ...entry("s1", "s0", 0, ["__start__"], "loop", ["search"]), ...inResearch },
      { ...entry("q0", undefined, -1, ["__input__"], "input", ["__start__"]), ...inSearch },
      { ...entry("q1", "q0", 0, ["__start__"], "loop", ["read"]), ...inSearch },
      { ...entry("s2", "s1", 1, ["search"], "loop", ["rank"]), ...inResearch },
    ].reverse();
    const tree = checkpointTree(entries, { headId: "r1", currentId: "s2" });
    assert.deepEqual(ids(tree), ["r1", "r0"], "the root's line holds only the root's checkpoints");
    const [research] = tree[0].branches;
    assert.deepEqual([research.label, research.subgraph, research.description], ["Inside research", "research", "3 checkpoints, to step 1"]);
    assert.deepEqual(ids(research.items), ["s2", "s1", "s0"]);
    assert.ok(research.items[0].isCurrent && !research.items[0].isHead, "the viewed checkpoint is marked; a run has no head");
    const [search] = research.items[1].branches;
    assert.deepEqual([search.label, ids(search.items)], ["Inside research/search", ["q1", "q0"]]);
    assert.deepEqual(tree[0].description, "next: research · head");
  });
});
