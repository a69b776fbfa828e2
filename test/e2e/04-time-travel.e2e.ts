/**
 * End-to-end story 4: time travel. examples/approval-flow.ts pauses before `write` and again
 * before `publish` (its `interruptBefore`). At the second pause the person opens the panel's
 * Timeline, picks the earlier checkpoint where `write` was next, looks at it (nothing changes),
 * and presses "Replay from here": the run goes again from that checkpoint, pauses before
 * `publish` once more, and the new steps hang off the old checkpoint as a branch, in the panel's
 * timeline and in the LangGraph Checkpoints view.
 */
import * as assert from "node:assert/strict";
import { playStory } from "./harness/between";
import { checkpointRows, clickToolbar, expandCheckpointRow, showRunAndDebug, waitFrame, waitPaused } from "./harness/debugViews";
import { panelFrame, showTimeline, timelineRows, timelineText, waitNext } from "./harness/panel";
import { sharedEditor } from "./harness/run";

describe("e2e 4: time travel from the panel's timeline", function () {
  it("replays from an earlier checkpoint and shows the new branch", async function () {
    this.timeout(180_000);
    const { workbench } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    await playStory(workbench, "4-time-travel", async () => {
      await workbench.openFile("approval-flow.ts");
      await page.keyboard.press("F5");
      await waitPaused(page);
      await showRunAndDebug(page);
      await waitFrame(page, "write");
      await clickToolbar(page, "Continue");
      await waitFrame(page, "publish");
      await waitNext(panel, "publish");
      const before = await timelineText(panel);
      assert.ok(before.some((row) => /by write/.test(row)), `the timeline lists write's checkpoint; got ${JSON.stringify(before)}`);
      assert.equal(await panel.locator(".timeline-row.branch-start").count(), 0, "one straight line of checkpoints so far");
      await workbench.screenshot("paused-before-publish-timeline");

      const earlier = timelineRows(panel).filter({ has: panel.locator(".timeline-next", { hasText: /→ write$/ }) }).last();
      await earlier.click();
      await panel.locator(".state-heading", { hasText: "(past checkpoint)" }).waitFor({ state: "attached" }); // on the State tab, behind the Timeline
      await waitNext(panel, "write");
      await workbench.screenshot("viewing-the-checkpoint-before-write");

      await earlier.locator("vscode-button.replay").click();
      await waitPaused(page);
      await waitFrame(page, "publish");
      await waitNext(panel, "publish");
      await showTimeline(panel);
      await panel.locator(".timeline-row.branch-start").first().waitFor({ timeout: 20_000 });
      const after = await timelineText(panel);
      assert.equal(after.filter((row) => /by write/.test(row)).length, 2, `write ran twice: once on each branch; got ${JSON.stringify(after)}`);
      assert.match(after.find((row) => /head/.test(row)) ?? "", /by write/, "the head is the replayed write's checkpoint");
      await workbench.screenshot("replayed-new-branch-in-timeline");

      await checkpointRows(page, (rows) => rows.some((row) => /step 1, source loop/.test(row)));
      await expandCheckpointRow(page, /step 1, source loop/); // the branch hangs under the checkpoint it forked from
      const tree = await checkpointRows(page, (rows) => rows.some((row) => /Branch from step 1/.test(row)));
      assert.ok(tree.some((row) => /Branch from step 1/.test(row)), `the Checkpoints view shows the branch; got ${JSON.stringify(tree)}`);
      await workbench.screenshot("checkpoints-view-shows-the-branch");
    });
  });
});
