// `npm run test:debug:older`: the adapter's stories on the workspace engine again, on the oldest
// LangGraph.js 1.x the debugger drives (1.0.15, installed as the devDependency `langgraph-v1-0`):
// the test fixtures are copied under test-artifacts/ beside a node_modules whose
// `@langchain/langgraph` is that version, so they import it as a project that installed it would.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const workspace = join(root, "test-artifacts", "langgraph-1.0");
const fixtures = join(workspace, "fixtures");
rmSync(workspace, { recursive: true, force: true });
cpSync(join(root, "test", "fixtures"), fixtures, { recursive: true, filter: (source) => !source.includes(`${join("fixtures", "corpus")}`) });
mkdirSync(join(workspace, "node_modules", "@langchain"), { recursive: true });
symlinkSync(join(root, "node_modules", "langgraph-v1-0"), join(workspace, "node_modules", "@langchain", "langgraph"), "dir");
console.log(`older LangGraph.js: fixtures in ${fixtures}, @langchain/langgraph -> langgraph-v1-0`);

const mocha = join(root, "node_modules", "mocha", "bin", "mocha.js");
const env = { ...process.env, LANGGRAPH_DEBUG_ENGINE: "workspace", LANGGRAPH_DEBUG_FIXTURES: fixtures, LANGGRAPH_DEBUG_VERSION: "1.0" };
const result = spawnSync(process.execPath, [mocha, "test/debug/**/*.test.ts"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
