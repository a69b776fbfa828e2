/**
 * Subgraphs in the built panel, in Chromium under the real CSP: a compiled graph used as a node is
 * drawn collapsed with a "▸ 3 nodes" expander, opens into a group holding its own graph (laid out in
 * the worker, two levels deep), opens by itself when the debugger stops inside it, lights its inner
 * nodes from the nested snapshots, and its inner nodes speak in paths (`research/rank`) for
 * breakpoints and source links.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openPanel, type PanelPage } from "./harness";
import { pausedBeforeResearchRank, pausedBeforeResearchSearchRead, researchGraph, researchOpening, waitingInResearchRank } from "./fixtures";

type Box = { x: number; y: number; width: number; height: number };

async function classesOf(panel: PanelPage, node: string): Promise<string[]> {
  return ((await panel.page.locator(`.graph-svg [data-node="${node}"]`).getAttribute("class")) ?? "").split(/\s+/);
}

async function boxOf(panel: PanelPage, selector: string): Promise<Box> {
  return (await panel.page.locator(selector).boundingBox()) ?? assert.fail(`${selector} is not on screen`);
}

function within(inner: Box, outer: Box): boolean {
  const slack = 0.5;
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

function layouts(panel: PanelPage): Promise<number> {
  return panel.page.evaluate(() => (window as unknown as { __langgraphPanel: { stats: { layouts: number } } }).__langgraphPanel.stats.layouts);
}

/** Waits until `count` layouts have been drawn. */
async function layoutsReach(panel: PanelPage, count: number): Promise<void> {
  await panel.page.waitForFunction((n) => (window as unknown as { __langgraphPanel: { stats: { layouts: number } } }).__langgraphPanel.stats.layouts >= n, count);
  await panel.page.locator(".layout-progress").waitFor({ state: "hidden" });
}

