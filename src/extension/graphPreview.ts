/**
 * Loads a graph file's shape without debugging it, for "LangGraph: Show Graph Panel" on a file
 * when no session runs: a runner process (the same one a debug session uses, so user code never
 * runs in the extension host) bundles and loads the module, answers with the graph, and is stopped.
 * Nothing runs beyond the module's top-level code, and no checkpoint is written. No VS Code import.
 */
import * as path from "node:path";
import type { GraphView } from "../protocol/debug";
import { RunnerClient } from "../debug/runner-client";

export interface GraphPreview {
  graph: GraphView;
  exportName: string;
  /** Every graph export of the file, so the panel can say which one it shows. */
  graphExports: string[];
}

export interface PreviewRequest {
  program: string;
  graph?: string;
  checkpointDir: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Where the module's console output goes (the extension's output channel). */
  onOutput?: (text: string) => void;
}

const LOAD_TIMEOUT_MS = 60_000;

export async function previewGraph(request: PreviewRequest): Promise<GraphPreview> {
  const runner = new RunnerClient({
    cwd: request.cwd ?? path.dirname(request.program),
    ...(request.env ? { env: request.env } : {}),
    onOutput: (text) => request.onOutput?.(text),
    onEvent: () => undefined,
  });
  try {
    const loaded = await runner.request(
      "load",
      { program: request.program, checkpointDir: request.checkpointDir, ...(request.graph ? { graph: request.graph } : {}) },
      LOAD_TIMEOUT_MS,
    );
    return { graph: loaded.graph, exportName: loaded.exportName, graphExports: loaded.graphExports };
  } finally {
    await runner.stop();
  }
}
