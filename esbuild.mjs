// Builds everything that ships: the extension host code, the stdio debug adapter, the runner that
// hosts user graphs, and the graph panel's browser bundles. `node esbuild.mjs --watch` rebuilds on
// change. Node bundles are CommonJS (VS Code loads extensions with require); the panel is an IIFE.
import * as esbuild from "esbuild";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

// keepNames: the engine names its errors after their classes, which minifying would rename.
const common = { bundle: true, sourcemap: true, minify: production, keepNames: true, logLevel: "info" };

/** Node-side entry points: [source, output name]. */
const nodeEntries = [
  ["src/extension/index.ts", "extension"],
  ["src/debug/main.ts", "debugAdapter"],
  ["src/runner/main.ts", "runner"],
  ["src/storeReader/main.ts", "storeReader"], // reads checkpoint stores for the views, out of the extension host
  // The engine, bundled by the runner into each user graph as "@langchain/langgraph".
  ["src/runtime/index.ts", "runtime"],
];

/** Browser-side entry points for the graph panel: [source, output name]. */
const webEntries = [
  ["webview/main.ts", "webview/panel"],
  ["webview/layout/worker.ts", "webview/layout"],
];

const builds = [
  ...nodeEntries.map(([entry, out]) => ({
    ...common, entryPoints: { [out]: entry }, outdir: "dist", platform: "node", format: "cjs",
    target: "node20", external: ["vscode", "esbuild"], // esbuild runs its own binary: never bundled
  })),
  ...webEntries.map(([entry, out]) => ({
    ...common, entryPoints: { [out]: entry }, outdir: "dist", platform: "browser", format: "iife",
    target: "es2022",
  })),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
