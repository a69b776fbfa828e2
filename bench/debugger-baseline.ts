/**
 * The baseline of the debugger benchmark, run in a process of its own so that it starts as cold as
 * the debugger's runner does: bundle and load the graph as the runner would, then time one
 * `invoke` of `target` steps with no debugger. Prints the milliseconds as JSON on stdout.
 */
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundleGraph } from "../src/runner/engines/builtin/bundle";
import { loadGraph } from "../src/runner/engines/builtin/load";

async function main(program: string, steps: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "langgraph-debug-baseline-"));
  try {
    const { graph } = loadGraph(await bundleGraph(program), program, undefined, dir);
    const started = performance.now();
    await graph.invoke({ target: steps }, { configurable: { thread_id: "baseline" }, recursionLimit: steps + 10 });
    process.stdout.write(JSON.stringify({ invokeMs: performance.now() - started }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main(process.argv[2], Number(process.argv[3]));
