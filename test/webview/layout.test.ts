/**
 * From GraphView to positions: the scene (terminals, badges for dynamic routes, labels only where a
 * path-map key differs from its target) and a real ELK layout of it, run here in Node with the same
 * translation code the worker uses.
 */
import * as assert from "node:assert/strict";
import ELK from "elkjs/lib/elk.bundled.js";
import { fromElkGraph, toElkGraph } from "../../webview/layout/model";
import { badgeId, buildScene, layoutInput } from "../../webview/graph/scene";
import { supportGraph } from "./fixtures";

const measure = (text: string) => text.length * 7;

describe("graph scene and layout", () => {
  it("draws a dynamic route as one stub to a badge listing what was seen, not edges to every node", () => {
    const scene = buildScene(supportGraph, measure);
    const fromReview = scene.edges.filter((edge) => edge.source === "review");
    assert.deepEqual(fromReview.map((edge) => [edge.kind, edge.target]), [["dynamic", badgeId("review")]]);
    assert.equal(scene.nodes.find((node) => node.id === badgeId("review"))?.text, "? → respond");
  });

  it("labels conditional edges with their path-map key only when it differs from the target", () => {
    const scene = buildScene(supportGraph, measure);
    const labelled = scene.edges.filter((edge) => edge.label).map((edge) => `${edge.source}>${edge.target}:${edge.label}`);
    assert.deepEqual(labelled, ["classify>agent:question", "classify>respond:greeting", "agent>tools:tool call"]);
    assert.equal(scene.edges.find((edge) => edge.target === "review")?.kind, "conditional");
  });

  it("leaves out edges to nodes the graph does not list, so the layout still works", () => {
    const scene = buildScene({ ...supportGraph, edges: [...supportGraph.edges, { source: "agent", target: "ghost", conditional: false }] }, measure);
    assert.ok(!scene.edges.some((edge) => edge.target === "ghost"));
  });

  it("lays out top to bottom: start above classify above agent, end below respond", async () => {
    const scene = buildScene(supportGraph, measure);
    const result = fromElkGraph(await new ELK().layout(toElkGraph(layoutInput(scene, measure))));
    const y = (id: string) => result.nodes.find((node) => node.id === id)!.y;
    assert.ok(y("__start__") < y("classify") && y("classify") < y("agent") && y("respond") < y("__end__"));
    const labelled = result.edges.find((edge) => edge.id === scene.edges.find((e) => e.label === "question")!.id)!;
    assert.ok(labelled.label && labelled.label.width > 0, "ELK placed the label");
    assert.ok(result.edges.every((edge) => edge.points.length >= 2), "every edge has a route");
  });
});
