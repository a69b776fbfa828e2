/**
 * The state editor at a subgraph's level, in the built panel in Chromium: stopped inside
 * `research`, it shows the subgraph's own state (its `queries` key, which the parent has not),
 * offers the subgraph's nodes for "as node", and Apply writes into the subgraph's checkpoints
 * (`checkpointNs`). Back at the root, it shows the root's state again.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import type { HostToPanel } from "../../src/protocol/panel";
import { openPanel, type PanelPage } from "./harness";
import { pausedBeforePlan, pausedBeforeResearchRank, researchOpening } from "./fixtures";

/** The stop before `research/rank`, the subgraph's state holding what only it has. */
function insideResearch(): HostToPanel {
  const message = structuredClone(pausedBeforeResearchRank);
  if (message.type !== "graphState" || !message.state.level) throw new Error("the fixture is a stop inside research");
  message.state.level.snapshot.values = { topic: "tides", queries: ["what causes tides"], findings: ["The moon pulls."] };
  return message;
}

async function treeKeys(panel: PanelPage): Promise<string[]> {
  return panel.page.locator(".state-tree > li[aria-level=\"1\"] > .tree-row .tree-key").allTextContents();
}

describe("state panel inside a subgraph", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openPanel();
    await panel.send(...researchOpening(insideResearch()));
    await panel.waitForGraph();
  });
  afterEach(() => panel.close());

  it("shows the subgraph's own state, and its nodes for 'as node'", async () => {
    await panel.page.locator(".state-heading", { hasText: "State of research at step 1" }).waitFor();
    assert.deepEqual(await treeKeys(panel), ["topic", "queries", "findings"]);
    await panel.page.locator(".as-node").click();
    const choices = await panel.page.locator('.as-node li[role="option"]').allTextContents();
    assert.ok(["search", "rank", "summarize"].every((node) => choices.some((choice) => choice.includes(node))), `the subgraph's nodes: ${choices.join(", ")}`);
    assert.ok(!choices.some((choice) => choice.includes("plan")), "not the parent's nodes");
  });

  it("writes an edit into the subgraph's checkpoints, as the node chosen", async () => {
    await panel.page.locator(".mode-json").click();
    await panel.page.locator(".state-json textarea").fill(JSON.stringify({ topic: "tides", queries: ["why two tides a day"], findings: ["The moon pulls."] }));
    await panel.page.locator(".as-node").click();
    await panel.page.locator('.as-node li[role="option"]', { hasText: "search" }).first().click();
    await panel.page.locator("vscode-button.apply").click();
    const request = await panel.nextRequest("updateState");
    assert.deepEqual(request.args, { values: { queries: ["why two tides a day"] }, asNode: "search", checkpointId: "s2", checkpointNs: "research:task-r" });
  });

  it("a key only the parent has is refused inside the subgraph", async () => {
    await panel.page.locator(".mode-json").click();
    await panel.page.locator(".state-json textarea").fill(JSON.stringify({ topic: "tides", queries: [], findings: [], report: "early" }));
    await panel.page.locator(".as-node").click();
    await panel.page.locator('.as-node li[role="option"]', { hasText: "rank" }).first().click();
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".inline-error", { hasText: 'Unknown key "report"' }).waitFor();
  });

  it("shows the root's state again when the run stops at the root", async () => {
    await panel.send(pausedBeforePlan);
    await panel.page.locator(".state-heading", { hasText: /^State at step 1/ }).waitFor();
    assert.deepEqual(await treeKeys(panel), ["topic"]);
  });
});
