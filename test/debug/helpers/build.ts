/**
 * Builds the shipped programs (the stdio debug adapter, the runner and the engine bundle) into a
 * `dist` of this test process under `test-artifacts/`, once, with the options of `esbuild.mjs`.
 * Tests then drive exactly what `npm run build` ships, without depending on a build made earlier
 * by hand; inside the project, the runner finds `esbuild` in its `node_modules` as `dist/` does.
 */
import * as esbuild from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const ENTRIES: Array<[string, string]> = [
  ["src/debug/main.ts", "debugAdapter"],
  ["src/runner/main.ts", "runner"],
  ["src/runtime/index.ts", "runtime"],
];

let built: Promise<string> | undefined;

/** The directory holding `debugAdapter.js`, `runner.js` and `runtime.js`. */
export function builtDist(): Promise<string> {
  built ??= build();
  return built;
}

async function build(): Promise<string> {
  const outdir = path.join(ROOT, "test-artifacts", `debug-dist-${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await Promise.all(
    ENTRIES.map(([entry, out]) =>
      esbuild.build({
        entryPoints: { [out]: path.join(ROOT, entry) },
        outdir,
        bundle: true,
        sourcemap: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        external: ["vscode", "esbuild"],
        logLevel: "silent",
      }),
    ),
  );
  return outdir;
}

export const PROJECT_ROOT = ROOT;
