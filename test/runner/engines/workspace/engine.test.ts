/**
 * The workspace engine, driven over the runner's RPC on real files: a graph file runs on the
 * `@langchain/langgraph` its folder resolves (1.7.3 here, or 1.0.15 where a project installs that),
 * loaded as tsx loads it; the engine says which version runs it and what it can do; a workspace it
 * cannot drive, and files it cannot load, get messages that say what to fix.
 */
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { RunnerUnderTest, startRunner } from "../../helpers";
import { PROJECT_ROOT } from "../../../debug/helpers/build";

/** A folder inside the project (so its node_modules resolve) holding `files`. */
function projectFolder(files: Record<string, string>): string {
  const parent = path.join(PROJECT_ROOT, "test-artifacts");
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(path.join(parent, "workspace-engine-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const COUNTER = `import { Annotation, END, START, StateGraph, MessagesAnnotation } from "@langchain/langgraph";
const State = Annotation.Root({ ...MessagesAnnotation.spec, n: Annotation<number>() });
export const graph = new StateGraph(State)
  .addNode("a", (s) => ({ n: (s.n ?? 0) + 1 }))
  .addNode("b", (s) => ({ n: s.n + 10 }))
  .addEdge(START, "a")
  .addEdge("a", "b")
  .addEdge("b", END)
  .compile();
`;

describe("runner: the workspace engine", function () {
  this.timeout(60_000);
  let root: string;
  let under: RunnerUnderTest;
  afterEach(async () => {
    await under?.runner.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function load(files: Record<string, string>, program: string, engine: "auto" | "workspace" | "builtin" = "auto") {
    root = projectFolder(files);
    under = startRunner(root);
    return under.runner.request("load", { program: path.join(root, program), checkpointDir: path.join(root, ".langgraph"), engine });
  }

  it("runs the graph on the project's LangGraph.js, turns a role dict into a HumanMessage, and stops at a breakpoint", async () => {
    const loaded = await load({ "graph.ts": COUNTER }, "graph.ts");
    assert.deepEqual([loaded.engine.kind, loaded.engine.version], ["workspace", "1.7.3"]);
    assert.equal(loaded.graph.nodes.find((node) => node.id === "b")?.source?.line, 5, "the addNode line of b");
    const input = { messages: [{ role: "user", content: "hi" }] };
    const stopped = await under.runner.request("run", { threadId: "t", input, interruptBefore: ["b"], interruptAfter: [] });
    assert.deepEqual([stopped.status, stopped.snapshot?.next], ["stopped", ["b"]]);
    assert.equal((stopped.snapshot?.values.messages as Array<{ type: string }>)[0].type, "human", "LangGraph.js made the dict a HumanMessage");
    const done = await under.runner.request("run", { threadId: "t", interruptBefore: ["b"], interruptAfter: [] });
    assert.deepEqual([done.status, done.snapshot?.values.n], ["done", 11]);
  });

  it("runs an ES module with top-level await", async () => {
    const esm = COUNTER.replace("export const graph", "const start = await Promise.resolve(5);\nexport const graph").replace("(s.n ?? 0) + 1", "(s.n ?? start) + 1");
    await load({ "package.json": JSON.stringify({ type: "module" }), "graph.ts": esm }, "graph.ts");
    const done = await under.runner.request("run", { threadId: "t", input: {}, interruptBefore: [], interruptAfter: [] });
    assert.equal(done.snapshot?.values.n, 16);
  });

  it("drives an older LangGraph.js 1.x a project installs, and says Pause cannot drain there", async () => {
    const files = { "graph.ts": COUNTER, "node_modules/.keep": "" };
    root = projectFolder(files);
    mkdirSync(path.join(root, "node_modules", "@langchain"), { recursive: true });
    symlinkSync(path.join(PROJECT_ROOT, "node_modules", "langgraph-v1-0"), path.join(root, "node_modules", "@langchain", "langgraph"));
    under = startRunner(root);
    const loaded = await under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: path.join(root, ".langgraph") });
    assert.deepEqual([loaded.engine.version, loaded.engine.capabilities.pause], ["1.0.15", "abort"]);
    const stopped = await under.runner.request("run", { threadId: "t", input: {}, interruptBefore: [], interruptAfter: ["a"] });
    assert.deepEqual([stopped.status, stopped.snapshot?.next], ["stopped", ["b"]]);
  });

  it("refuses a LangGraph.js it cannot drive, naming the version, the range and the builtin engine", async () => {
    const old = { "node_modules/@langchain/langgraph/package.json": JSON.stringify({ name: "@langchain/langgraph", version: "0.2.74", main: "index.js" }), "node_modules/@langchain/langgraph/index.js": "" };
    await assert.rejects(load({ ...old, "graph.ts": COUNTER }, "graph.ts"), (error: Error) => /0\.2\.74/.test(error.message) && />=1\.0\.0 <2\.0\.0/.test(error.message) && /"engine": "builtin"/.test(error.message));
  });

  it("lists the graphs of a file that exports several, and names a missing package with the folder it was looked up from", async () => {
    const two = `${COUNTER}export const other = graph.builder.compile();\n`;
    await assert.rejects(load({ "graph.ts": two }, "graph.ts"), /exports several graphs \(graph, other\)/);
    await under.runner.stop();
    rmSync(root, { recursive: true, force: true });
    await assert.rejects(load({ "graph.ts": `import "not-a-package-here";\n${COUNTER}` }, "graph.ts"), (error: Error) => /"not-a-package-here"/.test(error.message) && error.message.includes(root));
  });

  it("uses the builtin engine where the launch asks for it, even with LangGraph.js installed", async () => {
    const loaded = await load({ "graph.ts": COUNTER }, "graph.ts", "builtin");
    assert.equal(loaded.engine.kind, "builtin");
  });
});
