/**
 * The `StateGraph` builder: nodes, edges, conditional edges, and `compile`. It only records what the
 * user declared (and where each `addNode` was called, for gutter breakpoints); `compile` checks the
 * declaration and hands it to `CompiledStateGraph`, which owns running it.
 */
import { END, START } from "../constants";
import { CheckpointSaver } from "../checkpoint/types";
import { Command, InterruptList, Send } from "../types";
import { AnnotationRoot, StateDefinition, StateType, UpdateType, isAnnotationRoot } from "./annotation";
import { SourceLocation, callerLocation } from "./call-site";
import type { RetryPolicy } from "../pregel/retry";
import { CompiledStateGraph } from "./compiled";
import { graphKeyOf, recordCompiledGraph } from "./registry";
import { GraphDefinition, NodeSpec, PathMap, Router } from "./definition";
import { validateDefinition } from "./validate";

export interface NodeConfig {
  configurable?: Record<string, unknown>;
  signal?: AbortSignal;
  [key: string]: unknown;
}

export type NodeResult<U> = U | Command | Command[] | null | undefined | void;
export type NodeFunction<S, U> = (state: S, config: NodeConfig) => NodeResult<U> | Promise<NodeResult<U>>;

/** A graph that was compiled elsewhere and is used as a node (a subgraph). */
export interface RunnableGraph {
  invoke(input: unknown, config?: Record<string, unknown>): Promise<unknown>;
}

export interface AddNodeOptions {
  /** Where a node that returns `Command({goto})` may go: needed for those targets to be reachable. */
  ends?: string[];
  /** Run the node again when it throws (pregel/retry.ts). */
  retryPolicy?: RetryPolicy;
}

export interface CompileOptions {
  /**
   * Where checkpoints go. On a subgraph: unset or `false` uses its parent's saver, one history per
   * run of its node; `true` keeps one history per thread, so each run goes on from the last.
   */
  checkpointer?: CheckpointSaver | boolean;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  debug?: boolean;
  name?: string;
}

type Schema<SD extends StateDefinition> = AnnotationRoot<SD> | { channels: SD } | SD;

export class StateGraph<SD extends StateDefinition, S = StateType<SD>, U = UpdateType<SD>> {
  readonly channels: SD;
  readonly nodes = new Map<string, NodeSpec>();
  readonly edges: Array<[string, string]> = [];
  readonly joins: Array<{ sources: string[]; target: string }> = [];
  readonly branches = new Map<string, Array<{ router: Router; pathMap?: PathMap }>>();

  constructor(schema: Schema<SD>) {
    // A Zod object would otherwise pass for a channel list with no channels, and every write would vanish.
    if (isZodSchema(schema)) {
      throw new Error(
        "StateGraph: a Zod schema as the state is not supported by the debugger's engine yet. " +
          "Define the state with Annotation.Root({ key: Annotation<Type>(), list: Annotation<Type[]>({ reducer, default }) }).",
      );
    }
    if (isAnnotationRoot(schema)) this.channels = schema.spec as SD;
    else if (isChannelsObject<SD>(schema)) this.channels = schema.channels;
    else this.channels = schema as SD;
  }

  addNode(name: string, action: NodeFunction<S, U> | RunnableGraph, options: AddNodeOptions = {}): this {
    for (const reserved of ["|", ":"]) {
      if (name.includes(reserved)) throw new Error(`"${reserved}" is a reserved character and is not allowed in node names.`);
    }
    if (this.nodes.has(name)) throw new Error(`Node \`${name}\` already present.`);
    if (name === END || name === START) throw new Error(`Node \`${name}\` is reserved.`);
    const source = callerLocation(this.addNode);
    const subgraph = isRunnableGraph(action) ? action : undefined;
    const run = subgraph
      ? (state: unknown, config: NodeConfig) => subgraph.invoke(state, { configurable: config.configurable, signal: config.signal })
      : (action as NodeFunction<unknown, unknown>);
    this.nodes.set(name, { name, run, ends: options.ends, source, subgraph, retryPolicy: options.retryPolicy });
    return this;
  }

  addEdge(from: string | string[], to: string): this {
    if (Array.isArray(from)) {
      if (from.length === 1) return this.addEdge(from[0], to);
      this.joins.push({ sources: [...from], target: to });
    } else {
      if (from === END) throw new Error("END cannot be a start node");
      if (to === START) throw new Error("START cannot be an end node");
      this.edges.push([from, to]);
    }
    return this;
  }

  addConditionalEdges(
    source: string,
    router: (state: S, config: NodeConfig) => unknown,
    pathMap?: Record<string, string> | string[],
  ): this {
    const map = Array.isArray(pathMap) ? Object.fromEntries(pathMap.map((name) => [name, name])) : pathMap;
    const list = this.branches.get(source) ?? [];
    list.push({ router: router as Router, pathMap: map });
    this.branches.set(source, list);
    return this;
  }

  setEntryPoint(node: string): this {
    return this.addEdge(START, node);
  }

  setFinishPoint(node: string): this {
    return this.addEdge(node, END);
  }

  compile(options: CompileOptions = {}): CompiledStateGraph<SD, S, U> {
    const definition: GraphDefinition = {
      channels: this.channels,
      nodes: this.nodes,
      edges: this.edges,
      joins: this.joins,
      branches: this.branches,
    };
    validateDefinition(definition, [options.interruptBefore, options.interruptAfter]);
    const site = callerLocation(this.compile);
    const compiled = new CompiledStateGraph<SD, S, U>(this, definition, options, graphKeyOf(site));
    recordCompiledGraph(compiled, site);
    return compiled;
  }
}

function isChannelsObject<SD extends StateDefinition>(value: unknown): value is { channels: SD } {
  return typeof value === "object" && value !== null && "channels" in value && Object.keys(value).length === 1;
}

function isZodSchema(value: unknown): boolean {
  return typeof value === "object" && value !== null && ("_zod" in value || ("_def" in value && "shape" in value));
}

function isRunnableGraph(value: unknown): value is RunnableGraph {
  return typeof value === "object" && value !== null && typeof (value as RunnableGraph).invoke === "function";
}

export type { SourceLocation, Send };
