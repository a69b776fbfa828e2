/**
 * Loads a bundled graph module and picks the graph to debug. A module may export a `StateGraph`
 * builder or a compiled graph (often both: `workflow` and `graph = workflow.compile()`, which count
 * as one graph). The pick is compiled again with a `FileSaver` in the session's checkpoint
 * directory, without the user's compile-time breakpoints: the runner adds those to every run itself,
 * beside the debugger's, because run-time interrupt lists replace compile-time ones in the engine.
 */
import Module from "node:module";
import * as path from "node:path";
import type { GraphBundle } from "./bundle";
import { pickExport, topLevelFailure } from "../program-exports";
import { collectCompiledGraphs } from "./graphs";
import { CompiledGraph, GraphBuilder, RuntimeModule, isCompiledGraph, isGraphBuilder } from "./engine-types";
import type { InterruptList } from "../../../protocol/runner";

export interface LoadedGraph {
  exportName: string;
  graphExports: string[];
  graph: CompiledGraph;
  runtime: RuntimeModule;
  /** The breakpoints compiled into the user's graph, kept for every run. */
  userInterrupts: { before: InterruptList; after: InterruptList };
  /** Every graph the module compiled as it loaded (a node may invoke one of them). */
  compiled: CompiledGraph[];
}

interface BundleExports {
  user: Record<string, unknown>;
  runtime: RuntimeModule;
}

/** `Module` internals used to load code under a chosen file name; stable across Node versions. */
interface LoadableModule {
  filename: string;
  paths: string[];
  exports: unknown;
  _compile(code: string, filename: string): void;
}
type ModuleInternals = typeof Module & { _nodeModulePaths(directory: string): string[] };

export function loadGraph(bundle: GraphBundle, program: string, wanted: string | undefined, checkpointDir: string): LoadedGraph {
  const { value: exported, compiled } = collectCompiledGraphs(() => runBundle(bundle, program));
  const candidates = graphCandidates(exported.user);
  const names = [...candidates.keys()];
  const exportName = pickExport(names, wanted, program);
  const picked = candidates.get(exportName)!;
  const builder = isCompiledGraph(picked) ? picked.builder : (picked as GraphBuilder);
  const graph = builder.compile({ checkpointer: makeSaver(exported.runtime, checkpointDir), name: isCompiledGraph(picked) ? picked.name : undefined });
  const userInterrupts = {
    before: isCompiledGraph(picked) ? picked.interruptBefore ?? [] : [],
    after: isCompiledGraph(picked) ? picked.interruptAfter ?? [] : [],
  };
  return { exportName, graphExports: names, graph, runtime: exported.runtime, userInterrupts, compiled };
}

function runBundle(bundle: GraphBundle, program: string): BundleExports {
  const loadable = new Module(bundle.filename) as unknown as LoadableModule;
  loadable.filename = bundle.filename;
  loadable.paths = (Module as ModuleInternals)._nodeModulePaths(path.dirname(bundle.filename));
  try {
    loadable._compile(bundle.code, bundle.filename);
  } catch (error) {
    throw topLevelFailure(program, error);
  }
  return loadable.exports as BundleExports;
}

/** Graph exports by name; a builder whose compiled graph is also exported is listed once, as that. */
function graphCandidates(exports: Record<string, unknown>): Map<string, CompiledGraph | GraphBuilder> {
  const found = new Map<string, CompiledGraph | GraphBuilder>();
  const compiledBuilders = new Set<unknown>();
  for (const [name, value] of Object.entries(exports)) {
    if (isCompiledGraph(value)) {
      found.set(name, value);
      compiledBuilders.add(value.builder);
    }
  }
  for (const [name, value] of Object.entries(exports)) {
    if (!isCompiledGraph(value) && isGraphBuilder(value) && !compiledBuilders.has(value)) found.set(name, value);
  }
  return found;
}

function makeSaver(runtime: RuntimeModule, checkpointDir: string) {
  if (runtime.FileSaver) return new runtime.FileSaver(checkpointDir);
  process.stderr.write("[langgraph-debugger] this engine has no FileSaver yet: checkpoints stay in memory for this session.\n");
  return new runtime.MemorySaver();
}
