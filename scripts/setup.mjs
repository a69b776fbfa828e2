// Everything `npm test` and `npm start` need on a fresh machine of this kind, installed only when
// missing, each step saying what it does: the npm dependencies (npm ci, with native builds against
// Debian's Node headers), the examples' own LangGraph.js packages (examples/package.json, which the
// debugger's workspace engine runs them on), Debian's Chromium for the browser tests, and the
// esbuild bundles.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" };

function run(command, why, cwd = root) {
  console.log(`setup: ${why}\n  $ ${cwd === root ? "" : `(cd ${relative(root, cwd)}) `}${command}`);
  execSync(command, { cwd, stdio: "inherit", env });
}

/** Every package the lockfile of `dir` names is installed there at the version it names (optional ones may be absent). */
function dependenciesAreCurrent(dir) {
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  return Object.entries(lock.packages).every(([path, entry]) => {
    if (path === "" || entry.link) return true;
    const manifest = join(dir, path, "package.json");
    if (!existsSync(manifest)) return Boolean(entry.optional || entry.peer || entry.devOptional && entry.optional);
    return JSON.parse(readFileSync(manifest, "utf8")).version === entry.version;
  });
}

function ensureDebianPackages(packages, why) {
  const missing = packages.filter(({ probe }) => !existsSync(probe)).map(({ name }) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`setup: ${why} needs Debian packages ${missing.join(", ")}; run: sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}`);
  }
  run("apt-get update -qq", `${why}: refreshing Debian's package lists`);
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, `${why}: installing ${missing.join(", ")}`);
}

const only = process.argv.slice(2);
const wants = (step) => only.length === 0 || only.includes(step);

const examples = join(root, "examples");
if (wants("deps") && !dependenciesAreCurrent(root)) run("npm ci --no-audit --no-fund", "installing npm dependencies");
if (wants("deps") && !dependenciesAreCurrent(examples)) {
  run("npm ci --no-audit --no-fund", "installing the examples' packages (@langchain/langgraph, @langchain/core, langchain, zod)", examples);
}
if (wants("browser")) ensureDebianPackages([{ name: "chromium", probe: "/usr/bin/chromium" }], "the browser tests");
if (wants("build")) run("node esbuild.mjs", "building the bundles");
