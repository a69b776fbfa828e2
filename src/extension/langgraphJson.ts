/**
 * Reads `langgraph.json`, the LangGraph CLI's project file, so the graphs a project already lists
 * (`{"graphs": {"agent": "./src/agent.ts:graph"}}`) appear as launch choices without a launch.json.
 * A graph is written `path:exportName` (or `{ "path": "path:exportName", "description": ... }`);
 * paths are relative to the file's folder. Python graphs are listed as skipped with the reason,
 * since only JavaScript and TypeScript graphs run on this engine. A file that is not valid says
 * what to fix. No VS Code import.
 */
import * as path from "node:path";

export interface LanggraphJsonGraph {
  /** The graph's key in `graphs`. */
  id: string;
  /** The graph file, absolute. */
  program: string;
  /** The export after the colon, when given. */
  exportName?: string;
  description?: string;
}

export interface LanggraphJson {
  graphs: LanggraphJsonGraph[];
  /** `env` when it is an object of strings (a `.env` file path is not read here). */
  env?: Record<string, string>;
  /** One sentence per graph that cannot be debugged here, saying why. */
  skipped: string[];
}

export class LanggraphJsonError extends Error {
  override name = "LanggraphJsonError";
}

const SCRIPT_FILE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/i;

/** Parses the text of `file` (an absolute path to a langgraph.json). */
export function parseLanggraphJson(text: string, file: string): LanggraphJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LanggraphJsonError(`${file} is not valid JSON (${(error as Error).message}): fix the file to list its graphs.`);
  }
  if (!isObject(data) || !isObject(data.graphs)) {
    throw new LanggraphJsonError(`${file} has no "graphs" object: write {"graphs": {"agent": "./agent.ts:graph"}}.`);
  }
  const folder = path.dirname(file);
  const result: LanggraphJson = { graphs: [], skipped: [] };
  for (const [id, spec] of Object.entries(data.graphs)) {
    const parsed = parseGraphSpec(id, spec, folder);
    if (typeof parsed === "string") result.skipped.push(parsed);
    else result.graphs.push(parsed);
  }
  const env = stringRecord(data.env);
  if (env) result.env = env;
  return result;
}

function parseGraphSpec(id: string, spec: unknown, folder: string): LanggraphJsonGraph | string {
  const reference = typeof spec === "string" ? spec : isObject(spec) && typeof spec.path === "string" ? spec.path : undefined;
  if (reference === undefined) return `Graph "${id}": expected "path/to/file.ts:exportName" or {"path": ...}.`;
  const { file, exportName } = splitReference(reference);
  if (!SCRIPT_FILE.test(file)) {
    return `Graph "${id}" (${reference}) is not a JavaScript or TypeScript file: only those run on this debugger.`;
  }
  const description = isObject(spec) && typeof spec.description === "string" ? spec.description : undefined;
  return {
    id,
    program: path.resolve(folder, file),
    ...(exportName ? { exportName } : {}),
    ...(description ? { description } : {}),
  };
}

/** `./a/b.ts:graph` -> file and export; the last colon splits, so `C:\x.ts:graph` works too. */
function splitReference(reference: string): { file: string; exportName?: string } {
  const colon = reference.lastIndexOf(":");
  const tail = colon > 0 ? reference.slice(colon + 1) : "";
  if (colon > 0 && /^[A-Za-z_$][\w$]*$/.test(tail)) return { file: reference.slice(0, colon), exportName: tail };
  return { file: reference };
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
