/**
 * End-to-end story 2: an edit made in the graph panel "as" a node the person chooses. The run of
 * examples/interrupt-review.ts pauses before `review` (a gutter breakpoint); in the panel's JSON
 * view the person sets `approved: false` as node `review`, as if review had answered. The run
 * stays paused, now before `decline` (review's edge reads `approved`), and Continue finishes on
 * that route: the final state has decline's reply, and no question was ever asked.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { playStory } from "./harness/between";
import { clickToolbar, showRunAndDebug, toolbarButton, waitFrame, waitPaused, waitSessionEnded } from "./harness/debugViews";
import { addNodeLine, clickGutter } from "./harness/editor";
import { applyEdit, interruptCard, panelFrame, stateJson, waitNext, waitState } from "./harness/panel";
import { sharedEditor } from "./harness/run";

describe("e2e 2: edit the state in the panel as a chosen node", function () {
  it("keeps the run paused, re-routes it from that node, and Continue ends with the edit applied", async function () {
    this.timeout(180_000);
    const { workbench, workspace } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    await playStory(workbench, "2-edit-as-node", async () => {
      await workbench.openFile("interrupt-review.ts");
      await clickGutter(page, addNodeLine(readFileSync(path.join(workspace, "interrupt-review.ts"), "utf8"), "review"));
      await page.keyboard.press("F5");
      await waitPaused(page);
      await showRunAndDebug(page);
      await waitFrame(page, "review");
      await waitNext(panel, "review");
      const before = await stateJson(panel);
      assert.equal(before.category, "refund", "triage filed the sample ticket as a refund");
      assert.equal(before.approved, undefined, "nobody has approved anything yet");
      await workbench.screenshot("paused-before-review-state-as-json");

      await applyEdit(panel, (state) => ({ ...state, approved: false }), "review");
      await waitNext(panel, "decline");
      await waitFrame(page, "decline");
      assert.ok(await toolbarButton(page, "Continue").isVisible(), "the run stays paused after the edit");
      const edited = await stateJson(panel);
      assert.equal(edited.approved, false, "the panel shows the edit as the new state");
      await workbench.screenshot("edit-applied-as-review-next-is-decline");

      await clickToolbar(page, "Continue");
      await waitSessionEnded(page);
      const final = await waitState(panel, (state) => typeof state.reply === "string");
      assert.match(String(final.reply), /a colleague will look at your request/, "decline wrote the reply: the route review's edge chose");
      assert.equal(final.approved, false);
      assert.equal(await interruptCard(panel).count(), 0, "no interrupt() question was asked: review counted as done");
      await workbench.screenshot("final-state-declined");
    });
  });
});
