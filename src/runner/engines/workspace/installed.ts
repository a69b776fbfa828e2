/**
 * Finds the `@langchain/langgraph` a graph file would import: resolved from the file's own folder,
 * as Node resolves it, with its version, and which of its builds (ESM or CommonJS) the file gets.
 * The workspace engine instruments that build before the file loads. Only `ENOENT`-like "not
 * installed" answers mean "no LangGraph.js here"; a package that is there but broken is an error.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { GraphLoadError } from "../program-exports";

/** The versions the workspace engine drives, as a sentence and as a check. */
export const SUPPORTED_RANGE = ">=1.0.0 <2.0.0";

export interface InstalledLangGraph {
  version: string;
  /** The package's folder. */
  dir: string;
  /** The file URL of the build the program's module format imports. */
  entryUrl: string;
  format: "esm" | "cjs";
}

/** The LangGraph.js the program would import, or undefined when none is installed where it looks. */
export function findInstalledLangGraph(program: string): InstalledLangGraph | undefined {
  const dir = packageDir(program);
  if (!dir) return undefined;
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string; exports?: unknown; main?: string };
  const format = moduleFormat(program);
  const target = exportTarget(manifest.exports, format === "esm" ? "import" : "require") ?? manifest.main ?? "index.js";
  return { version: manifest.version, dir, entryUrl: pathToFileURL(path.join(dir, target)).href, format };
}

/** A clear refusal for a version the engine cannot drive, with the way out. */
export function checkSupported(installed: InstalledLangGraph): void {
  const major = Number(installed.version.split(".")[0]);
  if (major === 1) return;
  throw new GraphLoadError(
    `This workspace has @langchain/langgraph ${installed.version} (in ${installed.dir}); the debugger's workspace engine drives ` +
      `versions ${SUPPORTED_RANGE}. Upgrade LangGraph.js, or set "engine": "builtin" in the launch configuration to run the graph on the debugger's own engine.`,
  );
}

function packageDir(program: string): string | undefined {
  let resolved: string;
  try {
    resolved = createRequire(program).resolve("@langchain/langgraph");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return undefined;
    throw error;
  }
  for (let dir = path.dirname(resolved); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@langchain/langgraph") return dir;
  }
  return undefined;
}

/**
 * How tsx (and Node) load the file: `.mts`/`.mjs` as ES modules, `.cts`/`.cjs` as CommonJS, others
 * by the `type` of the nearest package.json.
 */
export function moduleFormat(file: string): "esm" | "cjs" {
  const ext = path.extname(file);
  if (ext === ".mts" || ext === ".mjs") return "esm";
  if (ext === ".cts" || ext === ".cjs") return "cjs";
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: string }).type === "module" ? "esm" : "cjs";
  }
  return "cjs";
}

/** The file an `exports` map gives `.` under a condition (`import` or `require`), nested conditions included. */
function exportTarget(exports: unknown, condition: "import" | "require"): string | undefined {
  if (typeof exports === "string") return exports;
  if (typeof exports !== "object" || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  const root = "." in map ? map["."] : map;
  if (typeof root === "string") return root;
  if (typeof root !== "object" || root === null) return undefined;
  const conditions = root as Record<string, unknown>;
  for (const key of [condition, "node", "default"]) {
    if (key in conditions) return exportTarget({ ".": conditions[key] }, condition) ?? undefined;
  }
  return undefined;
}
