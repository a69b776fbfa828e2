/**
 * Completing a launch configuration the way F5 needs it: the active graph file when there is no
 * launch.json, absolute paths against the workspace, the workspace's checkpoint store by default,
 * and one clear sentence when a configuration cannot work. Also the launch choices made from a
 * langgraph.json, written so launch.json stays portable.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { configsFromLanggraphJson, portablePath, resolveConfig } from "../../src/extension/configResolution";

const WORKSPACE = path.join(path.sep, "home", "ada", "agents");
const at = (...parts: string[]) => path.join(WORKSPACE, ...parts);

function resolved(config: Record<string, unknown>, facts: { activeFile?: string; workspaceFolder?: string }) {
  const result = resolveConfig(config, facts);
  if ("error" in result) throw new Error(`unexpected error: ${result.error}`);
  return result.config;
}

describe("resolving a langgraph debug configuration", () => {
  it("F5 on a graph file with no launch.json debugs that file with the workspace's store", () => {
    const config = resolved({ type: "langgraph", request: "launch", name: "Debug graph file" }, { activeFile: at("src", "graph.ts"), workspaceFolder: WORKSPACE });
    assert.equal(config.program, at("src", "graph.ts"));
    assert.equal(config.checkpointDir, at(".langgraph"));
    assert.equal(config.request, "launch");
  });

  it("F5 with no graph file open says what to do", () => {
    for (const activeFile of [undefined, at("README.md")]) {
      const result = resolveConfig({ type: "langgraph", request: "launch", name: "Debug graph file" }, { ...(activeFile ? { activeFile } : {}), workspaceFolder: WORKSPACE });
      assert.ok("error" in result);
      assert.match(result.error, /needs a graph file: open one \(TypeScript or JavaScript\) and press F5 again, or set "program"/);
    }
  });

  it("makes program, cwd and checkpointDir absolute the way the adapter reads them", () => {
    const config = resolved({ type: "langgraph", request: "launch", name: "x", program: "graph.ts", cwd: "src", checkpointDir: "../store" }, { workspaceFolder: WORKSPACE });
    assert.equal(config.cwd, at("src"));
    assert.equal(config.program, at("src", "graph.ts"), "program is read against cwd");
    assert.equal(config.checkpointDir, at("store"), "checkpointDir is read against cwd");
  });

  it("keeps every attribute it does not complete", () => {
    const input = { messages: [{ role: "user", content: "hi" }] };
    const config = resolved({ type: "langgraph", request: "launch", name: "x", program: at("g.ts"), input, graph: "app", stopOnEntry: true, threadId: "t-1", env: { A: "1" } }, { workspaceFolder: WORKSPACE });
    assert.deepEqual({ input: config.input, graph: config.graph, stopOnEntry: config.stopOnEntry, threadId: config.threadId, env: config.env }, { input, graph: "app", stopOnEntry: true, threadId: "t-1", env: { A: "1" } });
  });

  it("without a workspace folder, keeps checkpoints beside the graph file", () => {
    const config = resolved({ type: "langgraph", request: "launch", name: "x" }, { activeFile: at("g.js") });
    assert.equal(config.checkpointDir, at(".langgraph"));
  });

  it("refuses an attach without a thread and an unknown request", () => {
    const attach = resolveConfig({ type: "langgraph", request: "attach", name: "x", program: at("g.ts") }, { workspaceFolder: WORKSPACE });
    assert.ok("error" in attach && /"attach" needs "threadId"/.test(attach.error));
    const odd = resolveConfig({ type: "langgraph", request: "run", name: "x", program: at("g.ts") }, {});
    assert.ok("error" in odd && /"request" must be "launch" or "attach", not "run"/.test(odd.error));
  });

  it("turns langgraph.json graphs into launch choices with portable paths", () => {
    const configs = configsFromLanggraphJson(
      { graphs: [{ id: "agent", program: at("src", "agent.ts"), exportName: "graph" }, { id: "outside", program: path.join(path.sep, "opt", "g.ts") }], env: { A: "1" }, skipped: [] },
      WORKSPACE,
    );
    assert.deepEqual(configs[0], { type: "langgraph", request: "launch", name: "LangGraph: agent", program: "${workspaceFolder}/src/agent.ts", graph: "graph", input: {}, env: { A: "1" } });
    assert.equal(configs[1].program, path.join(path.sep, "opt", "g.ts"), "a file outside the folder stays absolute");
    assert.equal(portablePath(WORKSPACE, WORKSPACE), "${workspaceFolder}");
  });
});
