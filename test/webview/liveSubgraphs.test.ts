/**
 * Subgraphs on the whole path without VS Code: the built panel in Chromium, the extension's
 * PanelBridge as its host, and the real debug adapter running examples/research-report.ts. Paused
 * by the function breakpoint `research/rank`, the panel opens the `research` group by itself and
 * lights `research/rank`; a breakpoint set on an inner node from the panel reaches the adapter by
 * its path, and the run then stops there.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import "./browserHooks";
import type { NodeBreakpoints } from "../../src/protocol/debug";
import { Story } from "../debug/helpers/story";
import type { PanelPage } from "./harness";
import { openLivePanel } from "./liveBridge";

const PROGRAM = path.resolve(__dirname, "../../examples/research-report.ts");

describe("the panel with a real adapter (research-report example, subgraphs)", function () {
  this.timeout(120000);
  let story: Story;
  let panel: PanelPage | undefined;

  before(async () => {
    story = await Story.open();
    await story.start("launch", { program: PROGRAM }, { functionBreakpoints: ["research/rank"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before research/rank");
  });
  after(async () => {
    await panel?.close();
    await story?.close();
  });

  it("opens the research group at a stop inside it and lights research/rank; an inner marker sets a breakpoint the run then stops at", async () => {
    // In VS Code the panel's toggles become editor breakpoints; here they go straight to the adapter, which takes path names too.
    const live = await openLivePanel(story, "research-report", async (wanted) =>
      (await story.dc.customRequest("setNodeBreakpoints", wanted)).body as NodeBreakpoints);
    panel = live.panel;
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/rank"]')?.classList.contains("next"));
    assert.equal(await panel.page.locator('[data-node="research"]').getAttribute("aria-expanded"), "true");
    assert.ok((await panel.page.locator('[data-node="research"]').getAttribute("class"))!.includes("next-inside"));
    assert.ok(!(await panel.page.locator('[data-node="research/summarize"]').getAttribute("class"))!.includes("next"));
    assert.match((await panel.page.locator(".banner-text").textContent())!, /Paused before research\/rank/);
    await panel.screenshot("webview/panel-live-subgraph");

    await panel.page.locator('[data-node="research/summarize"] .bp-before .bp-hit').click();
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/summarize"]')?.classList.contains("bp-before-on"));
    await story.dc.continueRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Paused before research/summarize");
    await panel.page.waitForFunction(() => document.querySelector('[data-node="research/summarize"]')?.classList.contains("next"));
    assert.ok(!(await panel.page.locator('[data-node="research/rank"]').getAttribute("class"))!.includes("next"), "rank has run");
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(live.logged, []);
  });
});
