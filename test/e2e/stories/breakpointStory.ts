/**
 * Story 1, as a reusable script (the source-loaded extension and the installed .vsix both play
 * it): open a graph file of examples/, click the gutter beside `.addNode("tools", ...)`, press F5.
 * The debug toolbar appears paused, the Call Stack shows the node, the Variables view shows the
 * state, and the graph panel highlights `tools` as next. Stop ends the session, and the runner
 * process the adapter announced (DAP `process` event) is gone from the machine.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { callStack, clickToolbar, showRunAndDebug, toolbar, waitFrame, waitPaused, waitSessionEnded, waitVariable } from "../harness/debugViews";
import { addNodeLine, breakpointGlyphLines, clickGutter, stoppedLine } from "../harness/editor";
import { bannerText, panelFrame, waitNext } from "../harness/panel";
import { descendants, eventually, isAlive } from "../harness/processes";
import type { EditorSession } from "../harness/run";

export interface BreakpointStoryResult {
  runnerPid: number;
  /** From F5 to the Call Stack showing the node, in ms. */
  f5ToPausedMs: number;
}

export interface BreakpointStoryChecks {
  /** More checks on the runner while the session is paused (its pid from the `process` event). */
  whileRunning?(runnerPid: number): void;
}

export async function breakpointStory({ workbench, workspace, probe, server }: EditorSession, checks: BreakpointStoryChecks = {}): Promise<BreakpointStoryResult> {
  const page = workbench.page;
  const file = "tool-call-review.ts";
  const line = addNodeLine(readFileSync(path.join(workspace, file), "utf8"), "tools");

  await workbench.openFile(file);
  await clickGutter(page, line);
  await page.waitForFunction(() => document.querySelector(".editor-group-container.active .codicon-debug-breakpoint"), undefined, { timeout: 10_000 });
  assert.deepEqual(await breakpointGlyphLines(page), [line], "the gutter shows one breakpoint, on the addNode(\"tools\") line");
  await workbench.screenshot("gutter-breakpoint-on-addNode-tools");

  const since = Date.now();
  await page.keyboard.press("F5");
  await toolbar(page).waitFor({ timeout: 30_000 });
  await waitPaused(page);
  await showRunAndDebug(page);
  await waitFrame(page, "tools");
  const f5ToPausedMs = Date.now() - since;
  const frames = await callStack(page);
  assert.match(frames[0], new RegExp(`^Stack Frame tools, line ${line},`), `the Call Stack shows tools at its addNode line; got ${JSON.stringify(frames)}`);
  assert.equal(await stoppedLine(page), line, "the editor marks the addNode(\"tools\") line as the stop");

  const messages = await waitVariable(page, "messages");
  assert.match(messages, /Array\(1\)/, `Variables show the state: one message so far (the agent's tool calls); got ${messages}`);
  await workbench.screenshot("paused-toolbar-callstack-variables");

  const panel = panelFrame(page);
  await waitNext(panel, "tools");
  assert.match(await bannerText(panel), /Paused before tools/);
  await workbench.screenshot("panel-highlights-tools-as-next");
  // For the README (media/readme/): the panel alone, and the window without the Debug Console.
  await workbench.screenshotOf(page.locator("iframe.webview.ready"), "readme-graph-panel");
  await workbench.screenshotWithoutPanel("readme-paused-before-tools");

  const runnerPid = await probe.announcedRunner(since);
  assert.ok(isAlive(runnerPid), "the runner the adapter announced is running while the session is paused");
  assert.ok(descendants(server.pid).some((info) => info.pid === runnerPid), "the runner runs under this code-server (its extension host)");
  checks.whileRunning?.(runnerPid);

  await clickToolbar(page, "Stop");
  await waitSessionEnded(page);
  assert.ok(await eventually(() => !isAlive(runnerPid), 5000), `runner ${runnerPid} is gone after Stop`);
  await workbench.screenshot("after-stop");
  return { runnerPid, f5ToPausedMs };
}
