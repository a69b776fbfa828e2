/**
 * The compiled graph users call: `invoke`, `stream`, `getState`, `getStateHistory`, `updateState`,
 * `getGraph`. Each method is a thin door onto the engine in `pregel/`: it checks the config the
 * way LangGraph does (a checkpointer for state, a thread id for threads) and shapes the answer.
 */
import { CheckpointConfig, CheckpointListOptions, CheckpointSaver } from "../checkpoint/types";
import { INTERRUPT } from "../constants";
import { checkpointerTrueAtRoot, missingCheckpointer, unsupportedStreamMode } from "../errors";
import { Engine } from "../pregel/engine";
import { SuperstepLoop } from "../pregel/loop";
import { startRun } from "../pregel/run-start";
import { snapshotOf } from "../pregel/snapshot";
import { NestedScope } from "../pregel/subgraph";
import { currentTask } from "../pregel/interrupt";
import { answerNested, engineForNamespace, invokeInTask, runNested, snapshotWithSubgraphs, stateAddress } from "../pregel/subgraph-run";
import { RunOutcome } from "../pregel/loop";
import { travelIntoSubgraph } from "../pregel/subgraph-replay";
import { Emitter, createEmitter, silentEmitter } from "../pregel/stream-events";
import { ChunkQueue } from "../pregel/chunk-queue";
import { planChannels } from "../pregel/channels";
import { updateState } from "../pregel/update-state";
import { RunConfig, STREAM_MODES, StateSnapshot, StreamMode } from "../types";
import { StateDefinition } from "./annotation";
import { GraphDefinition } from "./definition";
import { DrawableGraph, drawableGraph } from "./drawable";
import type { CompileOptions, StateGraph } from "./state-graph";
import { debugPrinter } from "../pregel/debug-print";

export class CompiledStateGraph<SD extends StateDefinition, S = unknown, U = unknown> {
  readonly lg_is_pregel = true;
  readonly checkpointer?: CheckpointSaver;
  /** Compiled with `checkpointer: true`: as a subgraph, one history per thread instead of one per run. */
  readonly keepsHistory: boolean;
  readonly interruptBefore: CompileOptions["interruptBefore"];
  readonly interruptAfter: CompileOptions["interruptAfter"];
  readonly name: string;
  private readonly engine: Engine;
  private readonly observedRoutes = new Map<string, Set<string>>();

  constructor(
    readonly builder: StateGraph<SD, S, U>,
    private readonly definition: GraphDefinition,
    options: CompileOptions,
    /** Where `compile()` was called (`@file:line:column`): breakpoint lists name nested runs of this graph by it. */
    readonly graphKey?: string,
  ) {
    this.checkpointer = typeof options.checkpointer === "object" ? options.checkpointer : undefined;
    this.keepsHistory = options.checkpointer === true;
    this.interruptBefore = options.interruptBefore;
    this.interruptAfter = options.interruptAfter;
    this.name = options.name ?? "LangGraph";
    this.engine = {
      definition,
      plan: planChannels(definition),
      nodeNames: [...definition.nodes.keys()],
      checkpointer: this.checkpointer,
      interruptBefore: options.interruptBefore,
      interruptAfter: options.interruptAfter,
      debug: options.debug ?? false,
      graphKey,
      observeRoute: (source, target) => this.observeRoute(source, target),
    };
  }

  async invoke(input: unknown, config: RunConfig = {}): Promise<S & { [INTERRUPT]?: unknown[] }> {
    const task = currentTask();
    if (task?.nestedScope && config.configurable?.thread_id === undefined) {
      // Called from inside a node: run as that task's subgraph, in the parent's thread.
      task.invoking?.(this);
      const scope = task.nestedScope();
      return (await invokeInTask(this.nestedEngine(scope.checkpointer), input, task, scope)) as S & { [INTERRUPT]?: unknown[] };
    }
    if (this.keepsHistory) throw checkpointerTrueAtRoot();
    config = await this.enterSubgraphCheckpoint(input, config);
    const emit = this.engine.debug ? debugPrinter(this.engine) : silentEmitter;
    const cursor = await startRun(this.engine, config, input, emit);
    const outcome = await new SuperstepLoop(this.engine, config, emit, cursor).run();
    const result: Record<string, unknown> = { ...outcome.values };
    if (outcome.interrupts) result[INTERRUPT] = outcome.interrupts;
    return result as S & { [INTERRUPT]?: unknown[] };
  }

