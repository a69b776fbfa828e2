/**
 * End-to-end story 3: a graph waiting in `interrupt()`, answered in the graph panel. F5 on
 * examples/interrupt-review.ts runs until `review` asks whether to refund; the panel shows the
 * question with an answer box; the person types `true` and presses Resume, and the run finishes
 * with that answer: `refund` wrote the reply. The session then ends by itself, runner and all.
 */
import * as assert from "node:assert/strict";
import { playStory } from "./harness/between";
import { showRunAndDebug, waitFrame, waitSessionEnded } from "./harness/debugViews";
import { answerInterrupt, interruptCard, panelFrame, waitState } from "./harness/panel";
import { eventually, isAlive } from "./harness/processes";
import { sharedEditor } from "./harness/run";

describe("e2e 3: answer an interrupt() in the panel", function () {
  it("shows the question, resumes with the typed answer, and the run completes with it", async function () {
    this.timeout(180_000);
    const { workbench, probe } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    await playStory(workbench, "3-interrupt-answer", async () => {
      await workbench.openFile("interrupt-review.ts");
      const since = Date.now();
      await page.keyboard.press("F5");
      await interruptCard(panel).first().waitFor({ timeout: 30_000 });
      const question = await interruptCard(panel).first().locator(".interrupt-payload").textContent();
      assert.match(question ?? "", /Refund 120 EUR to Ada\?/, "the panel shows the question review asked");
      await panel.locator('g.node.interrupted[data-node="review"]').waitFor(); // the graph marks who asks
      await showRunAndDebug(page);
      await waitFrame(page, "review");
      await workbench.screenshot("waiting-in-interrupt-question-in-panel");

      const runnerPid = await probe.announcedRunner(since);
      await answerInterrupt(panel, "true");
      await waitSessionEnded(page);
      assert.ok(await eventually(() => !isAlive(runnerPid), 5000), `the session ended by itself and its runner ${runnerPid} is gone`);
      const final = await waitState(panel, (state) => typeof state.reply === "string");
      assert.equal(final.approved, true, "review returned the answer it was given");
      assert.match(String(final.reply), /we have refunded 120 EUR/, "refund ran: the route the answer chose");
      await workbench.screenshot("completed-with-the-answer");
    });
  });
});
