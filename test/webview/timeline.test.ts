/**
 * Time travel in the panel: the checkpoint tree with its fork, viewing a past checkpoint (which
 * sends `selectCheckpoint` and changes nothing else), replaying and forking from it, switching
 * threads, and the view (zoom, tab) surviving a hide and show.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openDrawnPanel } from "./opened";
import type { PanelPage } from "./harness";
import { openingMessages, snapshot } from "./fixtures";

describe("time travel", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openDrawnPanel();
    await panel.page.locator("vscode-tab-header.tab-timeline").click();
  });
  afterEach(() => panel.close());

  it("lists checkpoints oldest first with step, source and writer, the fork as a branch", async () => {
    const rows = panel.page.locator(".timeline-row");
    assert.deepEqual(await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-checkpoint"))), ["c0", "c1", "c2", "f2", "f3", "c3", "c4", "c5"]);
    assert.deepEqual(await rows.evaluateAll((items) => items.map((item) => item.getAttribute("aria-level"))), ["1", "1", "1", "2", "2", "1", "1", "1"]);
    const fork = panel.page.locator('[data-checkpoint="f2"]');
    assert.match((await fork.textContent())!, /↳step 2updateby classify→ respond/);
    assert.match((await panel.page.locator('[data-checkpoint="c5"]').textContent())!, /step 4loopby agent→ reviewhead/);
  });

  it("selecting a checkpoint asks for it, then shows its state and path without touching the run", async () => {
    await panel.clearPosted();
    await panel.page.locator('[data-checkpoint="f3"]').click();
    const request = await panel.nextRequest("selectCheckpoint");
    assert.deepEqual(request.args, { checkpointId: "f3" });
    await panel.reply(request, snapshot("f3", [], [], { route: "greeting", draft: "Hi!", messages: [], approved: false }));
    await panel.page.locator(".banner[data-kind=past]").waitFor();
    await panel.page.locator('[data-checkpoint="f3"].selected').waitFor();
    assert.ok(await panel.page.locator('[data-node="respond"].path').count(), "the fork's path is lit");
    assert.equal(await panel.page.locator('[data-node="review"].next').count(), 0);
    const sent = (await panel.posted()).map((message) => message.type);
    assert.deepEqual(sent, ["selectCheckpoint"], "viewing sends nothing else");
  });

  it("replays from the selected checkpoint", async () => {
    await panel.page.locator('[data-checkpoint="c3"]').click();
    await panel.reply(await panel.nextRequest("selectCheckpoint"), snapshot("c3", ["tools"]));
    await panel.page.locator('[data-checkpoint="c3"] vscode-button.replay').click();
    assert.deepEqual((await panel.nextRequest("replay")).args, { checkpointId: "c3" });
  });

  it("forks: edit the past state, then fork and continue", async () => {
    await panel.page.locator('[data-checkpoint="c2"]').click();
    await panel.reply(await panel.nextRequest("selectCheckpoint"), snapshot("c2", ["agent"], [], { route: "question", draft: "", messages: [], approved: false }));
    await panel.page.locator('[data-checkpoint="c2"] vscode-button.fork').click();
    await panel.page.locator(".fork-note", { hasText: "Forking from step 1" }).waitFor();
    await panel.page.locator('[data-path=\'["route"]\'] .tree-value').click();
    await panel.page.locator(".tree-editor input").fill("greeting");
    await panel.page.keyboard.press("Enter");
    assert.equal(await panel.page.locator("vscode-button.apply").textContent(), "Fork and continue");
    await panel.page.locator("vscode-button.apply").click();
    const request = await panel.nextRequest("fork");
    assert.deepEqual(request.args, { checkpointId: "c2", values: { route: "greeting" }, asNode: "classify" });
  });

  it("switches threads", async () => {
    await panel.page.locator(".thread-select").click();
    await panel.page.locator('.thread-select li[role="option"]', { hasText: "thread-0" }).click();
    assert.equal((await panel.nextRequest("switchThread")).threadId, "thread-0");
  });

  it("Enter on a focused row selects it (keyboard)", async () => {
    await panel.page.locator('[data-checkpoint="c5"]').focus();
    await panel.page.keyboard.press("ArrowUp");
    await panel.page.keyboard.press("Enter");
    assert.deepEqual((await panel.nextRequest("selectCheckpoint")).args, { checkpointId: "c4" });
  });

  it("restores zoom and the open tab when the panel is hidden and shown", async () => {
    await panel.page.locator("vscode-button.zoom-in").click();
    await panel.page.locator("vscode-button.zoom-in").click();
    const zoomed = await panel.page.locator(".viewport").getAttribute("transform");
    await panel.reload();
    await panel.send(...openingMessages());
    await panel.waitForGraph();
    assert.equal(await panel.page.locator(".viewport").getAttribute("transform"), zoomed);
    assert.ok(await panel.page.locator(".timeline-row").first().isVisible(), "the Timeline tab is still the open one");
  });
});
