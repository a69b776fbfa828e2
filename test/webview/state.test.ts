/**
 * The state editor in the built panel: edits in the tree or as JSON become one `updateState` with
 * only the changed keys and the chosen "as node"; bad JSON, unknown keys and unknown nodes are
 * shown next to the editor and nothing is sent.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openDrawnPanel } from "./opened";
import type { PanelPage } from "./harness";
import { snapshot, stopAt } from "./fixtures";

async function requestsOf(panel: PanelPage, type: string): Promise<number> {
  return (await panel.posted()).filter((message) => message.type === type).length;
}

async function typeJson(panel: PanelPage, text: string): Promise<void> {
  await panel.page.locator(".mode-json").click();
  await panel.page.locator(".state-json textarea").fill(text);
}

describe("state panel", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openDrawnPanel();
  });
  afterEach(() => panel.close());

  it("shows the checkpoint's values as a tree, with the default 'as node' the engine would use", async () => {
    const keys = await panel.page.locator('.state-tree > li[aria-level="1"] > .tree-row .tree-key').allTextContents();
    assert.deepEqual(keys, ["messages", "route", "draft", "approved"]);
    assert.equal(await panel.page.locator('[data-path=\'["route"]\'] .tree-value').textContent(), '"question"');
    assert.equal(await panel.page.locator(".as-node").evaluate((select) => (select as HTMLElement & { value: string }).value), "agent");
    assert.match((await panel.page.locator(".as-node-default").textContent())!, /default: agent/);
  });

  it("a tree edit sends only the changed key, as the chosen node, at the viewed checkpoint", async () => {
    await panel.page.locator('[data-path=\'["route"]\'] .tree-value').click();
    await panel.page.locator(".tree-editor input").fill("greeting");
    await panel.page.keyboard.press("Enter");
    assert.equal(await panel.page.locator('[data-path=\'["route"]\'] .tree-value').textContent(), '"greeting"', "plain text became a string");
    await panel.page.locator(".as-node").click();
    await panel.page.locator('.as-node li[role="option"]', { hasText: "classify" }).click();
    await panel.page.locator("vscode-button.apply").click();
    const request = await panel.nextRequest("updateState");
    assert.deepEqual(request.args, { values: { route: "greeting" }, asNode: "classify", checkpointId: "c5" });
    await panel.reply(request, { checkpointId: "c6-new", asNode: "classify" });
    await panel.page.locator(".inline-note", { hasText: "Written as checkpoint c6-new by classify" }).waitFor();
  });

  it("edits nested values in the tree and sends the whole changed key", async () => {
    await panel.page.locator('[data-path=\'["messages",1]\'] > .tree-row').click();
    await panel.page.locator('[data-path=\'["messages",1,"content"]\'] .tree-value').click();
    await panel.page.locator(".tree-editor input").fill('"Checking invoice 42"');
    await panel.page.keyboard.press("Enter");
    await panel.page.locator("vscode-button.apply").click();
    const request = await panel.nextRequest("updateState");
    const messages = (request.args.values as { messages: { content: string }[] }).messages;
    assert.equal(messages.length, 3);
    assert.equal(messages[1].content, "Checking invoice 42");
    assert.deepEqual(Object.keys(request.args.values as object), ["messages"]);
  });

  it("a JSON edit is sent the same way", async () => {
    await typeJson(panel, JSON.stringify({ route: "greeting", draft: "Hello!", approved: false }, null, 2));
    await panel.page.locator("vscode-button.apply").click();
    const request = await panel.nextRequest("updateState");
    assert.deepEqual(request.args.values, { route: "greeting", draft: "Hello!" });
  });

  it("invalid JSON is shown inline with its line and column, and nothing is sent", async () => {
    await typeJson(panel, '{\n  "route": "greeting",\n  "draft": Hello\n}');
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".state-panel .inline-error", { hasText: "Invalid JSON at line 3, column 12" }).waitFor();
    assert.equal(await requestsOf(panel, "updateState"), 0);
  });

  it("a key the state does not have is named inline, and nothing is sent", async () => {
    await typeJson(panel, '{"rout": "greeting"}');
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".state-panel .inline-error", { hasText: 'Unknown key "rout"' }).waitFor();
    assert.equal(await requestsOf(panel, "updateState"), 0);
  });

  it("a node the graph does not have is named inline, and nothing is sent", async () => {
    await panel.page.locator(".as-node input").fill("agnet");
    await panel.page.locator(".as-node li.placeholder", { hasText: 'Add "agnet"' }).click();
    await typeJson(panel, '{"route": "greeting"}');
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".state-panel .inline-error", { hasText: 'Unknown node "agnet"' }).waitFor();
    assert.equal(await requestsOf(panel, "updateState"), 0);
  });

  it("says so when nothing changed, and shows the adapter's refusal inline", async () => {
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".state-panel .inline-error", { hasText: "Nothing changed" }).waitFor();
    await typeJson(panel, '{"approved": true}');
    await panel.page.locator("vscode-button.apply").click();
    await panel.fail(await panel.nextRequest("updateState"), "InvalidUpdateError: Ambiguous update, specify asNode");
    await panel.page.locator(".state-panel .inline-error", { hasText: "Ambiguous update" }).waitFor();
  });

  it("keeps an unsent edit when a new stop arrives, and Discard shows the new state", async () => {
    await typeJson(panel, '{"approved": true}');
    await panel.send(stopAt("breakpoint-before", { ...snapshot("c5", ["review"]), checkpointId: "c5b", values: { route: "question", approved: "later" } }));
    await panel.page.locator(".inline-note", { hasText: "changed while you were editing" }).waitFor();
    assert.match(await panel.page.locator(".state-json textarea").inputValue(), /"approved": true/);
    await panel.page.locator("vscode-button.discard").click();
    assert.match(await panel.page.locator(".state-json textarea").inputValue(), /"approved": "later"/);
  });
});
