/**
 * The whole path without VS Code: the built panel in Chromium, the extension's PanelBridge as its
 * host, and the real debug adapter running the interrupt-review example in a real runner. The panel
 * must draw what the adapter really sends, and its Resume must really answer `interrupt()`.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import "./browserHooks";
import type { GraphStateEvent } from "../../src/protocol/debug";
import type { HostToPanel } from "../../src/protocol/panel";
import { PanelBridge, type PanelEditor } from "../../src/extension/panelBridge";
import { readStoredHistory } from "../../src/extension/storeReader";
import { Story } from "../debug/helpers/story";
import { openPanel, type PanelPage } from "./harness";

const PROGRAM = path.resolve(__dirname, "../../examples/interrupt-review.ts");

/** The stop the adapter reported before the panel opened (the extension's tracker keeps it too). */
async function firstStop(story: Story): Promise<GraphStateEvent> {
  for (;;) {
    const event = (await story.next("graphState")).body as GraphStateEvent;
    if (event.status !== "running" && event.checkpointId) return event;
  }
}

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
    const logged: string[] = [];
    // The bridge answers `ready` while the page is still opening: hold its messages until then.
    let opened!: (page: PanelPage) => void;
    let delivery: Promise<PanelPage> = new Promise((done) => (opened = done));
    const editor: PanelEditor = {
      post: (message: HostToPanel) => { delivery = delivery.then(async (page) => { await page.send(message); return page; }); },
      nodeBreakpoints: () => ({ before: [], after: [] }),
      setNodeBreakpoints: async (wanted) => wanted,
      openSource: async () => undefined,
      switchThread: async () => undefined,
      listThreads: async () => [],
      storedHistory: (threadId) => readStoredHistory(story.checkpointDir, threadId),
      graphShown: () => undefined,
      log: (text) => logged.push(text),
    };
    const bridge = new PanelBridge(editor);
    await bridge.attach({ customRequest: async (name, args) => (await story.dc.customRequest(name, args)).body }, await firstStop(story), "interrupt-review");
    // The adapter's events reach the bridge as the extension's session tracker passes them on.
    story.dc.on("graphState", (event: { body: GraphStateEvent }) => bridge.onGraphState(event.body));
    const ended = new Promise<void>((done) => story.dc.once("terminated", () => { bridge.sessionEnded("The run finished."); done(); }));
    panel = await openPanel({ onPost: (message) => void bridge.receive(message) });
    opened(panel);
    await panel.waitForGraph();

    await panel.page.locator(".banner[data-kind=interrupt]").waitFor();
    assert.match((await panel.page.locator(".interrupt-payload").textContent())!, /Refund 120 EUR to Ada\?/);
    assert.ok(await panel.page.locator('[data-node="review"].interrupted').count(), "review waits in interrupt()");
    assert.ok(await panel.page.locator('[data-node="triage"].path').count(), "triage ran on the way");
    assert.ok(await panel.page.locator(".timeline-row").count() >= 2, "the real history is listed");
    await panel.screenshot("panel-live-interrupt");

    await panel.page.locator(".answer textarea").fill("yes");
    await panel.page.locator("vscode-button.resume").click();
    await ended;
    await panel.screenshot("panel-live-ended");
    await panel.page.locator(".banner[data-kind=ended]").waitFor({ timeout: 30000 });
    // The final values say which branch the answer took.
    await panel.page.locator('[data-path=\'["reply"]\'] .tree-value', { hasText: "we have refunded 120 EUR" }).waitFor();
    assert.equal(await panel.page.locator('[data-path=\'["approved"]\'] .tree-value').textContent(), "true");
    assert.deepEqual(panel.errors, []);
  });
});
