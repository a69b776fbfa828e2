/**
 * Loads an example graph file on our engine, the way the runner's bundle does: the file's imports
 * of "@langchain/langgraph" (and its "/prebuilt") are answered with src/runtime (the real LangGraph package is installed
 * for the differential tests, so without this the examples would run on it instead). The redirect
 * is on only while the example module loads; the graph it builds keeps its engine.
 */
import Module from "node:module";
import * as path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");
export const EXAMPLES = path.join(PROJECT_ROOT, "examples");
const RUNTIME = path.join(PROJECT_ROOT, "src", "runtime", "index.ts");
/** The imports the runner's bundle points at our engine, and where they go here. */
const REDIRECTS: Record<string, string> = {
  "@langchain/langgraph": RUNTIME,
  "@langchain/langgraph/prebuilt": path.join(PROJECT_ROOT, "src", "runtime", "prebuilt", "index.ts"),
};

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };

/** `require`s `examples/<file>` with "@langchain/langgraph" pointing at our engine. */
export function loadExample<T = Record<string, unknown>>(file: string): T {
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, isMain, options) {
    return original.call(this, REDIRECTS[request] ?? request, parent, isMain, options);
  };
  // A fresh copy, kept out of the cache: other tests load the same file on the examples' own LangGraph.js.
  const modulePath = require.resolve(path.join(EXAMPLES, file));
  delete require.cache[modulePath];
  try {
    return require(modulePath) as T;
  } finally {
    moduleInternals._resolveFilename = original;
    delete require.cache[modulePath];
  }
}
