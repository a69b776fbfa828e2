/**
 * "Show Graph Panel" on a file with no session loads the graph's shape in a real runner process:
 * the nodes with their addNode lines, the edges, and nothing run or written; a file that does not
 * build gives the runner's worded error. The runner is stopped either way.
 */
import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { previewGraph } from "../../src/extension/graphPreview";
import { EXAMPLES, PROJECT_ROOT } from "./helpers/examples";

describe("previewing a graph without a debug session", function () {
  this.timeout(60_000);
  let store: string;
  beforeEach(() => (store = path.join(mkdtempSync(path.join(os.tmpdir(), "langgraph-preview-")), ".langgraph")));
  afterEach(() => rmSync(path.dirname(store), { recursive: true, force: true }));

  it("gives the graph of an example with each node's addNode line, and runs nothing", async () => {
    const output: string[] = [];
    const preview = await previewGraph({ program: path.join(EXAMPLES, "approval-flow.ts"), checkpointDir: store, onOutput: (text) => output.push(text) });
    assert.equal(preview.exportName, "graph");
    assert.deepEqual(preview.graphExports, ["graph"]);
    const nodes = preview.graph.nodes.filter((node) => node.source).map((node) => node.id);
    assert.deepEqual(nodes, ["research", "write", "publish"]);
    assert.ok(preview.graph.edges.some((edge) => edge.source === "write" && edge.target === "publish"));
    assert.ok(!output.join("").includes("publishing"), "no node ran");
    assert.ok(!existsSync(path.join(store, "threads")), "no thread was written");
  });

  it("says what is wrong with a file that does not build", async () => {
    const broken = path.join(PROJECT_ROOT, "test", "fixtures", "broken-syntax.js");
    await assert.rejects(previewGraph({ program: broken, checkpointDir: store }), /Could not build the graph file broken-syntax\.js/);
  });
});