  /**
   * Streams the run's chunks; several modes give `[mode, chunk]` pairs, and `subgraphs: true`
   * prefixes each chunk with its namespace. Awaitable, like LangGraph's.
   */
  async stream(input: unknown, config: RunConfig & { subgraphs?: boolean } = {}): Promise<AsyncIterableIterator<unknown>> {
    const requested = config.streamMode ?? "updates";
    const modes = new Set<StreamMode>(Array.isArray(requested) ? requested : [requested]);
    const unknown = [...modes].find((mode) => !STREAM_MODES.includes(mode));
    if (unknown) throw unsupportedStreamMode(unknown);
    const queue = new ChunkQueue();
    const several = Array.isArray(requested);
    const emit: Emitter = createEmitter(modes, (mode, chunk, namespace) => {
      const item = several ? [mode, chunk] : [chunk];
      queue.push(config.subgraphs ? [namespace, ...item] : several ? item : chunk);
    }, config.subgraphs ?? false);
    const run = async () => {
      if (this.keepsHistory) throw checkpointerTrueAtRoot();
      config = await this.enterSubgraphCheckpoint(input, config);
      const cursor = await startRun(this.engine, config, input, emit);
      await new SuperstepLoop(this.engine, config, emit, cursor).run();
    };
    run().then(() => queue.end(), (error) => queue.fail(error));
    return queue;
  }

  /** The snapshot of a thread (or of a subgraph, by its `checkpoint_ns`). */
  async getState(config: CheckpointConfig, options: { subgraphs?: boolean } = {}): Promise<StateSnapshot> {
    return snapshotWithSubgraphs(this.engineFor(config), config, options.subgraphs ?? false);
  }

  async *getStateHistory(config: CheckpointConfig, options: CheckpointListOptions = {}): AsyncGenerator<StateSnapshot> {
    const engine = this.engineFor(config);
    for await (const tuple of engine.checkpointer!.list(stateAddress(config), options)) yield snapshotOf(engine, tuple);
  }

  async updateState(config: CheckpointConfig, values: unknown, asNode?: string): Promise<CheckpointConfig> {
    return updateState(this.engineFor(config), config, values, asNode);
  }

  /** @internal Runs this graph as the subgraph of a parent's task. */
  runNested(input: unknown, scope: NestedScope): Promise<RunOutcome> {
    return runNested(this.nestedEngine(scope.checkpointer), input, scope);
  }

  /** @internal Passes a parent's answer down to this graph's waiting tasks. */
  answerNested(scope: NestedScope, resume: unknown): Promise<void> {
    return answerNested(this.nestedEngine(scope.checkpointer), scope, resume);
  }

  /**
   * @internal This graph's engine as a subgraph: it saves to its parent's saver, as in LangGraph,
   * even when it was compiled with one of its own (that one serves it only as a root graph).
   */
  nestedEngine(saver: CheckpointSaver | undefined): Engine {
    return saver ? { ...this.engine, checkpointer: saver } : this.engine;
  }

  /**
   * `invoke(null, config)` with a subgraph's checkpoint replays from inside the subgraph: the thread
   * is prepared so that resuming its head continues from there.
   */
  private async enterSubgraphCheckpoint(input: unknown, config: RunConfig): Promise<RunConfig> {
    const configurable = config.configurable ?? {};
    if (!configurable.checkpoint_ns || !configurable.checkpoint_id || (input !== null && input !== undefined)) return config;
    await travelIntoSubgraph({ ...this.engine, checkpointer: this.requireCheckpointer() }, config);
    return { ...config, configurable: { ...configurable, checkpoint_ns: "", checkpoint_id: undefined } };
  }

  /** The engine that owns the config's namespace; state needs a checkpointer. */
  private engineFor(config: CheckpointConfig): Engine {
    const saver = this.requireCheckpointer();
    return engineForNamespace(this.engine, String(config.configurable?.checkpoint_ns ?? ""), saver);
  }

  getGraph(): DrawableGraph {
    return drawableGraph(this.definition, this.observedRoutes, this.graphKey);
  }

  private observeRoute(source: string, target: string): void {
    const routes = this.definition.branches.get(source);
    if (!routes || routes.every((branch) => branch.pathMap)) return;
    let seen = this.observedRoutes.get(source);
    if (!seen) this.observedRoutes.set(source, (seen = new Set()));
    seen.add(target);
  }

  private requireCheckpointer(): CheckpointSaver {
    if (this.keepsHistory) throw checkpointerTrueAtRoot();
    if (!this.checkpointer) throw missingCheckpointer();
    return this.checkpointer;
  }
}
