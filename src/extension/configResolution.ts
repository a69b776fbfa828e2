/**
 * Completes a `langgraph` launch or attach configuration before VS Code starts the session: F5 on
 * a graph file with no launch.json becomes a launch of that file; a relative `program` is made
 * absolute against `cwd` or the workspace folder; checkpoints default to `.langgraph` in the
 * workspace folder (so the Checkpoints view and every session share one store). It also turns the
 * graphs of a `langgraph.json` into launch choices. What cannot be completed comes back as one
 * sentence saying what to do. No VS Code import: the provider in configProvider.ts passes the
 * editor's facts in.
 */
import * as path from "node:path";
import type { LanggraphJson } from "./langgraphJson";

export const DEBUG_TYPE = "langgraph";

/** A `langgraph` debug configuration, as launch.json holds it. */
export interface LangGraphConfig {
  type: string;
  request: string;
  name: string;
  program?: string;
  graph?: string;
  input?: unknown;
  threadId?: string;
  checkpointDir?: string;
  stopOnEntry?: boolean;
  cwd?: string;
  env?: Record<string, string>;
  [key: string]: unknown;
}

export interface EditorFacts {
  /** The file of the active editor, when there is one. */
  activeFile?: string;
  /** The workspace folder the configuration belongs to. */
  workspaceFolder?: string;
}

export type Resolution = { config: LangGraphConfig } | { error: string };

const SCRIPT_FILE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/i;

export function isGraphFileName(file: string): boolean {
  return SCRIPT_FILE.test(file);
}

/** Fills in what VS Code left out; without `program`, the active editor's graph file is debugged. */
export function resolveConfig(config: Partial<LangGraphConfig>, facts: EditorFacts): Resolution {
  const request = config.request ?? "launch";
  if (request !== "launch" && request !== "attach") {
    return { error: `"request" must be "launch" or "attach", not ${JSON.stringify(request)}.` };
  }
  const program = config.program ?? activeGraphFile(facts);
  if (!program) {
    return {
      error: `"${config.name ?? "LangGraph"}" needs a graph file: open one (TypeScript or JavaScript) and press F5 again, or set "program" in launch.json (for example "\${file}").`,
    };
  }
  if (request === "attach" && !config.threadId) {
    return { error: '"attach" needs "threadId": pick a thread in the Checkpoints view (Run and Debug), or write its id.' };
  }
  // The inline adapter runs in the extension host, whose own working directory means nothing to
  // the user: every path is made absolute here, against the workspace folder.
  const cwd = config.cwd ? path.resolve(facts.workspaceFolder ?? path.dirname(program), config.cwd) : undefined;
  const absoluteProgram = path.resolve(cwd ?? facts.workspaceFolder ?? path.dirname(program), program);
  // A relative checkpointDir is read against cwd, as the adapter reads it; the default is the
  // workspace's store, so the Checkpoints view and every session see the same threads.
  const runDir = cwd ?? path.dirname(absoluteProgram);
  const checkpointDir = config.checkpointDir
    ? path.resolve(runDir, config.checkpointDir)
    : path.join(facts.workspaceFolder ?? runDir, ".langgraph");
  return {
    config: {
      ...config,
      type: DEBUG_TYPE,
      request,
      name: config.name ?? `Debug ${path.basename(program)}`,
      program: absoluteProgram,
      checkpointDir,
      ...(cwd ? { cwd } : {}),
    },
  };
}

/** The launch configuration of one graph file, as "Debug This Graph" and the CodeLens start it. */
export function launchFileConfig(program: string, exportName?: string): LangGraphConfig {
  return {
    type: DEBUG_TYPE,
    request: "launch",
    name: `Debug ${path.basename(program)}${exportName ? ` (${exportName})` : ""}`,
    program,
    ...(exportName ? { graph: exportName } : {}),
  };
}

/** An attach configuration that opens `threadId` of the store in `checkpointDir`. */
export function attachConfig(program: string, threadId: string, checkpointDir: string, exportName?: string): LangGraphConfig {
  return {
    type: DEBUG_TYPE,
    request: "attach",
    name: `Open thread ${threadId}`,
    program,
    threadId,
    checkpointDir,
    ...(exportName ? { graph: exportName } : {}),
  };
}

/** Launch choices for the graphs of a langgraph.json, with paths written for launch.json. */
export function configsFromLanggraphJson(project: LanggraphJson, workspaceFolder: string): LangGraphConfig[] {
  return project.graphs.map((graph) => ({
    type: DEBUG_TYPE,
    request: "launch",
    name: `LangGraph: ${graph.id}`,
    program: portablePath(graph.program, workspaceFolder),
    ...(graph.exportName ? { graph: graph.exportName } : {}),
    input: {},
    ...(project.env ? { env: project.env } : {}),
  }));
}

/** `${workspaceFolder}/...` for a file inside the folder, so launch.json stays portable. */
export function portablePath(file: string, workspaceFolder: string): string {
  const relative = path.relative(workspaceFolder, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
  return ["${workspaceFolder}", ...relative.split(path.sep).filter(Boolean)].join("/");
}

function activeGraphFile(facts: EditorFacts): string | undefined {
  return facts.activeFile && isGraphFileName(facts.activeFile) ? facts.activeFile : undefined;
}
