/**
 * The real template the first-stop benches of issue 12 debug: the LangChain react-agent of
 * `create-agent-chat-app` (its npm package ships it), laid out as the scaffolder lays it out
 * (`apps/agents/src/react-agent/`, the agents `package.json` with `"type": "module"`, a
 * `langgraph.json` naming the graph `agent`, a `.env`), in a scratch folder inside this project so
 * its imports resolve this project's LangChain packages. One adaptation, outside the template's
 * files: its `tools.ts` imports `@langchain/community/tools/tavily_search`, which
 * @langchain/community 1.x dropped, so the scratch folder's own `node_modules` holds an offline stub
 * of that one module (bench/fixtures/tavily-stub). Models are the fake model server on 127.0.0.1,
 * scripted to call the search tool once, so the graph reaches its second node, `tools`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../test/debug/helpers/build";
import { makeScript } from "../test/helpers/fake-models/default-script";
import { fakeModelEnv } from "../test/helpers/fake-models/env";
import { FakeModelServer, startFakeModelServer } from "../test/helpers/fake-models/server";

const TEMPLATES = path.join(PROJECT_ROOT, "node_modules", "create-agent-chat-app", "templates");
const TEMPLATE_FILES = ["configuration.ts", "graph.ts", "prompts.ts", "tools.ts", "utils.ts"];
export const SEARCH_TOOL = "tavily_search_results_json";
export const GRAPH_ID = "agent";
/** Guards every process the benches start: only loopback may be reached. */
export const NETWORK_GUARD = path.join(PROJECT_ROOT, "test", "helpers", "fake-models", "network-guard.cjs");

export interface ReactTemplate {
  root: string;
  /** langgraph.json, for `langgraphjs dev --config`. */
  config: string;
  graphFile: string;
  /** The gutter line of `.addNode("tools", ...)`: the breakpoint before the second node. */
  toolsLine: number;
  input: { messages: Array<{ role: string; content: string }> };
  /** Fake model endpoints and keys, tracing off. */
  env: Record<string, string>;
  fake: FakeModelServer;
  dispose(): Promise<void>;
}

export async function scaffoldReactTemplate(): Promise<ReactTemplate> {
  const root = path.join(PROJECT_ROOT, "test-artifacts", `bench-react-agent-${process.pid}`);
  const agents = path.join(root, "apps", "agents");
  const source = path.join(agents, "src", "react-agent");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  for (const file of TEMPLATE_FILES) cpSync(path.join(TEMPLATES, "react-agent", file), path.join(source, file));
  cpSync(path.join(TEMPLATES, "monorepo", "apps", "agents", "package.json"), path.join(agents, "package.json"));
  cpSync(path.join(__dirname, "fixtures", "tavily-stub"), path.join(root, "node_modules", "@langchain", "community"), { recursive: true });
  const graphFile = path.join(source, "graph.ts");
  const config = path.join(root, "langgraph.json");
  const graphs = { [GRAPH_ID]: `./${path.relative(root, graphFile)}:graph` };
  writeFileSync(config, JSON.stringify({ node_version: "20", dependencies: ["."], graphs, env: ".env" }, null, 2));
  const fake = await startFakeModelServer({ script: makeScript({ preferTools: [SEARCH_TOOL] }) });
  const env = { ...fakeModelEnv(fake.url), TAVILY_API_KEY: "tvly-fake-bench" };
  writeFileSync(path.join(root, ".env"), Object.entries(env).map(([key, value]) => `${key}=${value}\n`).join(""));
  return {
    root,
    config,
    graphFile,
    toolsLine: lineOf(graphFile, '.addNode("tools"'),
    input: { messages: [{ role: "user", content: "What is the weather in San Francisco today?" }] },
    env,
    fake,
    dispose: async () => {
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in ${file}: has the template changed?`);
  return index + 1;
}
