/**
 * The graph as drawn in the built panel, in Chromium under the real CSP: what is on screen after a
 * graph and a stop, how a stop repaints without a new layout, and which message each click and key
 * on a node sends.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import { openDrawnPanel } from "./opened";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPanel, openPanel, type PanelPage } from "./harness";
import { openingMessages, pausedBeforeReview, snapshot, stopAt, supportGraph, waitingInReview } from "./fixtures";

async function classesOf(panel: PanelPage, node: string): Promise<string[]> {
  return (await panel.page.locator(`.graph-svg [data-node="${node}"]`).getAttribute("class"))!.split(/\s+/);
}

describe("graph panel: drawing", function () {
  this.timeout(60000);
  let panel: PanelPage;
  before(async () => {
    panel = await openDrawnPanel();
  });
  after(() => panel.close());

  it("draws nodes as boxes with their names and __start__/__end__ as small terminals", async () => {
    const names = await panel.page.locator(".graph-svg .node .node-label").allTextContents();
    assert.deepEqual(names.sort(), ["agent", "classify", "respond", "review", "tools"]);
    assert.deepEqual(await panel.page.locator(".graph-svg .terminal .terminal-label").allTextContents(), ["start", "end"]);
    const nodeBox = await panel.page.locator('[data-node="agent"] .node-box').boundingBox();
    const startBox = await panel.page.locator('[data-node="__start__"] .terminal-box').boundingBox();
    assert.ok(startBox!.height < nodeBox!.height && startBox!.width < nodeBox!.width, "terminals are smaller than nodes");
  });

  it("lays the graph out top to bottom in the worker", async () => {
    const top = async (node: string) => (await panel.page.locator(`[data-node="${node}"]`).boundingBox())!.y;
    assert.ok(await top("__start__") < await top("classify") && await top("classify") < await top("agent"));
    const stats = await panel.page.evaluate(() => (window as unknown as { __langgraphPanel: { stats: { layouts: number; lastLayoutMs: number } } }).__langgraphPanel.stats);
    assert.equal(stats.layouts, 1);
    assert.ok(stats.lastLayoutMs > 0, "the worker timed its layout");
  });

  it("dashes conditional edges, labels them with their path-map keys, and draws a dynamic route as a '?' badge", async () => {
    assert.equal(await panel.page.locator('.edge-conditional[data-source="classify"]').count(), 2);
    assert.deepEqual((await panel.page.locator(".edge-label text").allTextContents()).sort(), ["greeting", "question", "tool call"]);
    const dash = await panel.page.locator('.edge-conditional[data-source="classify"] .edge-line').first().evaluate((path) => getComputedStyle(path).strokeDasharray);
    assert.notEqual(dash, "none");
    assert.equal(await panel.page.locator('.edge[data-source="review"]').count(), 1, "review has one stub, not an edge per node");
    assert.equal(await panel.page.locator('.route-badge[data-route="review"]').textContent(), "review routes dynamically (no path map): its targets are known only as the graph runs. Seen so far: respond.? → respond");
  });

  it("highlights the next node, the path taken and the breakpoint markers", async () => {
    assert.ok((await classesOf(panel, "review")).includes("next"));
    assert.equal(await panel.page.locator('[data-node="review"] .node-flag').textContent(), "▶");
    for (const node of ["classify", "agent", "tools"]) assert.ok((await classesOf(panel, node)).includes("path"), `${node} is on the path`);
    assert.ok(!(await classesOf(panel, "respond")).includes("path"));
    assert.equal(await panel.page.locator(".edge.path").count(), 4);
    assert.ok((await classesOf(panel, "review")).includes("bp-before-on"));
    assert.match((await panel.page.locator('[data-node="review"]').getAttribute("aria-label"))!, /review, runs next, break before/);
  });

  it("repaints highlights on every stop without laying out again", async () => {
    const before = await panel.page.locator('[data-node="review"]').elementHandle();
    await panel.send(waitingInReview);
    await panel.page.waitForFunction(() => document.querySelector('[data-node="review"]')?.classList.contains("interrupted"));
    assert.equal(await panel.page.locator('[data-node="review"] .node-flag').textContent(), "?");
    await panel.send(stopAt("error", snapshot("c5", ["review"], [{ id: "t", name: "review", path: [], interrupts: [], error: { name: "Error", message: "boom" } }])));
    await panel.page.waitForFunction(() => document.querySelector('[data-node="review"]')?.classList.contains("errored"));
    await panel.send(stopAt("breakpoint-before", snapshot("c5", []), ["review"]));
    await panel.page.waitForFunction(() => document.querySelector('[data-node="review"]')?.classList.contains("running"));
    assert.ok(!(await classesOf(panel, "review")).includes("errored"), "the old error highlight is gone");
    assert.ok(await before!.evaluate((element) => element.isConnected), "the same SVG element is still on screen");
    const stats = await panel.page.evaluate(() => (window as unknown as { __langgraphPanel: { stats: { layouts: number } } }).__langgraphPanel.stats);
    assert.equal(stats.layouts, 1, "no new layout");
    await panel.send(pausedBeforeReview);
  });

  it("loads under the CSP with no violation and no page error", async () => {
    assert.deepEqual(await panel.cspViolations(), []);
    assert.deepEqual(panel.errors, []);
  });

  it("refuses an inline script that lacks the nonce", async () => {
    const ran = await panel.page.evaluate(async () => {
      const inline = document.createElement("script");
      inline.textContent = "window.__inline = true";
      document.body.append(inline);
      await new Promise((done) => setTimeout(done, 50));
      return (window as unknown as { __inline?: boolean }).__inline ?? false;
    });
    assert.equal(ran, false);
    const violations = await panel.cspViolations();
    assert.ok(violations.some((v) => v.startsWith("script-src-elem inline")), violations.join("; "));
  });

  // Playwright's own connection relaxes eval checks in the page, so eval is checked in the bundles:
  // the policy has no 'unsafe-eval' (html.test.ts), and nothing shipped calls eval or Function.
  it("ships bundles that never build code from strings", async () => {
    const outdir = await buildPanel();
    for (const file of ["webview/panel.js", "webview/layout.js"]) {
      const code = readFileSync(join(outdir, file), "utf8");
      assert.ok(code.length > 10000, `${file} was built`);
      assert.doesNotMatch(code, /(^|[^\w$.])eval\s*\(|new\s+Function\s*\(|[^\w$.]Function\s*\(\s*["'`]/, `${file} calls eval or Function`);
    }
  });
});

describe("graph panel: clicks and keys", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openPanel();
    await panel.send(...openingMessages());
    await panel.waitForGraph();
  });
  afterEach(() => panel.close());

  it("a click on a marker sends the full before/after sets, and the adapter's answer is what shows", async () => {
    await panel.page.locator('[data-node="agent"] .bp-after .bp-hit').click();
    const request = await panel.nextRequest("setNodeBreakpoints");
    assert.deepEqual(request.args, { before: ["review"], after: ["agent"] });
    assert.ok((await classesOf(panel, "agent")).includes("bp-after-on"), "shown at once");
    await panel.reply(request, { before: ["review"], after: ["agent", "tools"] });
    await panel.page.waitForFunction(() => document.querySelector('[data-node="tools"]')?.classList.contains("bp-after-on"));

    await panel.page.locator('[data-node="review"] .bp-before .bp-hit').click();
    const second = await panel.nextRequest("setNodeBreakpoints");
    assert.deepEqual(second.args, { before: [], after: ["agent", "tools"] });
  });

  it("a refused toggle goes back and says why", async () => {
    await panel.page.locator('[data-node="tools"] .bp-before .bp-hit').click();
    await panel.fail(await panel.nextRequest("setNodeBreakpoints"), "no debug session");
    await panel.page.locator(".graph-message", { hasText: "no debug session" }).waitFor();
    assert.ok(!(await classesOf(panel, "tools")).includes("bp-before-on"));
  });

  it("follows breakpoints set elsewhere (gutter, Breakpoints view)", async () => {
    await panel.send({ type: "nodeBreakpoints", breakpoints: { before: ["classify"], after: ["respond"] } });
    await panel.page.waitForFunction(() => document.querySelector('[data-node="classify"]')?.classList.contains("bp-before-on"));
    assert.ok((await classesOf(panel, "respond")).includes("bp-after-on"));
    assert.ok(!(await classesOf(panel, "review")).includes("bp-before-on"));
  });

  it("a double-click opens the node's addNode line", async () => {
    await panel.page.locator('[data-node="tools"] .node-label').dblclick();
    const request = await panel.nextRequest("openSource");
    assert.equal(request.node, "tools");
    assert.deepEqual(request.source, supportGraph.nodes.find((node) => node.id === "tools")!.source);
  });

  it("is keyboard reachable: Tab to a node, Enter and Shift+Enter toggle, F12 opens", async () => {
    await panel.page.locator('[data-node="classify"]').focus();
    await panel.page.keyboard.press("Tab");
    const focused = await panel.page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.node);
    assert.ok(focused && focused !== "classify", "Tab moves to another node");
    await panel.page.keyboard.press("Enter");
    assert.deepEqual((await panel.nextRequest("setNodeBreakpoints")).args.before.includes(focused!), true);
    await panel.page.keyboard.press("Shift+Enter");
    assert.deepEqual((await panel.nextRequest("setNodeBreakpoints")).args.after, [focused]);
    await panel.page.keyboard.press("F12");
    assert.equal((await panel.nextRequest("openSource")).node, focused);
  });

  it("zooms with + and -, fits with 0, and pans by dragging the background", async () => {
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await panel.page.locator(".viewport").getAttribute("transform"))!)![1]);
    const fitted = await scale();
    await panel.page.locator('[data-node="agent"]').focus();
    await panel.page.keyboard.press("+");
    assert.ok(await scale() > fitted);
    await panel.page.keyboard.press("-");
    await panel.page.keyboard.press("-");
    assert.ok(await scale() < fitted);
    await panel.page.keyboard.press("0");
    assert.equal(await scale(), fitted);
    const box = (await panel.page.locator(".graph-svg").boundingBox())!;
    const before = await panel.page.locator(".viewport").getAttribute("transform");
    await panel.page.mouse.move(box.x + 20, box.y + box.height - 20);
    await panel.page.mouse.down();
    await panel.page.mouse.move(box.x + 120, box.y + box.height - 60, { steps: 4 });
    await panel.page.mouse.up();
    assert.notEqual(await panel.page.locator(".viewport").getAttribute("transform"), before);
  });
});
