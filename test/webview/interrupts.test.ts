/**
 * Answering `interrupt()` from the panel: each question shows with an answer box; JSON is sent as
 * JSON and other text as a string; one question resumes with `{value}`, several with `{values}`;
 * and a breakpoint stop looks nothing like a question.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openPanel, type PanelPage } from "./harness";
import { openingMessages, reviewQuestion, waitingInReview, waitingTwice } from "./fixtures";

describe("interrupt answers", function () {
  this.timeout(60000);
  let panel: PanelPage;
  afterEach(() => panel.close());

  async function open(state = waitingInReview): Promise<void> {
    panel = await openPanel();
    await panel.send(...openingMessages(state));
    await panel.waitForGraph();
  }

  it("shows the question and sends plain text as a string", async () => {
    await open();
    assert.equal(await panel.page.locator(".banner").getAttribute("data-kind"), "interrupt");
    assert.match((await panel.page.locator(".banner").textContent())!, /Waiting for your answer: interrupt\(\) in review/);
    assert.deepEqual(JSON.parse((await panel.page.locator(".interrupt-payload").textContent())!), reviewQuestion);
    await panel.page.locator(".answer textarea").fill("yes, send it");
    assert.match((await panel.page.locator(".answer-hint").textContent())!, /as a string/);
    await panel.page.locator("vscode-button.resume").click();
    assert.deepEqual((await panel.nextRequest("resume")).args, { value: "yes, send it" });
  });

  it("sends JSON as JSON", async () => {
    await open();
    await panel.page.locator(".answer textarea").fill('{"approved": true, "note": "ok"}');
    await panel.page.locator("vscode-button.resume").click();
    assert.deepEqual((await panel.nextRequest("resume")).args, { value: { approved: true, note: "ok" } });
  });

  it("answers several questions at once by interrupt id", async () => {
    await open(waitingTwice);
    assert.equal(await panel.page.locator(".interrupt-card").count(), 2);
    assert.equal(await panel.page.locator("vscode-button.resume").textContent(), "Resume with 2 answers");
    await panel.page.locator('[data-interrupt="int-a"] textarea').fill("true");
    await panel.page.locator('[data-interrupt="int-b"] textarea').fill("refund approved");
    await panel.page.locator("vscode-button.resume").click();
    assert.deepEqual((await panel.nextRequest("resume")).args, { values: { "int-a": true, "int-b": "refund approved" } });
  });

  it("refuses an empty answer inline and sends nothing", async () => {
    await open(waitingTwice);
    await panel.page.locator('[data-interrupt="int-a"] textarea').fill("true");
    await panel.page.locator("vscode-button.resume").click();
    await panel.page.locator(".interrupt-panel .inline-error", { hasText: "tools: Type an answer" }).waitFor();
    assert.equal((await panel.posted()).filter((message) => message.type === "resume").length, 0);
  });

  it("shows the adapter's refusal next to the answers", async () => {
    await open();
    await panel.page.locator(".answer textarea").fill("no");
    await panel.page.locator("vscode-button.resume").click();
    await panel.fail(await panel.nextRequest("resume"), "the run is not waiting any more");
    await panel.page.locator(".interrupt-panel .inline-error", { hasText: "not waiting any more" }).waitFor();
  });

  it("a breakpoint stop shows no answer box and a different banner", async () => {
    await open(openingMessages()[4] as typeof waitingInReview);
    assert.equal(await panel.page.locator(".banner").getAttribute("data-kind"), "breakpoint");
    assert.ok(await panel.page.locator(".interrupt-panel").isHidden());
    const look = async () => panel.page.locator(".banner").evaluate((banner) => getComputedStyle(banner).borderLeftColor);
    const breakpointColor = await look();
    await panel.send(waitingInReview);
    await panel.page.locator(".interrupt-panel").waitFor();
    assert.notEqual(await look(), breakpointColor, "the two stops do not share a color");
  });

  it("keeps a typed answer when the panel is hidden and shown again", async () => {
    await open();
    await panel.page.locator(".answer textarea").fill("half-written answer");
    await panel.reload();
    await panel.send(...openingMessages(waitingInReview));
    await panel.page.locator(".interrupt-panel").waitFor();
    assert.equal(await panel.page.locator(".answer textarea").inputValue(), "half-written answer");
  });
});
