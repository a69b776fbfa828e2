/**
 * The builtin engine: our own LangGraph (src/runtime), bundled into the user's graph file with
 * `@langchain/langgraph` pointed at it. It runs graphs where no LangGraph.js is installed, and it is
 * the one engine with the seed's semantics (an edit made while a node waits in `interrupt()`
 * answers it). Pause stops at the next superstep boundary through the engine's `pauseSignal`; node
 * starts are seen by wrapping the builder's node functions, nested ones by `onTaskStart`.
 */
import type { EngineInfo, InterruptList, LoadParams } from "../../../protocol/runner";
import type { Engine, GraphLevel, LoadedProgram, Reducer, RunHooks, RunSetup } from "../contract";
import { nodeOfSegment } from "../../../protocol/namespaces";
import { bundleGraph } from "./bundle";
import { CompiledGraph, RuntimeModule, isCompiledGraph } from "./engine-types";
import { fullGraphView } from "./graphs";
import { loadGraph } from "./load";
import { watchNodeStarts } from "./node-watch";

/** Our engine's version: the extension's, as the Debug Console names it. */
const BUILTIN_VERSION = "0.1.0";

export function builtinInfo(reason: string): EngineInfo {
  return { kind: "builtin", version: BUILTIN_VERSION, capabilities: { pause: "boundary", callSites: true, resumeThroughEdit: true, replayInsideSubgraph: true }, reason };
}

export class BuiltinEngine implements Engine {
  constructor(readonly info: EngineInfo) {}

  async load(params: LoadParams): Promise<LoadedProgram> {
    const bundle = await bundleGraph(params.program);
    const loaded = loadGraph(bundle, params.program, params.graph, params.checkpointDir);
    return new BuiltinProgram(loaded, bundle.durationMs);
  }
}

class BuiltinProgram implements LoadedProgram {
  readonly exportName: string;
  readonly graphExports: string[];
  readonly graph: CompiledGraph;
  readonly userInterrupts: LoadedProgram["userInterrupts"];
  private readonly runtime: RuntimeModule;
  private readonly compiled: CompiledGraph[];
  /** The hooks of the run in progress: the node wrappers, installed once, report to them. */
  private hooks: RunHooks | undefined;
  private readonly watched: ReadonlySet<string>;

  constructor(loaded: ReturnType<typeof loadGraph>, readonly loadMs: number) {
    ({ exportName: this.exportName, graphExports: this.graphExports, graph: this.graph, userInterrupts: this.userInterrupts } = loaded);
    this.runtime = loaded.runtime;
    this.compiled = loaded.compiled;
    this.watched = watchNodeStarts(this.graph.builder, {
      started: (key, name) => this.hooks?.taskStarted({ id: key, name, namespace: "" }),
      finished: (key) => this.hooks?.taskEnded(key),
    });
  }

  view() {
    return fullGraphView(this.graph, this.compiled);
  }

  level(ns?: string): GraphLevel {
    const graph = graphAtLevel(this.graph, ns);
    const channels = graph.builder.channels ?? {};
    return {
      graph,
      nodeNames: () => Object.keys(graph.getGraph().nodes).filter((name) => name !== "__start__" && name !== "__end__"),
      stateKeys: () => [...graph.getGraph().stateKeys],
      reducerOf: (key) => channels[key]?.reducer as Reducer | undefined,
    };
  }

  runSetup(hooks: RunHooks, lists: { before: InterruptList; after: InterruptList }): RunSetup {
    this.hooks = hooks;
    return {
      options: {
        // Our engine takes paths (`research/search`) and keys (`@<key>/node`) in the lists themselves.
        interruptBefore: lists.before,
        interruptAfter: lists.after,
        signal: hooks.abort,
        pauseSignal: hooks.pause,
        onTaskStart: (task: { id: string; name: string; namespace: string }) => {
          if (task.namespace && task.name !== "__start__") hooks.taskStarted(task);
        },
      },
      reportsStart: (namespace, name) => namespace.length > 0 || this.watched.has(name),
      isPauseEnd: () => false,
      dispose: () => {
        if (this.hooks === hooks) this.hooks = undefined;
      },
    };
  }

  command(fields: { resume?: unknown; update?: unknown; goto?: unknown }): unknown {
    return new this.runtime.Command(fields);
  }

  get overwrite(): LoadedProgram["overwrite"] {
    const { Overwrite } = this.runtime;
    return Overwrite ? (value) => new Overwrite(value) : undefined;
  }
}

/** The compiled graph that owns the checkpoints of namespace `ns`. */
function graphAtLevel(root: CompiledGraph, ns: string | undefined): CompiledGraph {
  let graph = root;
  for (const segment of ns ? ns.split("|") : []) {
    const node = nodeOfSegment(segment);
    const spec = graph.builder.nodes?.get(node);
    const subgraph = spec?.subgraph ?? spec?.invoked;
    if (!isCompiledGraph(subgraph)) throw new Error(`No subgraph node "${node}" for checkpoint namespace "${ns}".`);
    graph = subgraph;
  }
  return graph;
}
