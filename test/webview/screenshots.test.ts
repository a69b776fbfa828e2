/**
 * Pictures for a person to look at (test-artifacts/, not committed): the paused graph in the light,
 * dark and high-contrast themes, a graph waiting for an answer, a past checkpoint with its fork, the
 * JSON editor with an error, and a big graph. Each picture is also checked for what must be in it
 * and for CSP violations caused by the interactions that led to it.
 */
import * as assert from "node:assert/strict";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import "./browserHooks";
import { ARTIFACTS, openPanel, type PanelPage } from "./harness";
import { openingMessages, pausedBeforeResearchSearchRead, researchOpening, snapshot, syntheticGraph, waitingInReview } from "./fixtures";
import type { ThemeName } from "./themes";

async function shoot(panel: PanelPage, name: string): Promise<void> {
  const path = await panel.screenshot(name);
  assert.ok(existsSync(path) && statSync(path).size > 10000, `${name}.png was written`);
  assert.deepEqual(await panel.cspViolations(), []);
  assert.deepEqual(panel.errors, []);
}

describe("screenshots", function () {
  this.timeout(60000);
  before(() => mkdirSync(ARTIFACTS, { recursive: true }));

  for (const theme of ["light", "dark", "high-contrast"] as ThemeName[]) {
    it(`paused at a breakpoint, ${theme} theme`, async () => {
      const panel = await openPanel({ theme });
      await panel.send(...openingMessages());
      await panel.waitForGraph();
      const background = await panel.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, { light: "rgb(255, 255, 255)", dark: "rgb(31, 31, 31)", "high-contrast": "rgb(0, 0, 0)" }[theme]);
      await shoot(panel, `panel-paused-${theme}`);
      await panel.close();
    });
  }

  for (const theme of ["dark", "light"] as ThemeName[]) {
    it(`paused two subgraphs deep, groups open, ${theme} theme`, async () => {
      const panel = await openPanel({ theme, width: 1280, height: 900 });
      await panel.send(...researchOpening(pausedBeforeResearchSearchRead));
      await panel.page.waitForFunction(() => document.querySelector('[data-node="research/search/read"]')?.classList.contains("next"));
      await panel.page.locator(".layout-progress").waitFor({ state: "hidden" });
      assert.equal(await panel.page.locator(".group-frame").count(), 2);
      mkdirSync(join(ARTIFACTS, "webview"), { recursive: true });
      await shoot(panel, `webview/panel-subgraphs-${theme}`);
      await panel.close();
    });
  }

  it("waiting for an answer", async () => {
    const panel = await openPanel({ theme: "dark" });
    await panel.send(...openingMessages(waitingInReview));
    await panel.waitForGraph();
    await panel.page.locator(".answer textarea").fill('{"approved": true}');
    await shoot(panel, "panel-interrupt-dark");
    await panel.close();
  });

  it("viewing the past, timeline open, light theme", async () => {
    const panel = await openPanel({ theme: "light" });
    await panel.send(...openingMessages());
    await panel.waitForGraph();
    await panel.page.locator("vscode-tab-header.tab-timeline").click();
    await panel.page.locator('[data-checkpoint="f3"]').click();
    await panel.reply(await panel.nextRequest("selectCheckpoint"), snapshot("f3", [], [], { route: "greeting", draft: "Hi!", messages: [], approved: false }));
    await panel.page.locator(".banner[data-kind=past]").waitFor();
    await shoot(panel, "panel-timeline-light");
    await panel.close();
  });

  it("a JSON edit with an error, high contrast", async () => {
    const panel = await openPanel({ theme: "high-contrast" });
    await panel.send(...openingMessages());
    await panel.waitForGraph();
    await panel.page.locator(".mode-json").click();
    await panel.page.locator(".state-json textarea").fill('{\n  "route": greeting\n}');
    await panel.page.locator("vscode-button.apply").click();
    await panel.page.locator(".state-panel .inline-error").waitFor();
    await shoot(panel, "panel-json-error-hc");
    await panel.close();
  });

  it("a 100-node graph, fitted", async () => {
    const panel = await openPanel({ theme: "dark" });
    await panel.send({ type: "graph", graph: syntheticGraph(100) });
    await panel.waitForGraph();
    assert.equal(await panel.page.locator(".graph-svg .node").count(), 100);
    await shoot(panel, "panel-100-nodes-dark");
    await panel.close();
  });
});
