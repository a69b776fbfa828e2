/**
 * Which exports of the user's module are graphs, in LangGraph.js's shapes: a compiled graph, a
 * `StateGraph` builder (and its compiled graph, counted once), or an agent object that holds its
 * compiled graph in `graph` (as `langchain`'s `createAgent` returns). Each comes with the way to
 * give it our checkpointer: a compiled graph keeps everything it was compiled with (store, cache,
 * breakpoints) and only takes the saver; a builder is compiled with it.
 */
import type { CheckpointSaver, CompiledGraph } from "../graph-api";

export interface GraphExport {
  compile(saver: CheckpointSaver): CompiledGraph;
}

interface BuilderLike {
  addNode: unknown;
  compile(options: { checkpointer: CheckpointSaver }): CompiledGraph;
}

export function isCompiled(value: unknown): value is CompiledGraph & { builder: object } {
  const graph = value as Partial<CompiledGraph> & { builder?: unknown } | null;
  return typeof graph === "object" && graph !== null && typeof graph.invoke === "function" && typeof graph.getState === "function" && isBuilder(graph.builder);
}

function isBuilder(value: unknown): value is BuilderLike {
  const builder = value as Partial<BuilderLike> | null;
  return typeof builder === "object" && builder !== null && typeof builder.addNode === "function" && typeof builder.compile === "function";
}

/** The compiled graph an export stands for: itself, or the one an agent object wraps. */
function compiledOf(value: unknown): (CompiledGraph & { builder: object }) | undefined {
  if (isCompiled(value)) return value;
  const inner = (value as { graph?: unknown } | null)?.graph;
  return typeof value === "object" && value !== null && isCompiled(inner) ? inner : undefined;
}

/** The module's graph exports by name, in export order. */
export function findGraphExports(exported: Record<string, unknown>): Map<string, GraphExport> {
  const found = new Map<string, GraphExport>();
  const compiledBuilders = new Set<unknown>();
  for (const [name, value] of Object.entries(exported)) {
    const compiled = compiledOf(value);
    if (!compiled) continue;
    compiledBuilders.add(compiled.builder);
    found.set(name, {
      compile: (saver) => {
        compiled.checkpointer = saver;
        return compiled;
      },
    });
  }
  for (const [name, value] of Object.entries(exported)) {
    if (compiledOf(value) || !isBuilder(value) || compiledBuilders.has(value)) continue;
    found.set(name, { compile: (saver) => value.compile({ checkpointer: saver }) });
  }
  return found;
}
