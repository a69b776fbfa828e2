/**
 * The runner loads a user's graph module the way a user would write it: TypeScript or JavaScript,
 * importing `@langchain/langgraph` (which becomes our engine) and packages from the workspace's own
 * `node_modules`; `addNode` call sites are the TypeScript lines. A module that cannot be loaded
 * gets a message that says what to fix.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { RunnerUnderTest, removeWorkspace, startRunner, workspace } from "./helpers";

const GREETING_PACKAGE = {
  "node_modules/greeting/package.json": JSON.stringify({ name: "greeting", main: "index.js" }),
  "node_modules/greeting/index.js": "exports.greet = (name) => `hello, ${name}`;\n",
};

const TS_GRAPH = `import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { greet } from "greeting";

interface Typed { name: string }
const State = Annotation.Root({ name: Annotation<string>(), text: Annotation<string>() });

export const workflow = new StateGraph(State)
  .addNode("hello", (state: Typed) => ({ text: greet(state.name) }))
  .addEdge(START, "hello")
  .addEdge("hello", END);
export const graph = workflow.compile();
`;

describe("runner: loading a graph module", function () {
  this.timeout(30_000);
  let root: string;
  let under: RunnerUnderTest;
  afterEach(async () => {
    await under.runner.stop();
    removeWorkspace(root);
  });

  function open(files: Record<string, string>): void {
    root = workspace(files);
    under = startRunner(root);
  }

  it("runs a TypeScript graph that imports a package of its workspace, with TypeScript call sites", async () => {
    open({ ...GREETING_PACKAGE, "graph.ts": TS_GRAPH });
    const loaded = await under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: path.join(root, ".langgraph") });
    assert.equal(loaded.exportName, "graph", "a builder and its compiled graph count as one graph");
    assert.deepEqual(loaded.graphExports, ["graph"]);
    const hello = loaded.graph.nodes.find((node) => node.id === "hello");
    assert.deepEqual([hello?.source?.file, hello?.source?.line], [path.join(root, "graph.ts"), 8]);

    const outcome = await under.runner.request("run", { threadId: "t", input: { name: "Ada" }, interruptBefore: [], interruptAfter: [] });
    assert.equal(outcome.status, "done");
    assert.equal(outcome.snapshot?.values.text, "hello, Ada");
  });

  it("runs a plain JavaScript graph module", async () => {
    open({
      "graph.mjs": `import { StateGraph, START, END } from "@langchain/langgraph";
export const graph = new StateGraph({ channels: { n: { reducer: (a, b) => a + b, default: () => 0 } } })
  .addNode("add", () => ({ n: 2 }))
  .addEdge(START, "add")
  .addEdge("add", END);
`,
    });
    await under.runner.request("load", { program: path.join(root, "graph.mjs"), checkpointDir: path.join(root, ".langgraph") });
    const outcome = await under.runner.request("run", { threadId: "t", input: { n: 1 }, interruptBefore: [], interruptAfter: [] });
    assert.equal(outcome.snapshot?.values.n, 3);
  });

  it("gives ESM code its import.meta.url", async () => {
    open({
      "graph.mts": `import { fileURLToPath } from "node:url";
import * as path from "node:path";
import { StateGraph, START, END, Annotation } from "@langchain/langgraph";
const here = path.dirname(fileURLToPath(import.meta.url));
export const graph = new StateGraph(Annotation.Root({ dir: Annotation<string>() }))
  .addNode("where", () => ({ dir: here }))
  .addEdge(START, "where")
  .addEdge("where", END);
`,
    });
    await under.runner.request("load", { program: path.join(root, "graph.mts"), checkpointDir: path.join(root, ".langgraph") });
    const outcome = await under.runner.request("run", { threadId: "t", input: {}, interruptBefore: [], interruptAfter: [] });
    assert.equal(outcome.snapshot?.values.dir, root);
  });

  it("says which file does not exist", async () => {
    open({});
    await assert.rejects(under.runner.request("load", { program: path.join(root, "missing.ts"), checkpointDir: root }), /missing\.ts does not exist: check `program`/);
  });

  it("shows the TypeScript line when the module's top-level code throws", async () => {
    open({ "graph.ts": `type Unused = string;\nconst config: Record<string, string> = {};\nif (!config.key) throw new Error("set KEY first");\nexport const x: Unused = "";\n` });
    await assert.rejects(
      under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: root }),
      (error: Error) => /top-level code threw/.test(error.message) && /set KEY first/.test(error.message) && /graph\.ts:3:/.test(error.message),
    );
  });

  it("says how to export a graph when the module has none", async () => {
    open({ "graph.ts": "export const answer = 42;\n" });
    await assert.rejects(under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: root }), /exports no graph: export a StateGraph, a compiled graph/);
  });

  it("names an @langchain/langgraph export the engine does not have, instead of esbuild's words", async () => {
    open({ "graph.ts": `import { entrypoint } from "@langchain/langgraph";\nexport const graph = entrypoint;\n` });
    await assert.rejects(
      under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: root }),
      (error: Error) => /graph\.ts:1:\d+: "entrypoint" of @langchain\/langgraph is not in the debugger's engine yet/.test(error.message) && !/No matching export/.test(error.message),
    );
  });
});
