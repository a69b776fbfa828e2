/**
 * Reliability in the real editor. A node that never gives control back: Pause and Stop still
 * work, quickly (the times are recorded in test-artifacts/e2e/timings.json; the goal is 2 s), and
 * VS Code keeps working meanwhile (another file's CodeLens, drawn by the extension host, appears).
 * A graph file with a syntax error: a message naming the file, and no session left hanging.
 * Ending a session, or closing the graph panel, leaves no runner process on the machine: each
 * check reads the process list for the pid the adapter announced (DAP `process` event) and for
 * any runner below this code-server.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { playStory } from "./harness/between";
import { clickToolbar, debugConsoleText, showRunAndDebug, toolbar, waitFrame, waitPaused, waitRunning, waitSessionEnded } from "./harness/debugViews";
import { addNodeLine, goToLine } from "./harness/editor";
import { graphNode, panelFrame } from "./harness/panel";
import { eventually, isAlive, runnersBelow, waitBusy } from "./harness/processes";
import { EditorSession, sharedEditor } from "./harness/run";
import { recordMeasure } from "./harness/timings";

/**
 * F5 on spin-forever.ts, returning the runner's pid once `spin` is in its loop: the runner then
 * burns a whole core, which the process list shows.
 */
async function startSpinning({ workbench, probe }: EditorSession): Promise<number> {
  const page = workbench.page;
  await workbench.openFile("spin-forever.ts");
  const since = Date.now();
  await page.keyboard.press("F5");
  await waitRunning(page);
  const pid = await probe.announcedRunner(since);
  assert.ok(await waitBusy(pid, 20_000), `runner ${pid} spins (uses a full core)`);
  return pid;
}

describe("e2e reliability: hangs, broken files and leftover processes", function () {
  this.timeout(180_000);

  it("a node that loops forever: VS Code stays responsive, Pause stops it, Stop ends it, no runner is left", async function () {
    const session = await sharedEditor();
    const { workbench, probe } = session;
    const page = workbench.page;
    await playStory(workbench, "6-reliability-pause-a-spinning-node", async () => {
      const spinningPid = await startSpinning(session);
      await workbench.screenshot("spin-is-running");

      const asked = Date.now();
      await workbench.openFile("approval-flow.ts");
      await goToLine(page, addNodeLine(readFileSync(path.join(session.workspace, "approval-flow.ts"), "utf8"), "publish"));
      // The lenses come from the extension host, where the debug adapter lives: three of them
      // (approval-flow has three nodes, spin-forever two) means it answers while the node spins.
      const lenses = page.locator(".codelens-decoration", { hasText: "Break before" });
      await page.waitForFunction(() => document.querySelectorAll(".codelens-decoration").length >= 3, undefined, { timeout: 15_000 });
      assert.equal(await lenses.count(), 3, "the CodeLens of the newly opened graph file are drawn");
      recordMeasure("reliability: CodeLens of another file while a node spins (ms)", Date.now() - asked);
      await workbench.screenshot("editor-responsive-while-spinning");

      const pausedAt = Date.now();
      await clickToolbar(page, "Pause");
      await waitPaused(page, 15_000);
      recordMeasure("reliability: Pause on a spinning node until VS Code shows paused (ms)", Date.now() - pausedAt);
      await showRunAndDebug(page);
      assert.ok(await eventually(() => !isAlive(spinningPid), 5000), "the spinning runner was ended");
      assert.match(await debugConsoleText(page), /spin did not give control back/, "the Debug Console says why the runner was restarted");
      await waitFrame(page, "spin");
      await workbench.screenshot("paused-runner-restarted");

      const restartedPid = await probe.announcedRunner(pausedAt);
      assert.notEqual(restartedPid, spinningPid, "a fresh runner holds the thread after the pause");
      const stoppedAt = Date.now();
      await clickToolbar(page, "Stop");
      await waitSessionEnded(page, 15_000);
      recordMeasure("reliability: Stop after the pause until the toolbar is gone (ms)", Date.now() - stoppedAt);
      assert.ok(await eventually(() => !isAlive(restartedPid), 5000), `runner ${restartedPid} is gone after Stop`);
      assert.deepEqual(runnersBelow(session.server.pid), [], "no runner process is left under code-server");
    });
  });

  it("a node that loops forever: Stop ends the session and its runner", async function () {
    const session = await sharedEditor();
    const page = session.workbench.page;
    await playStory(session.workbench, "6-reliability-stop-a-spinning-node", async () => {
      const spinningPid = await startSpinning(session);
      const stoppedAt = Date.now();
      await clickToolbar(page, "Stop");
      await waitSessionEnded(page, 15_000);
      recordMeasure("reliability: Stop on a spinning node until the toolbar is gone (ms)", Date.now() - stoppedAt);
      assert.ok(await eventually(() => !isAlive(spinningPid), 5000), `runner ${spinningPid} is gone after Stop`);
      recordMeasure("reliability: Stop on a spinning node until its runner is gone (ms)", Date.now() - stoppedAt);
      assert.deepEqual(runnersBelow(session.server.pid), [], "no runner process is left under code-server");
      await session.workbench.screenshot("stopped");
    });
  });

  it("a graph file with a syntax error: a clear message, and the session ends", async function () {
    const session = await sharedEditor();
    const { workbench } = session;
    const page = workbench.page;
    await playStory(workbench, "6-reliability-syntax-error", async () => {
      await workbench.openFile("broken-graph.ts");
      await page.keyboard.press("F5");
      const dialog = page.locator(".monaco-dialog-box", { hasText: "Could not build the graph file broken-graph.ts" });
      await dialog.waitFor({ timeout: 30_000 });
      const message = await dialog.innerText();
      assert.match(message, /broken-graph\.ts:\d+:\d+: Expected "\)" but found ";"/, `the message points at the place and says what is wrong; got ${message}`);
      assert.match(await debugConsoleText(page), /Could not build the graph file broken-graph\.ts/, "the Debug Console keeps the message");
      await workbench.screenshot("syntax-error-message");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await waitSessionEnded(page, 15_000);
      assert.equal(await toolbar(page).isVisible(), false, "no session is left hanging");
      assert.ok(await eventually(() => runnersBelow(session.server.pid).length === 0, 5000), "no runner process is left under code-server");
    });
  });

  it("closing the graph panel leaves no runner process behind", async function () {
    const session = await sharedEditor();
    const { workbench } = session;
    const page = workbench.page;
    await playStory(workbench, "6-reliability-close-panel", async () => {
      await workbench.openFile("edit-and-resume.ts");
      await workbench.runCommand("LangGraph: Show Graph Panel");
      await graphNode(panelFrame(page), "execute").waitFor({ timeout: 30_000 });
      await workbench.screenshot("graph-panel-open");
      await workbench.runCommand("View: Close All Editors");
      await page.locator("iframe.webview.ready").waitFor({ state: "detached" });
      assert.ok(await eventually(() => runnersBelow(session.server.pid).length === 0, 5000),
        `no runner process is left under code-server; found ${JSON.stringify(runnersBelow(session.server.pid))}`);
    });
  });
});
