/**
 * The state editor with a large state, in the built panel: a thousand messages draw only the rows
 * in view and scroll to the last one; a state the stop's event left out is asked for, shown first
 * with long strings cut and then whole (an edit waits for the whole); the JSON of a large state
 * is shown a screen at a time until a person asks to edit it as text.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openDrawnPanel } from "./opened";
import type { PanelPage } from "./harness";
import { snapshot, stopAt } from "./fixtures";

const messages = (count: number, size: number) =>
  Array.from({ length: count }, (_, index) => ({ role: index % 2 ? "assistant" : "user", content: `${index}: ${"lorem ipsum ".repeat(size / 12)}` }));

const rowsInPage = (panel: PanelPage) => panel.page.locator(".state-tree > li").count();

/** A stop at a new checkpoint whose state is `values`. */
const stopWith = (values: Record<string, unknown>) => stopAt("breakpoint-before", { ...snapshot("c5", ["review"]), checkpointId: "big", values });

describe("state panel with a large state", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openDrawnPanel();
  });
  afterEach(() => panel.close());

  it("a 1,000-message state shows its first messages, scrolls to the last, and keeps only the rows in view in the page", async () => {
    await panel.send(stopWith({ messages: messages(1000, 5000), route: "question" }));
    await panel.page.locator('[data-path=\'["messages"]\'] > .tree-row').click();
    await panel.page.locator('[data-path=\'["messages",0]\']').waitFor();
    assert.ok(await rowsInPage(panel) < 100, `${await rowsInPage(panel)} rows in the page`);
    await panel.page.locator(".state-tree-scroll").evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await panel.page.locator('[data-path=\'["messages",999]\']').waitFor();
    assert.equal(await panel.page.locator('[data-path=\'["messages",0]\']').count(), 0, "the first rows left the page");
    await panel.page.locator('[data-path=\'["messages",999]\'] > .tree-row').click();
    assert.match((await panel.page.locator('[data-path=\'["messages",999,"content"]\'] .tree-value').textContent())!, /^"999: lorem ipsum.*…$/);
  });

  it("a state the event left out is asked for, shown with long strings cut, then whole; an edit waits for the whole", async () => {
    await panel.send(stopAt("breakpoint-before", { ...snapshot("c5", ["review"]), checkpointId: "big", values: {}, valuesOmitted: true }));
    const first = await panel.nextRequest("values");
    assert.deepEqual(first.args, { checkpointId: "big", clip: 121 });
    await panel.page.locator(".state-loading").waitFor();
    const whole = { messages: messages(100, 1000), route: "question" };
    const cut = { messages: whole.messages.map((message) => ({ ...message, content: message.content.slice(0, 121) })), route: "question" };
    await panel.reply(first, { values: cut, clipped: true });
    const second = await panel.nextRequest("values");
    assert.deepEqual(second.args, { checkpointId: "big" });
    await panel.page.locator('[data-path=\'["route"]\'] .tree-value').click();
    await panel.page.locator(".tree-editor input").fill("greeting");
    await panel.page.keyboard.press("Enter");
    await panel.page.locator(".inline-note", { hasText: "Still reading the whole state" }).waitFor();
    assert.equal(await panel.page.locator('[data-path=\'["route"]\'] .tree-value').textContent(), '"question"', "the edit was not taken");

    await panel.reply(second, { values: whole, clipped: false });
    await panel.page.locator(".mode-json").click();
    assert.match(await panel.page.locator(".state-json textarea").inputValue(), new RegExp(`"99: ${"lorem ipsum ".repeat(83).trim()}`));
  });

  it("the JSON of a large state shows a screen of lines, and Edit as text gives all of it", async () => {
    const values = { messages: messages(1000, 5000) };
    await panel.send(stopWith(values));
    await panel.page.locator(".mode-json").click();
    await panel.page.locator(".json-lines li").first().waitFor();
    assert.ok(await panel.page.locator(".json-lines li").count() < 200);
    await panel.page.locator("vscode-button.edit-json").click();
    assert.equal((await panel.page.locator(".state-json textarea").inputValue()).length, JSON.stringify(values, null, 2).length);
  });
});
