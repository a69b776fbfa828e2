/**
 * Where the panel looks when it draws a tall graph in a short pane: it does not shrink the graph
 * past a readable scale, and it pans to the node the run stopped before, even at the bottom. The
 * Fit button still shows the whole graph, and once the person has moved the view, a stop leaves it alone.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import type { GraphView } from "../../src/protocol/debug";
import { openPanel, type PanelPage } from "./harness";
import { snapshot, stopAt } from "./fixtures";

const IDS = Array.from({ length: 30 }, (_, index) => `step_${index}`);
const TALL: GraphView = {
  nodes: [{ id: "__start__" }, ...IDS.map((id) => ({ id })), { id: "__end__" }],
  edges: ["__start__", ...IDS, "__end__"].slice(1).map((target, index) => ({ source: index === 0 ? "__start__" : IDS[index - 1], target, conditional: false })),
  dynamic: [],
};

async function scale(panel: PanelPage): Promise<number> {
  const transform = (await panel.page.locator(".graph-svg g.viewport").getAttribute("transform")) ?? "";
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

async function inView(panel: PanelPage, node: string): Promise<boolean> {
  const pane = (await panel.page.locator(".graph-svg").boundingBox())!;
  const box = (await panel.page.locator(`.graph-svg [data-node="${node}"]`).boundingBox())!;
  return box.y >= pane.y && box.y + box.height <= pane.y + pane.height && box.x >= pane.x && box.x + box.width <= pane.x + pane.width;
}

describe("graph panel: a tall graph in a short pane", function () {
  this.timeout(60000);
  let panel: PanelPage;
  beforeEach(async () => {
    panel = await openPanel({ height: 520 });
    await panel.send({ type: "graph", graph: TALL, title: "tall" }, stopAt("breakpoint-before", snapshot("c28", ["step_28"], [{ id: "t28", name: "step_28", path: [], interrupts: [] }])), { type: "session", status: "stopped" });
    await panel.waitForGraph();
  });
  afterEach(() => panel.close());

  it("stays readable and pans to the node the run stopped before", async () => {
    await panel.page.locator('.graph-svg g.node.next[data-node="step_28"]').waitFor();
    assert.ok((await scale(panel)) >= 0.6, `scale ${await scale(panel)}`);
    assert.ok(await inView(panel, "step_28"), "the stop's node is on screen");
  });

  it("Fit shows the whole graph, and a moved view is kept on the next stop", async () => {
    await panel.page.locator("vscode-button", { hasText: "Fit" }).click();
    assert.ok((await scale(panel)) < 0.6, "the whole graph, smaller");
    assert.ok(await inView(panel, "step_0") && await inView(panel, "step_29"));
    await panel.page.locator("vscode-button", { hasText: "+" }).click();
    const moved = await panel.page.locator(".graph-svg g.viewport").getAttribute("transform");
    await panel.send(stopAt("breakpoint-before", snapshot("c2", ["step_2"], [{ id: "t2", name: "step_2", path: [], interrupts: [] }])));
    await panel.page.locator('.graph-svg g.node.next[data-node="step_2"]').waitFor();
    assert.equal(await panel.page.locator(".graph-svg g.viewport").getAttribute("transform"), moved, "the person's view stays");
  });
});
