/**
 * A long thread in the timeline: the host sends the newest page of checkpoints, the timeline offers
 * the older ones above its oldest row, asks the host for the page before it, and shows both pages
 * as one tree (the fork joins its branch point). A later refresh of the newest page keeps the older
 * page on screen.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openPanel, type PanelPage } from "./harness";
import { openingMessages, supportHistory } from "./fixtures";

const OLDER = ["c0", "c1", "c2"];
const newestPage = supportHistory.filter((entry) => !OLDER.includes(entry.checkpointId));
const olderPage = supportHistory.filter((entry) => OLDER.includes(entry.checkpointId)).reverse();

describe("the timeline of a long thread", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openPanel();
    const opening = openingMessages().map((message) => (message.type === "history" ? { ...message, entries: newestPage, more: true } : message));
    await panel.send(...opening);
    await panel.waitForGraph();
    await panel.page.locator("vscode-tab-header.tab-timeline").click();
  });
  afterEach(() => panel.close());

  const shownIds = () => panel.page.locator(".timeline-row").evaluateAll((items) => items.map((item) => item.getAttribute("data-checkpoint")));

  it("shows the newest page, loads the page before it on demand, and keeps it through a refresh", async () => {
    assert.deepEqual(await shownIds(), ["c3", "c4", "c5", "f2", "f3"]);
    const more = panel.page.locator(".timeline-more vscode-button.load-earlier");
    assert.equal(await more.textContent(), "Load checkpoints before step 2");

    await more.click();
    const request = await panel.nextRequest("loadHistory");
    assert.deepEqual([request.threadId, request.before], ["thread-1", "c3"]);
    await panel.reply(request, { entries: olderPage, more: false });
    await panel.page.locator('[data-checkpoint="c0"]').waitFor();
    assert.deepEqual(await shownIds(), ["c0", "c1", "c2", "f2", "f3", "c3", "c4", "c5"], "one tree: the fork hangs from c2 again");
    assert.equal(await panel.page.locator(".timeline-more").count(), 0, "nothing older is left");

    await panel.send({ type: "history", threadId: "thread-1", entries: newestPage, more: true });
    assert.deepEqual(await shownIds(), ["c0", "c1", "c2", "f2", "f3", "c3", "c4", "c5"]);
    assert.equal(await panel.page.locator(".timeline-more").count(), 0);
    assert.deepEqual(panel.errors, []);
  });

  it("says so inline when the host cannot give the older page", async () => {
    await panel.page.locator(".timeline-more vscode-button.load-earlier").click();
    const request = await panel.nextRequest("loadHistory");
    await panel.send({ type: "reply", requestId: request.requestId, ok: false, error: "the store is gone" });
    await panel.page.locator(".inline-error", { hasText: "Could not load earlier checkpoints: the store is gone" }).waitFor();
    assert.deepEqual(await shownIds(), ["c3", "c4", "c5", "f2", "f3"]);
  });
});
