/**
 * Subgraphs from GraphView to positions, in Node with the worker's own translation code and a real
 * ELK: a subgraph node is one box while collapsed; expanded, it is an ELK compound node whose own
 * nodes (path ids, their own start and end) lie inside its box, two levels deep, and the edges
 * into and out of it meet the group's box.
 */
import * as assert from "node:assert/strict";
import ELK from "elkjs/lib/elk.bundled.js";
import { fromElkGraph, toElkGraph, type LayoutResult, type PlacedBox } from "../../webview/layout/model";
import { buildScene, layoutInput } from "../../webview/graph/scene";
import type { GraphView } from "../../src/protocol/debug";
import { researchGraph, supportGraph, syntheticGraph } from "./fixtures";

const measure = (text: string) => text.length * 7;

async function laidOut(expanded: string[], graph: GraphView = researchGraph): Promise<{ result: LayoutResult; box: (id: string) => PlacedBox }> {
  const scene = buildScene(graph, measure, new Set(expanded));
  const result = fromElkGraph(await new ELK().layout(toElkGraph(layoutInput(scene, measure))));
  return { result, box: (id) => result.nodes.find((node) => node.id === id) ?? assert.fail(`${id} was not laid out`) };
}

function inside(inner: PlacedBox, outer: PlacedBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe("subgraph scene and layout", () => {
  it("draws a subgraph collapsed by default: one box saying how many nodes it holds, nothing of its insides", () => {
    const scene = buildScene(researchGraph, measure);
    const research = scene.nodes.find((node) => node.id === "research")!;
    assert.deepEqual(research.subgraph, { size: 3, expanded: false });
    assert.equal(research.expander, "▸ 3 nodes");
    assert.ok(!scene.nodes.some((node) => node.id.includes("/")), "no inner node in the scene");
  });

  it("names inner nodes, terminals and edges by path, so ids never clash with the root's", () => {
    const scene = buildScene(researchGraph, measure, new Set(["research", "research/search"]));
    const ids = scene.nodes.map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length, "ids are unique");
    for (const id of ["research/__start__", "research/rank", "research/search/query", "research/search/__end__", "__start__"]) assert.ok(ids.includes(id), id);
    assert.equal(scene.nodes.find((node) => node.id === "research/search/read")?.parent, "research/search");
    const edge = scene.edges.find((e) => e.source === "research/search/query")!;
    assert.deepEqual([edge.target, edge.parent], ["research/search/read", "research/search"]);
    assert.equal(scene.edges.find((e) => e.target === "research")?.parent, undefined, "plan → research stays at the root");
  });

  it("an inner group opens only inside an open parent, and the scene key changes with what is open", () => {
    const keys = [[], ["research"], ["research", "research/search"], ["research/search"]].map((open) => buildScene(researchGraph, measure, new Set(open)).key);
    assert.equal(new Set(keys.slice(0, 3)).size, 3, "each expansion is another layout");
    assert.equal(keys[3], keys[0], "research/search alone draws nothing new: research is closed");
  });

  it("lays out two levels of groups with ELK's hierarchy: inner boxes inside their group's box", async () => {
    const { result, box } = await laidOut(["research", "research/search"]);
    assert.ok(inside(box("research/search"), box("research")));
    for (const id of ["research/__start__", "research/rank", "research/summarize", "research/__end__"]) assert.ok(inside(box(id), box("research")), `${id} lies in research`);
    for (const id of ["research/search/query", "research/search/read", "research/search/__start__"]) assert.ok(inside(box(id), box("research/search")), `${id} lies in research/search`);
    assert.ok(box("research/rank").y > box("research/search").y + box("research/search").height, "rank comes after search inside research");
    assert.ok(box("plan").y < box("research").y && box("research").y + box("research").height < box("write").y, "the group sits between plan and write");
    assert.ok(result.edges.every((edge) => edge.points.length >= 2), "every edge has a route");
  });

  it("makes a group at least as wide as its title bar, with its insides centered under it", async () => {
    const scene = buildScene(researchGraph, measure, new Set(["research", "research/search"]));
    const { box } = await laidOut(["research", "research/search"]);
    for (const group of ["research", "research/search"]) {
      assert.ok(box(group).width >= scene.nodes.find((node) => node.id === group)!.width, `${group} fits its title`);
    }
    const center = (id: string) => box(id).x + box(id).width / 2;
    assert.ok(Math.abs(center("research/search/read") - center("research/search")) < 2, "the inner column sits in the middle of its group");
  });

  it("routes edges into and out of the group to its box, and inner edges in page coordinates", async () => {
    const { result, box } = await laidOut(["research"]);
    const scene = buildScene(researchGraph, measure, new Set(["research"]));
    const route = (source: string, target: string) => result.edges.find((e) => e.id === scene.edges.find((s) => s.source === source && s.target === target)!.id)!.points;
    const group = box("research");
    const into = route("plan", "research").at(-1)!;
    assert.ok(Math.abs(into.y - group.y) < 1 && into.x >= group.x && into.x <= group.x + group.width, "plan's edge ends on the group's top");
    const out = route("research", "write")[0];
    assert.ok(Math.abs(out.y - (group.y + group.height)) < 1, "the edge to write leaves from the group's bottom");
    const inner = route("research/rank", "research/summarize");
    assert.ok(Math.abs(inner[0].y - (box("research/rank").y + box("research/rank").height)) < 1, "an inner edge starts at its node's bottom, in page coordinates");
  });

  it("lays out an open group inside a loop with labelled conditional edges, and a big graph holding a subgraph with back edges", async () => {
    const looped: GraphView = { ...supportGraph, nodes: supportGraph.nodes.map((node) => (node.id === "tools" ? { ...node, subgraph: researchGraph } : node)) };
    const { box } = await laidOut(["tools", "tools/research"], looped);
    assert.ok(inside(box("tools/research/search"), box("tools/research")) && inside(box("tools/research"), box("tools")));
    const big = syntheticGraph(30, "outer");
    big.nodes[16] = { ...big.nodes[16], subgraph: syntheticGraph(10, "inner") };
    const nested = await laidOut([big.nodes[16].id], big);
    assert.ok(inside(nested.box(`${big.nodes[16].id}/inner_9`), nested.box(big.nodes[16].id)));
  });
});
