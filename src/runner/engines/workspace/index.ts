/**
 * The workspace engine: the user's program on the `@langchain/langgraph` the user installed,
 * loaded unchanged (through tsx), with our FileSaver as the checkpointer and every debugger
 * feature added through LangGraph.js's public API: breakpoint lists on the compiled graphs,
 * `getState`, `updateState`, `getStateHistory`, streams, callbacks, `RunControl`. What it learns
 * beyond that API (call sites, compiled graphs, routes taken, graphs invoked inside nodes) it
 * learns by watching (instrument.ts), never by changing the graph's code.
 */
import type { EngineInfo, LoadParams } from "../../../protocol/runner";
import { FileSaver } from "../../../runtime/checkpoint/file";
import type { Engine, GraphLevel, LoadedProgram, RunHooks, RunSetup } from "../contract";
import type { CompiledGraph } from "../graph-api";
import { GraphLoadError, pickExport } from "../program-exports";
import { isCallSegment, namespaceSegments, nodeOfSegment } from "../../../protocol/namespaces";
import { nodeNames, reducerOf, stateKeysOf, subgraphOf, workspaceGraphView } from "./graph-view";
import { InstalledLangGraph, checkSupported } from "./installed";
import { GraphRecords, instrumentStateGraph, watchRoutes } from "./instrument";
import { importModule, loadProgram } from "./module-loader";
import { RunLists, workspaceRunSetup } from "./run-setup";
import { findGraphExports } from "./exports";
import { InvokedGraphs } from "./invoked";
import { routedGraph, type VersionedSaver } from "./routed-graph";

/** The installed module's exports the engine uses. */
interface LangGraphModule {
  StateGraph: { prototype: { addNode: never; compile: never } };
  Command: new (fields: Record<string, unknown>) => unknown;
  Overwrite?: new (value: unknown) => unknown;
  RunControl?: new () => { requestDrain(reason?: string): void };
  InMemoryStore?: new () => object;
  getConfig?: () => { configurable?: Record<string, unknown> } | undefined;
}

export function workspaceInfo(installed: InstalledLangGraph, reason: string): EngineInfo {
  return {
    kind: "workspace",
    version: installed.version,
    packageDir: installed.dir,
    // LangGraph.js resumes a subgraph only from its newest checkpoint, under its parent's task.
    capabilities: { pause: "boundary", callSites: true, resumeThroughEdit: false, replayInsideSubgraph: false },
    reason,
  };
}

export class WorkspaceEngine implements Engine {
  readonly info: EngineInfo;

  constructor(private readonly installed: InstalledLangGraph, reason: string) {
    checkSupported(installed);
    this.info = workspaceInfo(installed, reason);
  }

  async load(params: LoadParams): Promise<LoadedProgram> {
    const started = performance.now();
    const langgraph = (await importModule(new URL(this.installed.entryUrl))) as unknown as LangGraphModule;
    if (typeof langgraph.StateGraph !== "function") {
      throw new GraphLoadError(`${this.installed.entryUrl} does not export StateGraph: is @langchain/langgraph ${this.installed.version} installed completely?`);
    }
    if (!langgraph.RunControl) this.info.capabilities.pause = "abort";
    const records = new GraphRecords();
    instrumentStateGraph(langgraph.StateGraph as never, records, [this.installed.dir]);
    const exported = await loadProgram(params.program);
    const graphs = findGraphExports(exported);
    const exportName = pickExport([...graphs.keys()], params.graph, params.program);
    // Values LangGraph.js's own savers take (any class, kept as its data) are taken here too.
    const saver = new FileSaver(params.checkpointDir, { otherClasses: "plain" });
    const root = graphs.get(exportName)!.compile(saver);
    giveStore(root, langgraph);
    return new WorkspaceProgram({ exportName, graphExports: [...graphs.keys()], root, saver, records, langgraph, version: this.installed.version }, performance.now() - started);
  }
}

interface ProgramParts {
  exportName: string;
  graphExports: string[];
  root: CompiledGraph & { interruptBefore?: LoadedProgram["userInterrupts"]["before"]; interruptAfter?: LoadedProgram["userInterrupts"]["after"] };
  saver: VersionedSaver;
  records: GraphRecords;
  langgraph: LangGraphModule;
  version: string;
}

class WorkspaceProgram implements LoadedProgram {
  readonly exportName: string;
  readonly graphExports: string[];
  /** The root, with every namespaced read and edit sent to the graph that owns the namespace. */
  readonly graph: CompiledGraph;
  readonly userInterrupts: LoadedProgram["userInterrupts"];
  private readonly root: CompiledGraph;
  private readonly invoked: InvokedGraphs;

