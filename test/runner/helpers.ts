/**
 * A runner process driven directly over its RPC (no adapter in between), and throwaway workspaces
 * of real files: a graph module, maybe a `node_modules` package of its own. What the runner prints
 * is kept, as the adapter would show it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RunnerClient } from "../../src/debug/runner-client";

export interface RunnerUnderTest {
  runner: RunnerClient;
  output: string[];
}

export function startRunner(cwd: string): RunnerUnderTest {
  const output: string[] = [];
  const runner = new RunnerClient({ cwd, onOutput: (text) => output.push(text), onEvent: () => undefined });
  return { runner, output };
}

/** A temporary folder holding `files` (relative path → text). */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "langgraph-runner-ws-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
