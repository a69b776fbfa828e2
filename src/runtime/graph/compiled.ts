/**
 * The compiled graph users call: `invoke`, `stream`, `getState`, `getStateHistory`, `updateState`,
 * `getGraph`. Each method is a thin door onto the engine in `pregel/`: it checks the config the
 * way LangGraph does (a checkpointer for state, a thread id for threads) and shapes the answer.
 */
import { CheckpointConfig, CheckpointListOptions, CheckpointSaver } from "../checkpoint/types";
import { INTERRUPT } from "../constants";
import { missingCheckpointer } from "../errors";
import { Engine, threadIdOf } from "../pregel/engine";
import { SuperstepLoop } from "../pregel/loop";
import { startRun } from "../pregel/run-start";
import { emptySnapshot, snapshotOf } from "../pregel/snapshot";
import { Emitter, createEmitter, silentEmitter } from "../pregel/stream-events";
import { ChunkQueue } from "../pregel/chunk-queue";
import { planChannels } from "../pregel/channels";
import { updateState } from "../pregel/update-state";
import { RunConfig, StateSnapshot, StreamMode } from "../types";
import { StateDefinition } from "./annotation";
import { GraphDefinition } from "./definition";
import { DrawableGraph, drawableGraph } from "./drawable";
import type { CompileOptions, StateGraph } from "./state-graph";
import { debugPrinter } from "../pregel/debug-print";

export class CompiledStateGraph<SD extends StateDefinition, S = unknown, U = unknown> {
  readonly lg_is_pregel = true;
  readonly checkpointer?: CheckpointSaver;
  readonly interruptBefore: CompileOptions["interruptBefore"];
  readonly interruptAfter: CompileOptions["interruptAfter"];
  readonly name: string;
  private readonly engine: Engine;
  private readonly observedRoutes = new Map<string, Set<string>>();

  constructor(
    readonly builder: StateGraph<SD, S, U>,
    private readonly definition: GraphDefinition,
    options: CompileOptions,
  ) {
    this.checkpointer = options.checkpointer || undefined;
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
      observeRoute: (source, target) => this.observeRoute(source, target),
    };
  }

  async invoke(input: unknown, config: RunConfig = {}): Promise<S & { [INTERRUPT]?: unknown[] }> {
    const emit = this.engine.debug ? debugPrinter(this.engine) : silentEmitter;
    const cursor = await startRun(this.engine, config, input, emit);
    const outcome = await new SuperstepLoop(this.engine, config, emit, cursor).run();
    const result: Record<string, unknown> = { ...outcome.values };
    if (outcome.interrupts) result[INTERRUPT] = outcome.interrupts;
    return result as S & { [INTERRUPT]?: unknown[] };
  }

  /** Streams the run's chunks; several modes give `[mode, chunk]` pairs. Awaitable, like LangGraph's. */
  async stream(input: unknown, config: RunConfig = {}): Promise<AsyncIterableIterator<unknown>> {
    const requested = config.streamMode ?? "updates";
    const modes = new Set<StreamMode>(Array.isArray(requested) ? requested : [requested]);
    const queue = new ChunkQueue();
    const sink = Array.isArray(requested)
      ? (mode: StreamMode, chunk: unknown) => queue.push([mode, chunk])
      : (_mode: StreamMode, chunk: unknown) => queue.push(chunk);
    const emit: Emitter = createEmitter(modes, sink);
    const run = async () => {
      const cursor = await startRun(this.engine, config, input, emit);
      await new SuperstepLoop(this.engine, config, emit, cursor).run();
    };
    run().then(() => queue.end(), (error) => queue.fail(error));
    return queue;
  }

  async getState(config: CheckpointConfig, _options?: { subgraphs?: boolean }): Promise<StateSnapshot> {
    const saver = this.requireCheckpointer();
    const tuple = await saver.getTuple(stateAddress(config));
    if (!tuple) return emptySnapshot(config);
    return snapshotOf(this.engine, tuple, !config.configurable?.checkpoint_id);
  }

  async *getStateHistory(config: CheckpointConfig, options: CheckpointListOptions = {}): AsyncGenerator<StateSnapshot> {
    const saver = this.requireCheckpointer();
    for await (const tuple of saver.list(stateAddress(config), options)) yield snapshotOf(this.engine, tuple);
  }

  async updateState(config: CheckpointConfig, values: unknown, asNode?: string): Promise<CheckpointConfig> {
    return updateState(this.engine, config, values, asNode);
  }

  getGraph(): DrawableGraph {
    return drawableGraph(this.definition, this.observedRoutes);
  }

  private observeRoute(source: string, target: string): void {
    const routes = this.definition.branches.get(source);
    if (!routes || routes.every((branch) => branch.pathMap)) return;
    let seen = this.observedRoutes.get(source);
    if (!seen) this.observedRoutes.set(source, (seen = new Set()));
    seen.add(target);
  }

  private requireCheckpointer(): CheckpointSaver {
    if (!this.checkpointer) throw missingCheckpointer();
    return this.checkpointer;
  }
}

function stateAddress(config: CheckpointConfig): CheckpointConfig {
  const configurable = config.configurable ?? {};
  if (threadIdOf(config) === undefined) return { configurable: { ...configurable } };
  return { configurable: { ...configurable, checkpoint_ns: configurable.checkpoint_ns ?? "" } };
}
