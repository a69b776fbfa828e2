/**
 * The runner's side of the RPC: one method per request of `RunnerMethods`, over the graph that
 * `load` picked, on the engine the launch chose (engines/select.ts). One run at a time; while it
 * goes on, the other requests (pause, abort, reads) are still served, because a graph that awaits
 * leaves the event loop free.
 */
import type { RunnerMethod, RunnerMethods } from "../protocol/runner";
import type { EngineInfo } from "../protocol/runner";
import type { LoadedProgram } from "./engines/contract";
import { selectEngine } from "./engines/select";
import { queueEdit } from "./edit-queue";
import { editValue, evaluate, updateState } from "./inspect";
import { readView } from "./levels";
import { ProgressReporter, ProgressSink } from "./progress";
import { GraphRun } from "./run";
import { historyEntries } from "./views";
import type { GraphView } from "../protocol/debug";

type Handlers = { [M in RunnerMethod]: (params: RunnerMethods[M]["params"]) => Promise<RunnerMethods[M]["result"]> };

export class RunnerHost {
  private loaded: LoadedProgram | undefined;
  private engine: EngineInfo | undefined;
  private current: GraphRun | undefined;
  private lastView: string | undefined;
  private readonly progress: ProgressReporter;

  constructor(sendProgress: ProgressSink, private readonly exit: () => void, private readonly note: (text: string) => void) {
    this.progress = new ProgressReporter(sendProgress);
  }

  readonly handlers: Handlers = {
    load: async (params) => {
      const engine = selectEngine(params.program, params.engine);
      this.loaded = await engine.load(params);
      this.engine = engine.info;
      const { exportName, graphExports, userInterrupts, loadMs } = this.loaded;
      return { exportName, graphExports, graph: this.view(), compiledInterrupts: userInterrupts, bundleMs: loadMs, engine: engine.info };
    },
    graph: async () => this.view(),
    run: async (params) => {
      if (this.current) throw new Error("The graph is already running: pause it or wait for it to stop.");
      this.current = new GraphRun({ program: this.require(), progress: this.progress, note: this.note }, params);
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
    history: async ({ threadId, checkpointNs, subgraphs, limit, before }) => historyEntries(this.graph(), threadId, checkpointNs, subgraphs, { limit, before }),
    updateState: async (params) => queueEdit(params.threadId, () => updateState(this.require(), params, params.values, params.asNode)),
    editValue: async (params) => queueEdit(params.threadId, () => editValue(this.require(), params)),
    evaluate: async (params) => evaluate(this.graph(), params, params.expression),
    shutdown: async () => {
      this.current?.aborter.abort();
      setImmediate(this.exit);
      return {};
    },
  };

  private require(): LoadedProgram {
    if (!this.loaded) throw new Error("No graph is loaded yet.");
    return this.loaded;
  }

  private graph() {
    return this.require().graph;
  }

  /** The graph's view, remembered so a run can tell whether it changed it. */
  private view(): GraphView {
    const view = { ...this.require().view(), ...(this.engine ? { engine: this.engine } : {}) };
    this.lastView = JSON.stringify(view);
    return view;
  }

  private viewIfChanged(): GraphView | undefined {
    const before = this.lastView;
    const view = this.view();
    return this.lastView !== before ? view : undefined;
  }
}
