/**
 * Time travel inside subgraphs, in the built panel in Chromium. Stopped before `research/rank`
 * with the thread's history holding the subgraphs' checkpoints: the timeline shows research's run
 * under the root checkpoint it ran from, and search's run inside it; the graph lights the path
 * taken inside the groups; "as node" defaults to the subgraph's node that wrote last. Picking a
 * checkpoint inside research asks for it with its namespace, and replaying from it does too.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openPanel, type PanelPage } from "./harness";
import { pausedBeforeResearchRank, researchHistory, researchOpening } from "./fixtures";

const RESEARCH_NS = "research:task-r";

async function classesOf(panel: PanelPage, node: string): Promise<string[]> {
  return ((await panel.page.locator(`.graph-svg [data-node="${node}"]`).getAttribute("class")) ?? "").split(/\s+/);
}

describe("time travel inside subgraphs", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openPanel();
    await panel.send(...researchOpening(pausedBeforeResearchRank), { type: "history", threadId: "thread-r", entries: researchHistory });
    await panel.waitForGraph();
  });
  afterEach(() => panel.close());

  it("the timeline lists each subgraph run under the checkpoint it ran from, named by its path", async () => {
    await panel.page.locator("vscode-tab-header.tab-timeline").click();
    const rows = panel.page.locator(".timeline-row");
    assert.deepEqual(await rows.evaluateAll((items) => items.map((item) => `${item.getAttribute("aria-level")}:${item.getAttribute("data-checkpoint")}`)), [
      "1:ri", "1:r0", "1:r1", "2:s0", "2:s1", "3:qi", "3:qa", "3:q1", "3:q2", "2:s2",
    ]);
    assert.match((await panel.page.locator('[data-checkpoint="s0"]').textContent())!, /^research ›step -1input/);
    assert.match((await panel.page.locator('[data-checkpoint="qi"]').textContent())!, /^research\/search ›/);
    assert.equal(await panel.page.locator('[data-checkpoint="s1"] .timeline-subgraph').count(), 0, "only a run's first row is named");
  });

  it("the path taken is lit inside the groups: search and its insides ran, rank is next", async () => {
    await panel.page.locator('.graph-svg [data-node="research/rank"].next').waitFor();
    assert.ok((await classesOf(panel, "research/search")).includes("path"), "search ran");
    assert.ok((await classesOf(panel, "plan")).includes("path"), "the root's path too");
    assert.ok(!(await classesOf(panel, "research/rank")).includes("path"), "rank has not run");
    const edge = panel.page.locator('.graph-svg [data-source="research/search"][data-target="research/rank"]');
    assert.doesNotMatch((await edge.getAttribute("class")) ?? "", /\bpath\b/, "the edge to rank is not taken yet");
    assert.match((await panel.page.locator('.graph-svg [data-source="research/__start__"][data-target="research/search"]').getAttribute("class")) ?? "", /\bpath\b/);
  });

  it("'as node' inside research defaults to search, the node that wrote last there", async () => {
    await panel.page.locator(".as-node-default", { hasText: "default: search, the node that wrote last" }).waitFor();
  });

  it("picking a checkpoint inside research asks for it with its namespace; Replay sends the namespace too", async () => {
    await panel.page.locator("vscode-tab-header.tab-timeline").click();
    await panel.clearPosted();
    await panel.page.locator('[data-checkpoint="s1"]').click();
    const request = await panel.nextRequest("selectCheckpoint");
    assert.deepEqual(request.args, { checkpointId: "s1", checkpointNs: RESEARCH_NS });
    await panel.reply(request, {
      threadId: "thread-r", checkpointId: "s1", parentCheckpointId: "s0", values: { topic: "tides", queries: [] }, next: ["search"], tasks: [],
      metadata: { source: "loop", step: 0, parents: { "": "r1" } }, createdAt: "2026-11-24T10:00:10.000Z", checkpointNs: RESEARCH_NS,
    });
    await panel.page.locator('[data-checkpoint="s1"].selected').waitFor();
    await panel.page.locator('.graph-svg [data-node="research/search"].next').waitFor();
    assert.ok(!(await classesOf(panel, "research/search")).includes("path"), "at s1 search has not run yet");
    await panel.page.locator('[data-checkpoint="s1"] vscode-button.replay').click();
    assert.deepEqual((await panel.nextRequest("replay")).args, { checkpointId: "s1", checkpointNs: RESEARCH_NS });
  });
});
