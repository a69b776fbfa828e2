// `npm run package`: builds the extension for production and packs it into a .vsix with vsce
// (@vscode/vsce 3.9.2, which runs on Node 20). The .vsix is platform-specific because it carries
// esbuild's binary for this machine (the runner bundles user graphs with it at run time), so it is
// named and tagged for this platform, e.g. langgraph-debugger-0.1.0-linux-x64.vsix.
// What goes in is decided by .vscodeignore. Prints the file and its size.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The VS Code target of this machine, as vsce names it. */
export function vscodeTarget() {
  const arch = { x64: "x64", arm64: "arm64", arm: "armhf" }[process.arch];
  if (!arch || !["linux", "darwin", "win32"].includes(process.platform)) throw new Error(`package: no VS Code target for ${process.platform}-${process.arch}`);
  const musl = process.platform === "linux" && !process.report?.getReport().header.glibcVersionRuntime;
  return `${musl ? "alpine" : process.platform}-${arch}`;
}

export function packageVsix() {
  const target = vscodeTarget();
  const out = join(root, `${manifest.name}-${manifest.version}-${target}.vsix`);
  const run = (file, args) => execFileSync(file, args, { cwd: root, stdio: "inherit" });
  console.log("package: building the bundles for production");
  run(process.execPath, [join(root, "esbuild.mjs"), "--production"]);
  console.log(`package: packing ${relative(root, out)} with vsce`);
  const vsce = join(root, "node_modules", "@vscode", "vsce", "vsce");
  // No repository URL yet: allow its absence, and keep README links relative (they resolve in the
  // installed extension's folder).
  run(process.execPath, [vsce, "package", "--target", target, "--out", out, "--allow-missing-repository", "--no-rewrite-relative-links"]);
  console.log(`package: ${relative(root, out)} is ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) packageVsix();
