/**
 * Bundles a user's graph module with esbuild so TypeScript and JavaScript both load, with an inline
 * source map (stack traces and `addNode` call sites then name the user's TypeScript lines). The
 * bundle's entry re-exports the user's module and our engine, with `@langchain/langgraph` (and its
 * `/prebuilt` agents) pointed at the engine: the graph and the runner then share one copy of every
 * engine class. The user's other
 * packages stay outside the bundle and are required from their workspace at load time.
 */
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
import { isBuiltin } from "node:module";
import * as path from "node:path";
import { GraphLoadError, describeBuildFailure } from "../program-exports";

export interface GraphBundle {
  /** CommonJS code of the bundle, with its inline source map. */
  code: string;
  /** The file name the bundle is loaded under: beside the program, so `require` finds its packages. */
  filename: string;
  durationMs: number;
}

/** Imports that mean "LangGraph": all resolve to our engine. */
const LANGGRAPH_IMPORT = /^@langchain\/langgraph(\/web)?$/;
const PREBUILT_IMPORT = /^@langchain\/langgraph\/prebuilt$/;


export async function bundleGraph(program: string): Promise<GraphBundle> {
  const started = performance.now();
  if (!existsSync(program)) throw new GraphLoadError(`The graph file ${program} does not exist: check \`program\` in the launch configuration.`);
  const filename = path.join(path.dirname(program), `${path.basename(program)}.langgraph-debug.cjs`);
  const entry = [`export * as user from ${JSON.stringify(program)};`, `export * as runtime from "@langchain/langgraph";`].join("\n");
  let result: esbuild.BuildResult & { outputFiles: esbuild.OutputFile[] };
  try {
    result = await esbuild.build({
      stdin: { contents: entry, resolveDir: path.dirname(program), sourcefile: "langgraph-debug-entry.js", loader: "js" },
      absWorkingDir: path.dirname(program),
      bundle: true,
      write: false,
      outfile: filename,
      platform: "node",
      format: "cjs",
      target: "node20",
      sourcemap: "inline",
      sourcesContent: false,
      packages: "external",
      // ESM code often reads `import.meta.url`; in this CommonJS bundle it names the bundle's file.
      define: { "import.meta.url": "__langgraphImportMetaUrl" },
      banner: { js: 'var __langgraphImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
      logLevel: "silent",
      plugins: [langgraphAlias(runtimeEntry())],
    });
  } catch (error) {
    throw new GraphLoadError(describeBuildFailure(program, error, engineGap));
  }
  return { code: result.outputFiles[0].text, filename, durationMs: performance.now() - started };
}

function langgraphAlias(runtimePath: string): esbuild.Plugin {
  const runtimeDir = path.dirname(runtimePath);
  return {
    name: "langgraph-to-our-engine",
    setup(build) {
      build.onResolve({ filter: LANGGRAPH_IMPORT }, () => ({ path: runtimePath }));
      // The prebuilt agents come from our engine as well: a module re-exporting them from it.
      build.onResolve({ filter: PREBUILT_IMPORT }, () => ({ path: "prebuilt", namespace: "langgraph-prebuilt" }));
      build.onLoad({ filter: /.*/, namespace: "langgraph-prebuilt" }, () => ({
        contents: `export { ToolNode, toolsCondition, createReactAgent, createReactAgentAnnotation } from ${JSON.stringify(runtimePath)};`,
        resolveDir: runtimeDir,
        loader: "js",
      }));
      // The engine's own packages (lowdb, and what they import) come from our install, not the
      // user's workspace: bundled in. Only the engine's TypeScript source imports any (the built
      // `runtime.js` has them inside); any other package stays external, so a file of a package
      // in the bundle is one of the engine's.
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const engines = args.importer.startsWith(runtimeDir + path.sep) || /[\\/]node_modules[\\/]/.test(args.importer);
        if (!engines || isBuiltin(args.path)) return undefined;
        return { path: require.resolve(args.path, { paths: [args.resolveDir] }) };
      });
    },
  };
}

/**
 * Where our engine is: its TypeScript source when the runner runs from source (tests), else the
 * `runtime.js` built beside `runner.js` in `dist/`.
 */
export function runtimeEntry(): string {
  const candidates = [path.join(__dirname, "runtime.js"), path.join(__dirname, "..", "..", "..", "runtime", "index.ts")];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new GraphLoadError(`The graph engine is missing: looked for ${candidates.join(" and ")}. Rebuild the extension.`);
  return found;
}

/** esbuild's "No matching export" for our engine, said as what it means to the user. */
function engineGap(text: string): string | undefined {
  const missing = /^No matching export in "[^"]*(?:runtime[\\/]index\.ts|runtime\.js|prebuilt)" for import "([^"]+)"$/.exec(text);
  if (!missing) return undefined;
  return `"${missing[1]}" of @langchain/langgraph is not in the debugger's engine yet, so this graph cannot run under the debugger. ` +
    "The engine has StateGraph, Annotation, MessagesAnnotation, interrupt, Command, Send, getConfig, the savers and the prebuilt agents; install @langchain/langgraph in the workspace to run the graph on it instead (README: \"Which engine runs your graph\").";
}
