/**
 * The panel's header names the engine that runs the graph (the workspace's LangGraph.js and its
 * version, or the builtin engine), and what that engine does differently is one hover away.
 */
import * as assert from "node:assert/strict";
import "./browserHooks";
import type { GraphView } from "../../src/protocol/debug";
import type { EngineInfo } from "../../src/protocol/runner";
import { openPanel, type PanelPage } from "./harness";

const LINE: GraphView = {
  nodes: [{ id: "__start__" }, { id: "draft" }, { id: "__end__" }],
  edges: [
    { source: "__start__", target: "draft", conditional: false },
    { source: "draft", target: "__end__", conditional: false },
  ],
  dynamic: [],
};

const WORKSPACE: EngineInfo = {
  kind: "workspace",
  version: "1.0.15",
  packageDir: "/project/node_modules/@langchain/langgraph",
  capabilities: { pause: "abort", callSites: true, resumeThroughEdit: false, replayInsideSubgraph: false },
  reason: "the workspace has it installed",
};

describe("graph panel: which engine runs the graph", function () {
  this.timeout(60000);
  let panel: PanelPage;
  afterEach(() => panel.close());

  it("names the workspace's LangGraph.js and says on hover what it does differently", async () => {
    panel = await openPanel();
    await panel.send({ type: "graph", graph: { ...LINE, engine: WORKSPACE }, title: "draft.ts" });
    await panel.waitForGraph();
    const badge = panel.page.locator(".engine-badge");
    assert.equal(await badge.textContent(), "LangGraph.js 1.0.15 (workspace)");
    const hover = (await badge.getAttribute("title")) ?? "";
    assert.match(hover, /no RunControl/);
    assert.match(hover, /interrupt\(\) is written to the state, and the node asks again/);
  });

  it("shows no badge before the adapter says which engine runs", async () => {
    panel = await openPanel();
    await panel.send({ type: "graph", graph: LINE, title: "draft.ts" });
    await panel.waitForGraph();
    assert.equal(await panel.page.locator(".engine-badge").isVisible(), false);
  });
});
