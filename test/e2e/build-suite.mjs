// Builds the extension-host test suite (test/suite/*.ts) into CommonJS files under out/test/suite/,
// one file per source file, so VS Code's extension host can `require` out/test/suite/index.js and
// its `run()` can find the compiled `*.test.js` beside it, the @vscode/test-electron layout. Code of
// ours is bundled in; packages (mocha, vscode) stay outside and load from node_modules at run time.
import * as esbuild from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const suiteDir = join(root, "test", "suite");
export const outDir = join(root, "out", "test", "suite");

export async function buildSuite() {
  if (!existsSync(join(suiteDir, "index.ts"))) throw new Error(`build-suite: ${suiteDir}/index.ts is missing: the extension-host suite's runner`);
  const entryPoints = readdirSync(suiteDir).filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts")).map((name) => join(suiteDir, name));
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints, outdir: outDir, bundle: true, platform: "node", format: "cjs", target: "node20",
    packages: "external", external: ["vscode"], sourcemap: "inline", keepNames: true, logLevel: "warning",
  });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`build-suite: wrote ${await buildSuite()}`);
}
