/**
 * The whole path without VS Code: the built panel in Chromium, the extension's PanelBridge as its
 * host, and the real debug adapter running the interrupt-review example in a real runner. The panel
 * must draw what the adapter really sends, and its Resume must really answer `interrupt()`.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import "./browserHooks";
import { Story } from "../debug/helpers/story";
import type { PanelPage } from "./harness";
import { openLivePanel } from "./liveBridge";

const PROGRAM = path.resolve(__dirname, "../../examples/interrupt-review.ts");

describe("the panel with a real adapter (interrupt-review example)", function () {
  this.timeout(120000);
  let story: Story;
  let panel: PanelPage;

  before(async () => {
    story = await Story.open();
    await story.start("launch", { program: PROGRAM });
    await story.next("stopped");
  });
  after(async () => {
    await panel?.close();
    await story?.close();
  });

  it("shows the real question, and Resume answers it: the run goes on to refund", async () => {
    const live = await openLivePanel(story, "interrupt-review");
    panel = live.panel;

    await panel.page.locator(".banner[data-kind=interrupt]").waitFor();
    assert.match((await panel.page.locator(".interrupt-payload").textContent())!, /Refund 120 EUR to Ada\?/);
    assert.ok(await panel.page.locator('[data-node="review"].interrupted').count(), "review waits in interrupt()");
    assert.ok(await panel.page.locator('[data-node="triage"].path').count(), "triage ran on the way");
    assert.ok(await panel.page.locator(".timeline-row").count() >= 2, "the real history is listed");
    await panel.screenshot("panel-live-interrupt");

    await panel.page.locator(".answer textarea").fill("yes");
    await panel.page.locator("vscode-button.resume").click();
    await live.ended;
    await panel.screenshot("panel-live-ended");
    await panel.page.locator(".banner[data-kind=ended]").waitFor({ timeout: 30000 });
    // The final values say which branch the answer took.
    await panel.page.locator('[data-path=\'["reply"]\'] .tree-value', { hasText: "we have refunded 120 EUR" }).waitFor();
    assert.equal(await panel.page.locator('[data-path=\'["approved"]\'] .tree-value').textContent(), "true");
    assert.deepEqual(panel.errors, []);
  });
});
