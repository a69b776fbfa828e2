/**
 * One set of node breakpoints shared by the gutter, the Breakpoints view, the CodeLens and the
 * graph panel: reading editor breakpoints as node lists, and planning the editor changes that make
 * them equal what the panel asks for, with a break before a node landing in the gutter when its
 * `addNode` line is known.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphView } from "../../src/protocol/debug";
import {
  EditorBreakpoint, NodeSite, nodeBreakpointsOf, parseNodeBreakpointName, planNodeBreakpoints, planToggle, sitesFromGraph, sitesFromText,
} from "../../src/extension/breakpointSync";

const FILE = path.join(path.sep, "ws", "graph.ts");
const TEXT = [
  "export const graph = new StateGraph(State)",
  '  .addNode("agent", agent)',
  "  .addNode(",
  '    "tools",',
  "    tools,",
  "  )",
  '  .addEdge(START, "agent");',
].join("\n");
const SITES: NodeSite[] = sitesFromText(FILE, TEXT);

const source = (id: string, line: number, enabled = true): EditorBreakpoint => ({ id, enabled, kind: "source", file: FILE, line });
const fn = (id: string, name: string, enabled = true): EditorBreakpoint => ({ id, enabled, kind: "function", name });

describe("node breakpoints between the editor and the panel", () => {
  it("finds the sites of a file, a multi-line call spanning its lines", () => {
    assert.deepEqual(SITES, [
      { node: "agent", file: FILE, line: 2, lastLine: 2 },
      { node: "tools", file: FILE, line: 3, lastLine: 6 },
    ]);
  });

  it("reads names the way the adapter does", () => {
    assert.deepEqual(parseNodeBreakpointName("tools"), { node: "tools", when: "before" });
    assert.deepEqual(parseNodeBreakpointName("after: agent"), { node: "agent", when: "after" });
    assert.deepEqual(parseNodeBreakpointName("before:*"), { node: "*", when: "before" });
  });

  it("reads gutter and function breakpoints as node lists, ignoring disabled ones and other lines", () => {
    const breakpoints = [source("1", 2), source("2", 5), source("3", 7), fn("4", "after:agent"), fn("5", "tools"), fn("6", "after:tools", false)];
    assert.deepEqual(nodeBreakpointsOf(breakpoints, SITES), { before: ["agent", "tools"], after: ["agent"] });
  });

  it("a panel toggle before a node adds a gutter breakpoint on its addNode line", () => {
    const plan = planNodeBreakpoints([], SITES, { before: ["tools"], after: [] });
    assert.deepEqual(plan, { add: [{ kind: "source", file: FILE, line: 3 }], remove: [] });
  });

  it("a panel toggle after a node, or before a node with no known line, adds a function breakpoint", () => {
    const plan = planNodeBreakpoints([], SITES, { before: ["elsewhere"], after: ["agent"] });
    assert.deepEqual(plan.add, [{ kind: "function", name: "before:elsewhere" }, { kind: "function", name: "after:agent" }]);
  });

  it("turning a node off removes every breakpoint that stops there, however it was set", () => {
    const breakpoints = [source("gutter", 4), fn("named", "tools"), fn("prefixed", "before:tools"), fn("keep", "after:tools")];
    const plan = planNodeBreakpoints(breakpoints, SITES, { before: [], after: ["tools"] });
    assert.deepEqual(plan, { add: [], remove: ["gutter", "named", "prefixed"] });
  });

  it("turning a node on replaces its disabled breakpoint instead of adding a twin", () => {
    const plan = planToggle([fn("off", "after:agent", false)], SITES, "agent", "after");
    assert.deepEqual(plan, { add: [{ kind: "function", name: "after:agent" }], remove: ["off"] });
  });

  it("a toggle flips only the one node and leaves the rest as they are", () => {
    const breakpoints = [source("a", 2), fn("b", "after:tools")];
    assert.deepEqual(planToggle(breakpoints, SITES, "agent", "before"), { add: [], remove: ["a"] });
    assert.deepEqual(planToggle(breakpoints, SITES, "agent", "after"), { add: [{ kind: "function", name: "after:agent" }], remove: [] });
  });

  it("sites from the adapter's graph take each call's extent from the file's text", () => {
    const graph: GraphView = {
      nodes: [{ id: "__start__" }, { id: "agent", source: { file: FILE, line: 2, column: 4 } }, { id: "tools", source: { file: FILE, line: 3, column: 4 } }],
      edges: [],
      dynamic: [],
    };
    assert.deepEqual(sitesFromGraph(graph, (file) => (file === FILE ? TEXT : undefined)), SITES);
    assert.deepEqual(sitesFromGraph(graph, () => undefined).map((site) => site.lastLine), [2, 3], "without the text, one line each");
  });
});
