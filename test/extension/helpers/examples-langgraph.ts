/**
 * Loads an example graph file the way the workspace engine does: on the LangGraph.js that
 * examples/package.json installs (examples/node_modules), unchanged, with that copy's `StateGraph`
 * watched by the engine's own instrumentation, so a test can ask where each node's `addNode` was
 * called (for a graph a library builds, the line that called the library).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { GraphRecords, instrumentStateGraph } from "../../../src/runner/engines/workspace/instrument";
import { EXAMPLES } from "./examples";

/** `require` as a file of examples/ does it: the examples' own packages. */
export const requireFromExamples = createRequire(path.join(EXAMPLES, "package.json"));

const LANGGRAPH_DIR = path.join(EXAMPLES, "node_modules", "@langchain", "langgraph");
const records = new GraphRecords();
let watching = false;

/** Starts watching the examples' LangGraph.js, once; says how to install it when it is missing. */
function watchInstalledLangGraph(): void {
  if (watching) return;
  if (!existsSync(LANGGRAPH_DIR)) {
    throw new Error("examples/node_modules has no @langchain/langgraph: run `node scripts/setup.mjs deps`, which installs examples/package.json");
  }
  instrumentStateGraph(requireFromExamples("@langchain/langgraph").StateGraph, records, [LANGGRAPH_DIR]);
  watching = true;
}

/** `require`s `examples/<file>` on the examples' LangGraph.js. */
export function loadExampleOnLangGraph<T = Record<string, unknown>>(file: string): T {
  watchInstalledLangGraph();
  return require(path.join(EXAMPLES, file)) as T;
}

/**
 * Every node of every graph `file` compiled (subgraphs and graphs invoked inside nodes included)
 * as `name@line`, the line where its `addNode` (or the library call that built it) was made.
 */
export function nodeSites(file: string): string[] {
  const program = path.join(EXAMPLES, file);
  const sites = new Set<string>();
  for (const compiled of records.compiled) {
    const builder = (compiled as { builder?: { nodes?: Record<string, unknown> } }).builder;
    for (const name of Object.keys(builder?.nodes ?? {})) {
      const site = records.callSite(builder!, name);
      if (site?.file === program) sites.add(`${name}@${site.line}`);
    }
  }
  return [...sites];
}