  constructor(private readonly parts: ProgramParts, readonly loadMs: number) {
    ({ exportName: this.exportName, graphExports: this.graphExports, root: this.root } = parts);
    this.userInterrupts = { before: parts.root.interruptBefore ?? [], after: parts.root.interruptAfter ?? [] };
    this.invoked = new InvokedGraphs(parts.records.compiled, parts.root, parts.langgraph.getConfig, (ns) => this.level(ns).graph);
    this.graph = routedGraph(parts.root, parts.saver, {
      owner: (ns) => this.level(ns).graph,
      invokedAt: (taskNs) => {
        const graph = this.invoked.at(taskNs) as CompiledGraph | undefined;
        return graph ? { graph, ns: this.invoked.newestCall(taskNs) } : undefined;
      },
    });
    for (const graph of [parts.root, ...parts.records.compiled]) this.watchRoutesBelow(graph);
  }

  view() {
    const { records } = this.parts;
    const hooks = {
      callSite: (builder: object, name: string) => records.callSite(builder, name),
      graphKey: (compiled: object) => records.graphKey(compiled),
      observed: (builder: object, source: string) => records.observed(builder, source),
      invoked: (builder: object, node: string) => this.invoked.byBuilder(builder, node),
    };
    const { graphKey: _runnerSite, ...view } = workspaceGraphView(this.root, hooks);
    const reached = this.reached();
    const others = records.compiled
      .filter((graph) => !reached.has(graph) && records.graphKey(graph))
      .map((graph) => ({ key: records.graphKey(graph)!, graph: workspaceGraphView(graph, hooks) }));
    const unique = others.filter((other, index) => others.findIndex((first) => first.key === other.key) === index);
    return unique.length > 0 ? { ...view, otherGraphs: unique } : view;
  }

  level(ns?: string): GraphLevel {
    let graph: object = this.root;
    const walked: string[] = [];
    for (const segment of namespaceSegments(ns)) {
      if (isCallSegment(segment)) {
        walked.push(segment); // another call of the graph just walked into
        continue;
      }
      const node = nodeOfSegment(segment);
      const inner = subgraphOf(graph, node) ?? this.invoked.at([...walked, segment].join("|"));
      if (!inner) throw new Error(`No subgraph node "${node}" for checkpoint namespace "${ns}".`);
      walked.push(segment);
      graph = inner;
    }
    const level = graph;
    return {
      graph: level as CompiledGraph,
      nodeNames: () => nodeNames(level),
      stateKeys: () => stateKeysOf(level),
      reducerOf: (key) => reducerOf(level, key),
    };
  }

  runSetup(hooks: RunHooks, lists: RunLists): RunSetup {
    const { langgraph, records, version } = this.parts;
    const setup = workspaceRunSetup(this.root, lists, hooks, {
      RunControl: langgraph.RunControl,
      version,
      subgraphs: (compiled) => subgraphsOf(compiled),
      keyed: () => records.compiled.flatMap((graph) => (records.graphKey(graph) ? [{ graph, key: records.graphKey(graph)! }] : [])),
    });
    this.invoked.newRun();
    this.invoked.onInvoke = setup.invoked;
    return {
      ...setup,
      dispose: () => {
        this.invoked.onInvoke = undefined;
        setup.dispose();
      },
    };
  }

  command(fields: { resume?: unknown; update?: unknown; goto?: unknown }): unknown {
    return new this.parts.langgraph.Command(fields);
  }

  get overwrite(): LoadedProgram["overwrite"] {
    const { Overwrite } = this.parts.langgraph;
    return Overwrite ? (value) => new Overwrite(value) : undefined;
  }

  /** The root and every graph inside it, as node or as invoked. */
  private reached(): Set<object> {
    const found = new Set<object>();
    const visit = (graph: object) => {
      if (found.has(graph)) return;
      found.add(graph);
      for (const inner of subgraphsOf(graph).values()) visit(inner);
      for (const inner of this.invoked.inside(graph)) visit(inner);
    };
    visit(this.root);
    return found;
  }

  private watchRoutesBelow(graph: object): void {
    const builder = (graph as { builder?: object }).builder;
    if (builder) watchRoutes(builder, this.parts.records);
    for (const inner of subgraphsOf(graph).values()) this.watchRoutesBelow(inner);
  }
}

/**
 * A graph compiled without a store gets an in-memory one, as the LangGraph server (`langgraphjs
 * dev`, LangGraph Platform) gives every graph it serves: templates read `config.store` and would
 * fail without it. A graph compiled with its own store keeps it.
 */
function giveStore(root: object, langgraph: LangGraphModule): void {
  const graph = root as { store?: object };
  if (!graph.store && langgraph.InMemoryStore) graph.store = new langgraph.InMemoryStore();
}

/** The compiled subgraphs of a graph, by the node they are. */
function subgraphsOf(compiled: object): Map<string, object> {
  const found = new Map<string, object>();
  for (const node of nodeNames(compiled)) {
    const inner = subgraphOf(compiled, node);
    if (inner) found.set(node, inner);
  }
  return found;
}
