/**
 * The peer of the workspace engine's debugger benchmark, in a process of its own so it starts as
 * cold as the runner does: the graph file loaded through tsx on the real `@langchain/langgraph`
 * (what the workspace engine loads), its compiled graph given a `MemorySaver` (as a user runs it
 * without the debugger), then one `invoke` of `target` steps timed. Prints the milliseconds as
 * JSON on stdout. Run: `node --import tsx bench/debugger-workspace-baseline.ts <graph file> <steps>`.
 */
import { MemorySaver } from "@langchain/langgraph";
import { pathToFileURL } from "node:url";

interface Runnable {
  checkpointer?: unknown;
  invoke(input: unknown, config: unknown): Promise<unknown>;
}

async function main(program: string, steps: number): Promise<void> {
  const { graph } = (await import(pathToFileURL(program).href)) as { graph: Runnable };
  graph.checkpointer = new MemorySaver();
  const started = performance.now();
  await graph.invoke({ target: steps }, { configurable: { thread_id: "baseline" }, recursionLimit: steps + 10 });
  process.stdout.write(JSON.stringify({ invokeMs: performance.now() - started }));
}

void main(process.argv[2], Number(process.argv[3]));
