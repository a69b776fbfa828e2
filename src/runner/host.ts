/**
 * The runner's side of the RPC: one method per request of `RunnerMethods`, over the graph that
 * `load` picked. One run at a time; while it goes on, the other requests (pause, abort, reads) are
 * still served, because a graph that awaits leaves the event loop free.
 */
import type { RunnerMethod, RunnerMethods } from "../protocol/runner";
import { bundleGraph } from "./bundle";
import { editValue, evaluate, updateState } from "./inspect";
import { readView } from "./levels";
import { LoadedGraph, loadGraph } from "./load";
import { watchNodeStarts } from "./node-watch";
import { ProgressReporter, ProgressSink } from "./progress";
import { GraphRun } from "./run";
import { historyEntries } from "./views";
import { fullGraphView } from "./graphs";
import type { GraphView } from "../protocol/debug";

type Handlers = { [M in RunnerMethod]: (params: RunnerMethods[M]["params"]) => Promise<RunnerMethods[M]["result"]> };

export class RunnerHost {
  private loaded: LoadedGraph | undefined;
  private current: GraphRun | undefined;
  private watched: ReadonlySet<string> = new Set();
  private lastView: string | undefined;
  private readonly progress: ProgressReporter;

  constructor(sendProgress: ProgressSink, private readonly exit: () => void) {
    this.progress = new ProgressReporter(sendProgress);
  }

  readonly handlers: Handlers = {
    load: async (params) => {
      const bundle = await bundleGraph(params.program);
      this.loaded = loadGraph(bundle, params.program, params.graph, params.checkpointDir);
      this.watched = watchNodeStarts(this.loaded.graph.builder, this.progress);
      const { exportName, graphExports, userInterrupts } = this.loaded;
      return { exportName, graphExports, graph: this.view(), compiledInterrupts: userInterrupts, bundleMs: bundle.durationMs };
    },
    graph: async () => this.view(),
    run: async (params) => {
      if (this.current) throw new Error("The graph is already running: pause it or wait for it to stop.");
      const { graph, runtime, userInterrupts } = this.require();
      this.current = new GraphRun({ graph, runtime, userInterrupts, progress: this.progress, watched: this.watched }, params);
      try {
        const outcome = await this.current.execute();
        const changed = this.viewIfChanged();
        return changed ? { ...outcome, graph: changed } : outcome;
      } finally {
        this.current = undefined;
      }
    },
    pause: async () => {
      this.current?.pauser.abort();
      return { running: this.current !== undefined };
    },
    abort: async () => {
      this.current?.aborter.abort();
      return { running: this.current !== undefined };
    },
    getState: async (address) => readView(this.graph(), address),
    history: async ({ threadId, checkpointNs, subgraphs }) => historyEntries(this.graph(), threadId, checkpointNs, subgraphs),
    updateState: async (params) => updateState(this.graph(), params, params.values, params.asNode),
    editValue: async (params) => editValue(this.require(), params),
    evaluate: async (params) => evaluate(this.graph(), params, params.expression),
    shutdown: async () => {
      this.current?.aborter.abort();
      setImmediate(this.exit);
      return {};
    },
  };

  private require(): LoadedGraph {
    if (!this.loaded) throw new Error("No graph is loaded yet.");
    return this.loaded;
  }

  private graph() {
    return this.require().graph;
  }

  /** The graph's view, remembered so a run can tell whether it changed it. */
  private view(): GraphView {
    const { graph, compiled } = this.require();
    const view = fullGraphView(graph, compiled);
    this.lastView = JSON.stringify(view);
    return view;
  }

  private viewIfChanged(): GraphView | undefined {
    const before = this.lastView;
    const view = this.view();
    return this.lastView !== before ? view : undefined;
  }
}
