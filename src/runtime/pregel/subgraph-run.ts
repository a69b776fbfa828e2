/**
 * The nested side of subgraphs: running a compiled graph inside a parent's task (a fresh run, or a
 * resume when its namespace holds a checkpoint that still has work to do), passing answers down to
 * it, finding the graph that owns a namespace, and the nested snapshots of `getState(config,
 * {subgraphs: true})`.
 */
import { CheckpointConfig, CheckpointSaver } from "../checkpoint/types";
import { StateSnapshot } from "../types";
import { INTERRUPT, RESUME } from "../constants";
import { GraphInterrupt } from "../errors";
import { ThreadCursor } from "./cursor";
import { TaskScratchpad } from "./interrupt";
import { Engine } from "./engine";
import { RunOutcome, SuperstepLoop } from "./loop";
import { answerInterrupts } from "./resume";
import { startRun } from "./run-start";
import { emptySnapshot, snapshotOf } from "./snapshot";
import { NestedScope, callNamespace, childNamespace, listForGraph, nodeOfSegment, subgraphForState } from "./subgraph";
import { planTasks } from "./tasks";

/**
 * The subgraph resumes from its namespace's head when its parent task stopped inside it before, or
 * when the head still has work (a replay prepared it); otherwise it starts on the parent's input.
 */
export async function runNested(engine: Engine, input: unknown, scope: NestedScope): Promise<RunOutcome> {
  const head = await engine.checkpointer?.getTuple(headAddress(scope.config));
  const resumes = head !== undefined && (scope.resuming || snapshotOf(engine, head).next.length > 0);
  const config = {
    ...scope.config,
    interruptBefore: listForGraph(scope.config.interruptBefore, engine.graphKey),
    interruptAfter: listForGraph(scope.config.interruptAfter, engine.graphKey),
  };
  const cursor = await startRun(engine, config, resumes ? null : input, scope.emit);
  return new SuperstepLoop(engine, config, scope.emit, cursor).run();
}

/**
 * A graph invoked from inside a node: it runs as that task's subgraph. Its interrupts stop the
 * task, and each answer the task gets for one of them counts as one `interrupt()` call of the
 * node: when the node runs again, the answers the graph already holds are skipped over, and the
 * next one goes to the question it waits on, so plain `interrupt()` calls and any number of
 * invoked graphs share the task's answers in the order they asked.
 */
export async function invokeInTask(engine: Engine, input: unknown, task: TaskScratchpad, scope: NestedScope): Promise<Record<string, unknown>> {
  const head = await engine.checkpointer?.getTuple(headAddress(scope.config));
  if (head) {
    task.calls += await answersHeld(engine, scope);
    const waits = (head.pendingWrites ?? []).some(([, channel]) => channel === INTERRUPT);
    if (waits && task.calls < task.resume.length) await answerNested(engine, scope, task.resume[task.calls++]);
  }
  const outcome = await runNested(engine, input, scope);
  if (outcome.interrupts) throw new GraphInterrupt(outcome.interrupts);
  return outcome.values;
}

/**
 * How many answers an invoked graph's run has been given: on each of its checkpoints, the most any
 * task there got (one answer can serve tasks that asked side by side). Only this run's checkpoints
 * count (those made under the same parent checkpoints), for a graph that keeps its history.
 */
async function answersHeld(engine: Engine, scope: NestedScope): Promise<number> {
  const under = Object.entries((scope.config.configurable?.checkpoint_map ?? {}) as Record<string, string>);
  let held = 0;
  for await (const tuple of engine.checkpointer!.list(headAddress(scope.config))) {
    if (!under.every(([ns, id]) => tuple.metadata?.parents?.[ns] === id)) continue;
    const lengths = (tuple.pendingWrites ?? []).filter(([, channel, value]) => channel === RESUME && Array.isArray(value)).map(([, , value]) => (value as unknown[]).length);
    held += Math.max(0, ...lengths);
  }
  return held;
}

export async function answerNested(engine: Engine, scope: NestedScope, resume: unknown): Promise<void> {
  const tuple = await engine.checkpointer?.getTuple(headAddress(scope.config));
  if (!tuple) return;
  const cursor = new ThreadCursor(engine, scope.config, tuple);
  const tasks = planTasks(cursor.checkpoint, engine.plan, engine.nodeNames, cursor.step);
  await answerInterrupts(engine, cursor, tasks, resume, scope.config);
}

/** The engine of the (sub)graph whose checkpoints live under `ns`, using `saver`. */
export function engineForNamespace(engine: Engine, ns: string, saver: CheckpointSaver | undefined): Engine {
  let current = engine;
  for (const segment of ns ? ns.split("|") : []) {
    const node = nodeOfSegment(segment);
    const nested = subgraphForState(current, node);
    if (!nested) throw new Error(`No subgraph node "${node}" for checkpoint namespace "${ns}"`);
    current = nested.nestedEngine(saver);
  }
  return current;
}

/** A snapshot whose subgraph tasks carry their subgraph's config, or its whole snapshot. */
export async function snapshotWithSubgraphs(engine: Engine, config: CheckpointConfig, subgraphs: boolean): Promise<StateSnapshot> {
  const tuple = await engine.checkpointer!.getTuple(stateAddress(config));
  if (!tuple) return emptySnapshot(config);
  const snapshot = snapshotOf(engine, tuple, !config.configurable?.checkpoint_id);
  const ns = String(tuple.config.configurable?.checkpoint_ns ?? "");
  for (const task of snapshot.tasks) {
    const nested = subgraphForState(engine, task.name);
    if (!nested) continue;
    const threadId = tuple.config.configurable?.thread_id;
    const childEngine = nested.nestedEngine(engine.checkpointer);
    const childNs = await latestCall(childEngine, threadId, childNamespace(ns, task, nested), engine.definition.nodes.get(task.name)?.subgraph !== nested);
    const childConfig = { configurable: { thread_id: threadId, checkpoint_ns: childNs } };
    task.state = subgraphs ? await snapshotWithSubgraphs(childEngine, childConfig, true) : childConfig;
  }
  return snapshot;
}

/** For a graph a node invokes: the namespace of its last call in that task (a node may invoke it again and again). */
async function latestCall(engine: Engine, threadId: string | undefined, ns: string, invoked: boolean): Promise<string> {
  if (!invoked) return ns;
  let call = 0;
  while (await engine.checkpointer?.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: callNamespace(ns, call + 1) } })) call += 1;
  return callNamespace(ns, call);
}

export function stateAddress(config: CheckpointConfig): CheckpointConfig {
  const configurable = config.configurable ?? {};
  return { configurable: { ...configurable, checkpoint_ns: configurable.checkpoint_ns ?? "" } };
}

function headAddress(config: CheckpointConfig): CheckpointConfig {
  return { configurable: { thread_id: config.configurable?.thread_id, checkpoint_ns: config.configurable?.checkpoint_ns ?? "" } };
}
