/**
 * langgraph.json, the LangGraph CLI's project file, read as launch choices: both ways of writing a
 * graph, paths relative to the file, Python graphs skipped with a reason, and a clear error for a
 * file that cannot be used.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { LanggraphJsonError, parseLanggraphJson } from "../../src/extension/langgraphJson";

const FILE = path.join(path.sep, "work", "app", "langgraph.json");
const inApp = (...parts: string[]) => path.join(path.sep, "work", "app", ...parts);

describe("reading langgraph.json", () => {
  it("lists each graph with its file made absolute and its export", () => {
    const text = JSON.stringify({
      dependencies: ["."],
      graphs: { agent: "./src/agent.ts:graph", support: { path: "./support/index.js:app", description: "Support bot" } },
      env: { OPENAI_API_KEY: "sk-test", PORT: 1 },
    });
    const project = parseLanggraphJson(text, FILE);
    assert.deepEqual(project.graphs, [
      { id: "agent", program: inApp("src", "agent.ts"), exportName: "graph" },
      { id: "support", program: inApp("support", "index.js"), exportName: "app", description: "Support bot" },
    ]);
    assert.deepEqual(project.env, { OPENAI_API_KEY: "sk-test" }, "only string values are environment variables");
    assert.deepEqual(project.skipped, []);
  });

  it("keeps a graph without an export name (the runner picks the only graph)", () => {
    const project = parseLanggraphJson(JSON.stringify({ graphs: { one: "./one.mts" } }), FILE);
    assert.deepEqual(project.graphs, [{ id: "one", program: inApp("one.mts") }]);
  });

  it("skips Python graphs and malformed entries, saying why", () => {
    const project = parseLanggraphJson(JSON.stringify({ graphs: { py: "./agent.py:graph", odd: 42, ok: "./ok.ts:graph" } }), FILE);
    assert.deepEqual(project.graphs.map((graph) => graph.id), ["ok"]);
    assert.equal(project.skipped.length, 2);
    assert.match(project.skipped[0], /Graph "py" \(\.\/agent\.py:graph\) is not a JavaScript or TypeScript file/);
    assert.match(project.skipped[1], /Graph "odd": expected "path\/to\/file\.ts:exportName"/);
  });

  it("refuses a file that is not JSON or has no graphs, naming the file and the fix", () => {
    assert.throws(() => parseLanggraphJson("{ graphs: ", FILE), (error: Error) => error instanceof LanggraphJsonError && error.message.includes(FILE) && /not valid JSON/.test(error.message));
    assert.throws(() => parseLanggraphJson('{"dependencies": ["."]}', FILE), /has no "graphs" object: write \{"graphs"/);
  });
});
