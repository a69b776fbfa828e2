/**
 * End-to-end story 8: a breakpoint inside a subgraph. examples/research-report.ts uses the
 * compiled graph `research` (search → rank → summarize) as a node; a gutter breakpoint on its
 * `.addNode("rank", ...)` line and F5 pause the run inside it. The Call Stack shows `research/rank`
 * above its parent's `research` task, and the Variables view shows the subgraph's own state (its
 * `queries` key, which the parent's state has not), as does the graph panel, which opens the
 * `research` group with `rank` lit. An edit of the topic in the panel, as `search`, goes into the
 * subgraph's own checkpoints. Step Out runs the rest of the subgraph and stops before `write` at
 * the root, where the summary names the edited topic, and the panel's timeline and the Checkpoints
 * view hold research's checkpoints under the step it ran from. Continue runs the report to its end (the
 * subgraph's topic reached the parent through the key they share); the checker graph `fact_check`
 * invoked is then drawn inside that node.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { playStory } from "./harness/between";
import { callStack, callStackRows, checkpointRows, clickToolbar, expandCheckpointRow, showRunAndDebug, waitFrame, waitPaused, waitSessionEnded, waitVariable, waitVariables } from "./harness/debugViews";
import { addNodeLine, breakpointGlyphLines, clickGutter, stoppedLine } from "./harness/editor";
import { applyEdit, bannerText, graphNode, panelFrame, timelineText, waitNext, waitState } from "./harness/panel";
import { sharedEditor } from "./harness/run";
import { recordMeasure } from "./harness/timings";

const has = (name: string) => (rows: string[]) => rows.some((row) => row.startsWith(`${name}, value`));

describe("e2e 8: a breakpoint inside a subgraph", function () {
  it("pauses in research/rank under its parent's task with the subgraph's own state; Step Out stops before write; Continue ends", async function () {
    this.timeout(180_000);
    const { workbench, workspace } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    const file = "research-report.ts";
    const source = readFileSync(path.join(workspace, file), "utf8");
    const [rankLine, researchLine, writeLine] = ["rank", "research", "write"].map((node) => addNodeLine(source, node));
    await playStory(workbench, "8-subgraphs", async () => {
      await workbench.openFile(file);
      await clickGutter(page, rankLine);
      await page.waitForFunction(() => document.querySelector(".editor-group-container.active .codicon-debug-breakpoint"), undefined, { timeout: 10_000 });
      assert.deepEqual(await breakpointGlyphLines(page), [rankLine], "one breakpoint, on the addNode(\"rank\") line of the research builder");

      const since = Date.now();
      await page.keyboard.press("F5");
      await waitPaused(page);
      await showRunAndDebug(page);
      await waitFrame(page, "research/rank");
      recordMeasure("story 8: F5 to paused inside a subgraph (ms)", Date.now() - since);
      const frames = await callStack(page);
      assert.match(frames[0], new RegExp(`^Stack Frame research/rank, line ${rankLine},`), `the subgraph's task on top; got ${JSON.stringify(frames)}`);
      assert.match(frames[1], new RegExp(`^Stack Frame research, line ${researchLine},`), "below it, the parent's research task");
      assert.equal(frames.length, 2, `nothing else is pending; got ${JSON.stringify(frames)}`);
      assert.equal(await stoppedLine(page), rankLine, "the editor marks the addNode(\"rank\") line as the stop");
      assert.match(await waitVariable(page, "queries"), /Array\(3\)/, "the subgraph's own key: search wrote one query per question");
      assert.match(await waitVariable(page, "findings"), /Array\(3\)/, "and the findings search read");
      await waitNext(panel, "research/rank", 30_000);
      assert.match(await bannerText(panel), /Paused before research\/rank/);
      const inside = await waitState(panel, (state) => Array.isArray(state.queries));
      assert.equal((inside.queries as unknown[]).length, 3, "the panel's State tab shows the subgraph's own state too");
      await workbench.screenshot("paused-inside-research-before-rank");

      await applyEdit(panel, (state) => ({ ...state, topic: "spring tides" }), "search");
      await waitVariables(page, (rows) => rows.some((row) => row.startsWith('topic, value "spring tides"')));

      await callStackRows(page).nth(1).click();
      const parent = await waitVariables(page, (rows) => has("findings")(rows) && !has("queries")(rows));
      assert.ok(parent.some((row) => /^findings, value Array\(0\)/.test(row)), `the parent has no findings until research returns; got ${JSON.stringify(parent)}`);

      await clickToolbar(page, "Step Out");
      await waitFrame(page, "write");
      await waitPaused(page);
      const after = await callStack(page);
      assert.equal(after.length, 1, `back at the root, only write is pending; got ${JSON.stringify(after)}`);
      assert.match(after[0], new RegExp(`^Stack Frame write, line ${writeLine},`));
      const root = await waitVariables(page, has("summary"));
      assert.ok(!has("queries")(root) && !has("best")(root), `the root state has none of the subgraph's own keys; got ${JSON.stringify(root)}`);
      assert.match(root.find((row) => row.startsWith("summary, value")) ?? "", /3 findings on spring tides/, "research summarized under the topic edited in its own state");
      await workbench.screenshot("step-out-stops-before-write");

      const timeline = await timelineText(panel);
      assert.ok(timeline.some((row) => /^research › step -1 input/.test(row)), `the timeline holds research's run; got ${JSON.stringify(timeline)}`);
      assert.ok(timeline.some((row) => /^research\/search › /.test(row)), "and search's run inside it");
      assert.ok(timeline.some((row) => /update by search/.test(row)), "with the edit made as search inside research");
      await workbench.screenshot("timeline-with-the-runs-inside-research");
      await checkpointRows(page, (rows) => rows.some((row) => /written by plan/.test(row)));
      await expandCheckpointRow(page, /written by plan/);
      const tree = await checkpointRows(page, (rows) => rows.some((row) => /Inside research/.test(row)));
      assert.ok(tree.some((row) => /Inside research/.test(row)), `the Checkpoints view hangs research's run under plan's checkpoint; got ${JSON.stringify(tree)}`);

      await clickToolbar(page, "Continue");
      await waitSessionEnded(page);
      const final = await waitState(panel, (state) => typeof state.report === "string");
      assert.match(String(final.report), /^Report on spring tides\. 3 findings on spring tides/, "the edit reached the parent through the keys it shares with the subgraph");
      assert.equal(final.checked, true, "fact_check's inner graph ran and approved the report");
      await graphNode(panel, "fact_check").locator(".expander").waitFor({ timeout: 20_000 });
      assert.match(await graphNode(panel, "fact_check").locator(".expander-label").textContent() ?? "", /1 node/, "the graph fact_check invoked is drawn inside it once it has run");
      await workbench.screenshot("report-written-session-ended");
    });
  });
});
