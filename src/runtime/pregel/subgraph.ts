/**
 * Subgraphs: a compiled graph used as a node runs as a nested run in the same thread, under its own
 * checkpoint namespace (`node:taskId`, joined by "|" when nested deeper), with the parent's saver.
 * Its interrupts stop the parent task; answers to them are written into the subgraph's own
 * checkpoints, so when the parent task runs again the subgraph resumes where it stopped instead
 * of starting over. Breakpoints reach into it by path: `research/search` is `search` inside
 * `research`, `research/*` every node of it; or by the graph's compile key, wherever it runs.
 */
import { CheckpointSaver } from "../checkpoint/types";
import { InterruptList, RunConfig } from "../types";
import type { Engine } from "./engine";
import type { RunOutcome } from "./loop";
import type { Emitter } from "./stream-events";
import type { PlannedTask } from "./tasks";

/** What a parent hands to the subgraph running inside one of its tasks. */
export interface NestedScope {
  config: RunConfig;
  checkpointer?: CheckpointSaver;
  emit: Emitter;
  /** The parent task stopped before (an interrupt or breakpoint inside): the subgraph resumes. */
  resuming: boolean;
}

/** The side of a compiled graph that lets it run, and be answered, as a parent's node. */
export interface NestedGraph {
  runNested(input: unknown, scope: NestedScope): Promise<RunOutcome>;
  answerNested(scope: NestedScope, resume: unknown): Promise<void>;
  /** Its engine as a subgraph, saving to its parent's `saver`. */
  nestedEngine(saver: CheckpointSaver | undefined): Engine;
  /** Compiled with `checkpointer: true`: one history per thread, under a namespace without task ids. */
  readonly keepsHistory?: boolean;
}

export function isNestedGraph(value: unknown): value is NestedGraph {
  return typeof (value as NestedGraph | undefined)?.runNested === "function";
}

export function nestedGraphOf(engine: Engine, node: string): NestedGraph | undefined {
  const subgraph = engine.definition.nodes.get(node)?.subgraph;
  return isNestedGraph(subgraph) ? subgraph : undefined;
}

/**
 * The graph whose checkpoints a task of `node` keeps under its namespace: the node's subgraph, or
 * the graph its function was seen to invoke. Reading state goes through this; running a node
 * never does (a node that invokes a graph runs its own function).
 */
export function subgraphForState(engine: Engine, node: string): NestedGraph | undefined {
  const spec = engine.definition.nodes.get(node);
  if (isNestedGraph(spec?.subgraph)) return spec.subgraph;
  return isNestedGraph(spec?.invoked) ? spec.invoked : undefined;
}

/** The node a namespace segment names: `research` in `research:<taskId>`, `research:<taskId>#1` and `research`. */
export function nodeOfSegment(segment: string): string {
  return segment.replace(/:[^:]*$/, "");
}

/**
 * The namespace a task's subgraph checkpoints live under: `node:taskId` below the parent's, one per
 * run; for a subgraph that keeps its history, the node path alone (`research|desk`), as LangGraph
 * names it, so every run of that node in the thread finds the last one's checkpoints.
 */
export function childNamespace(parentNs: string, task: Pick<PlannedTask, "name" | "id">, nested?: Pick<NestedGraph, "keepsHistory">): string {
  if (nested?.keepsHistory) return [...(parentNs ? parentNs.split("|") : []), task.name].map(nodeOfSegment).join("|");
  const segment = `${task.name}:${task.id}`;
  return parentNs ? `${parentNs}|${segment}` : segment;
}

/**
 * The namespace of the `index`-th graph a node invokes in one run of its task (0 for the first):
 * each call keeps its own checkpoints, so a graph invoked twice runs twice from its input.
 */
export function callNamespace(ns: string, index: number): string {
  return index > 0 ? `${ns}#${index}` : ns;
}

/** The scope of the subgraph that runs inside `task` of a run with `config` (the `call`-th a node invokes). */
export function nestedScope(
  engine: Engine,
  task: Pick<PlannedTask, "name" | "id">,
  config: RunConfig,
  emit: Emitter,
  checkpointId?: string,
  resuming = false,
  call = 0,
): NestedScope {
  const parentNs = String(config.configurable?.checkpoint_ns ?? "");
  const ns = callNamespace(childNamespace(parentNs, task, subgraphForState(engine, task.name)), call);
  const parents = { ...(config.configurable?.checkpoint_map as Record<string, string> | undefined) };
  if (checkpointId) parents[parentNs] = checkpointId;
  return {
    checkpointer: engine.checkpointer,
    resuming,
    emit: emit.nested(ns.split("|").pop()!),
    config: {
      configurable: { thread_id: config.configurable?.thread_id, checkpoint_ns: ns, checkpoint_map: parents },
      signal: config.signal,
      pauseSignal: config.pauseSignal,
      recursionLimit: config.recursionLimit,
      interruptBefore: childList(config.interruptBefore ?? engine.interruptBefore, task.name),
      interruptAfter: childList(config.interruptAfter ?? engine.interruptAfter, task.name),
      onTaskStart: config.onTaskStart,
    },
  };
}

/**
 * `research/search` in the parent's list is `search` in the list of the `research` subgraph, and
 * `research/*` is every node of it. Names of a graph by its key (`@file:line:column/node`) pass
 * down unchanged: they apply wherever that graph runs, however deep.
 */
function childList(list: InterruptList | undefined, node: string): InterruptList | undefined {
  if (list === undefined || list === "*") return list;
  const prefix = `${node}/`;
  const inner = list.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  if (inner.includes("*")) return "*";
  const keyed = list.filter((name) => name.startsWith("@"));
  return inner.length + keyed.length > 0 ? [...inner, ...keyed] : undefined;
}

/** The list a nested run of the graph keyed `graphKey` uses: its keyed names become its own node names. */
export function listForGraph(list: InterruptList | undefined, graphKey: string | undefined): InterruptList | undefined {
  if (list === undefined || list === "*" || !graphKey) return list;
  const prefix = `${graphKey}/`;
  const own = list.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  return own.length > 0 ? [...list, ...own] : list;
}