describe("graph panel: subgraphs as groups", function () {
  this.timeout(60000);
  let panel: PanelPage;
  afterEach(() => panel.close());

  async function open(state = researchOpening()): Promise<void> {
    panel = await openPanel();
    await panel.send(...state);
    await panel.waitForGraph();
  }

  it("draws a subgraph collapsed, with a badge saying how many nodes it holds", async () => {
    await open();
    assert.equal(await panel.page.locator('[data-node="research"] .expander-label').textContent(), "▸ 3 nodes");
    assert.equal(await panel.page.locator('[data-node="research"]').getAttribute("aria-expanded"), "false");
    assert.match((await panel.page.locator('[data-node="research"]').getAttribute("aria-label"))!, /subgraph of 3 nodes, collapsed/);
    assert.equal(await panel.page.locator('[data-node^="research/"]').count(), 0, "no inner node drawn");
    assert.equal(await panel.page.locator('[data-node="write"] .expander').count(), 0, "plain nodes have no expander");
  });

  it("the chevron expands it into a group box holding its nodes, laid out in the worker; collapsing hides them", async () => {
    await open();
    await panel.page.locator('[data-node="research"] .expander').click();
    await panel.page.locator('[data-node="research/rank"]').waitFor();
    await layoutsReach(panel, 2);
    assert.ok(await panel.page.evaluate(() => (window as unknown as { __langgraphPanel: { stats: { lastLayoutMs: number } } }).__langgraphPanel.stats.lastLayoutMs) > 0, "the worker timed the layout");
    const group = await boxOf(panel, '.group-frame[data-group="research"]');
    for (const id of ["research/__start__", "research/search", "research/rank", "research/summarize", "research/__end__"]) {
      assert.ok(within(await boxOf(panel, `[data-node="${id}"]`), group), `${id} lies inside the research box`);
    }
    assert.equal(await panel.page.locator('[data-node="research"] .node-label').textContent(), "research", "the group is titled with its node");
    assert.equal(await panel.page.locator('[data-node="research"] .expander-label').textContent(), "▾ 3 nodes");
    assert.equal(await panel.page.locator('[data-node="research/search"] .expander-label').textContent(), "▸ 2 nodes", "the inner subgraph starts collapsed");
    assert.equal(await panel.page.locator('.edge[data-source="plan"][data-target="research"]').count(), 1, "plan's edge goes to the group");

    await panel.page.locator('[data-node="research/search"] .expander').click();
    await panel.page.locator('[data-node="research/search/read"]').waitFor();
    assert.ok(within(await boxOf(panel, '[data-node="research/search/read"]'), await boxOf(panel, '.group-frame[data-group="research/search"]')));
    assert.ok(within(await boxOf(panel, '.group-frame[data-group="research/search"]'), await boxOf(panel, '.group-frame[data-group="research"]')), "two deep");

    await panel.page.locator('[data-node="research"] .expander').click();
    await panel.page.locator('[data-node="research/rank"]').waitFor({ state: "detached" });
    assert.equal(await panel.page.locator(".group-frame").count(), 0);
    assert.equal(await layouts(panel), 4, "each expand and collapse is one layout");
  });

  it("ArrowRight on the focused subgraph expands it, ArrowLeft on an inner node collapses its group", async () => {
    await open();
    await panel.page.locator('[data-node="research"]').focus();
    await panel.page.keyboard.press("ArrowRight");
    await panel.page.locator('[data-node="research/rank"]').waitFor();
    assert.equal(await panel.page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.node), "research", "focus stays on the group");
    await panel.page.locator('[data-node="research/rank"]').focus();
    await panel.page.keyboard.press("ArrowLeft");
    await panel.page.locator('[data-node="research/rank"]').waitFor({ state: "detached" });
    assert.equal(await panel.page.locator('[data-node="research"]').getAttribute("aria-expanded"), "false");
  });

  it("keeps the open groups when the panel is hidden and shown again", async () => {
    await open();
    await panel.page.locator('[data-node="research"] .expander').click();
    await panel.page.locator('[data-node="research/rank"]').waitFor();
    await panel.reload();
    await panel.send(...researchOpening());
    await panel.page.locator('[data-node="research/rank"]').waitFor();
    assert.equal(await layouts(panel), 1, "laid out once, already open");
  });

  it("a stop inside research/rank opens the group and lights research/rank as next, repainting without a new layout", async () => {
    await open();
    await panel.send(pausedBeforeResearchRank);
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/rank"]')?.classList.contains("next"));
    assert.equal(await panel.page.locator('[data-node="research/rank"] .node-flag').textContent(), "▶");
    assert.ok(!(await classesOf(panel, "research/summarize")).includes("next"));
    assert.ok((await classesOf(panel, "research")).includes("next-inside"));
    assert.match((await panel.page.locator('[data-node="research"]').getAttribute("aria-label"))!, /runs next inside \(research\/rank\)/);
    const count = await layouts(panel);
    await panel.send(waitingInResearchRank);
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/rank"]')?.classList.contains("interrupted"));
    assert.equal(await layouts(panel), count, "a new stop in the same groups only repaints");
  });

  it("a stop two levels down opens both groups and lights research/search/read", async () => {
    await open(researchOpening(pausedBeforeResearchSearchRead));
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/search/read"]')?.classList.contains("next"));
    assert.ok(!(await classesOf(panel, "research/search/query")).includes("next"));
    for (const group of ["research", "research/search"]) {
      assert.equal(await panel.page.locator(`[data-node="${group}"]`).getAttribute("aria-expanded"), "true");
      assert.ok((await classesOf(panel, group)).includes("next-inside"), `${group} says something runs next inside`);
    }
  });

  it("an interrupt inside lights the inner node; collapsed again by the user, the group still shows it is waiting inside", async () => {
    await open(researchOpening(waitingInResearchRank));
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/rank"]')?.classList.contains("interrupted"));
    assert.equal(await panel.page.locator('[data-node="research/rank"] .node-flag').textContent(), "?");
    assert.match((await panel.page.locator(".banner-text").textContent())!, /interrupt\(\) in research\/rank\./);
    assert.match((await panel.page.locator(".interrupt-card header").first().textContent())!, /^research\/rank asks/);
    await panel.page.locator('[data-node="research"] .expander').click();
    await panel.page.locator('[data-node="research/rank"]').waitFor({ state: "detached" });
    assert.ok((await classesOf(panel, "research")).includes("interrupted-inside"));
    assert.match((await panel.page.locator('[data-node="research"]').getAttribute("aria-label"))!, /waiting inside \(research\/rank\)/);
    // The same stop again (a repaint, a re-sent event) does not fight the user: the group stays shut.
    await panel.send(waitingInResearchRank);
    await panel.page.waitForTimeout(300);
    assert.equal(await panel.page.locator('[data-node="research/rank"]').count(), 0);
  });

  it("a click on an inner marker sends the path; breakpoints named by path show on inner nodes", async () => {
    await open(researchOpening(pausedBeforeResearchRank));
    await panel.page.locator('[data-node="research/rank"]').waitFor();
    await panel.page.locator('[data-node="research/rank"] .bp-before .bp-hit').click();
    const request = await panel.nextRequest("setNodeBreakpoints");
    assert.deepEqual(request.args, { before: ["research/rank"], after: [] });
    await panel.reply(request, request.args);

    await panel.page.locator('[data-node="research/search"] .expander').click();
    await panel.send({ type: "nodeBreakpoints", breakpoints: { before: ["research/rank"], after: ["research/search/read"] } });
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/search/read"]')?.classList.contains("bp-after-on"));
    assert.ok(!(await classesOf(panel, "research/search/query")).includes("bp-after-on"));
    assert.match((await panel.page.locator('[data-node="research/search/read"]').getAttribute("aria-label"))!, /break after/);
  });

  it("a double-click on an inner node opens its addNode line, named by path", async () => {
    await open(researchOpening(pausedBeforeResearchRank));
    await panel.page.locator('[data-node="research/rank"] .node-label').dblclick();
    const request = await panel.nextRequest("openSource");
    assert.equal(request.node, "research/rank");
    const research = researchGraph.nodes.find((node) => node.id === "research")!.subgraph!;
    assert.deepEqual(request.source, research.nodes.find((node) => node.id === "rank")!.source);
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(await panel.cspViolations(), []);
  });
});
