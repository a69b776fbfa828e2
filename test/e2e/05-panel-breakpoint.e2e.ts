/**
 * End-to-end story 5: breakpoints set in the graph panel are the editor's breakpoints. With no
 * session running, "LangGraph: Show Graph Panel" draws examples/tool-call-review.ts; clicking the
 * "break before" dot of `tools` puts a breakpoint in the gutter on its `addNode` line and a row in
 * the Breakpoints view, and the next F5 stops there.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { playStory } from "./harness/between";
import { breakpointsView, showRunAndDebug, waitFrame, waitPaused } from "./harness/debugViews";
import { addNodeLine, breakpointGlyphLines, goToLine } from "./harness/editor";
import { graphNode, panelFrame, toggleNodeBreakpoint, waitNext } from "./harness/panel";
import { sharedEditor } from "./harness/run";

describe("e2e 5: a node breakpoint toggled in the panel", function () {
  it("appears in the gutter and the Breakpoints view, and the next run stops there", async function () {
    this.timeout(180_000);
    const { workbench, workspace } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    const file = "tool-call-review.ts";
    const line = addNodeLine(readFileSync(path.join(workspace, file), "utf8"), "tools");
    await playStory(workbench, "5-panel-breakpoint", async () => {
      await workbench.openFile(file);
      await workbench.runCommand("LangGraph: Show Graph Panel");
      await graphNode(panel, "tools").waitFor({ timeout: 30_000 });
      assert.deepEqual(await breakpointGlyphLines(page), [], "no breakpoint yet");
      await workbench.screenshot("graph-panel-without-a-session");

      await toggleNodeBreakpoint(panel, "tools", "before");
      await panel.locator('g.node.bp-before-on[data-node="tools"]').waitFor();
      await showRunAndDebug(page);
      let rows: string[] = [];
      const listed = await poll(async () => (rows = await breakpointsView(page)).some((row) => row.startsWith(`${file} ${line},`)));
      assert.ok(listed, `the Breakpoints view lists ${file}:${line}; got ${JSON.stringify(rows)}`);
      await goToLine(page, line);
      assert.ok(await poll(async () => (await breakpointGlyphLines(page)).includes(line)), "the gutter shows the breakpoint on the addNode(\"tools\") line");
      await workbench.screenshot("panel-dot-is-a-gutter-breakpoint");

      await page.keyboard.press("F5");
      await waitPaused(page);
      await waitFrame(page, "tools");
      await waitNext(panel, "tools");
      await workbench.screenshot("next-run-stops-before-tools");
    });
  });
});

async function poll(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
