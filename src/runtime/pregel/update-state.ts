/**
 * `updateState(config, values, asNode)`: write values as if `asNode` had returned them, so reducers
 * apply and `asNode`'s edges decide what runs next, and save that as a new `update` checkpoint
 * (after the addressed one: editing the past forks). Without `asNode` the last node that ran is
 * used. Special nodes: `__start__` (as input), `__input__` (a new input), `__copy__` (a sibling
 * fork), and `null` values with `__end__` (drop what is pending). One difference from LangGraph.js,
 * from the seed: an update without `asNode` while a task waits in `interrupt()` also becomes that
 * interrupt's answer, so the next `invoke(null)` resumes with it.
 */
import { CheckpointConfig } from "../checkpoint/types";
import { requireThreadId } from "../checkpoint/config";
import { END, INTERRUPT, NULL_TASK_ID, START } from "../constants";
import { InvalidUpdateError, missingCheckpointer } from "../errors";
import { applyWrites } from "./apply-writes";
import { ThreadCursor } from "./cursor";
import { Engine, loadTuple, stateOf } from "./engine";
import { derivedId } from "./ids";
import { nodeWrites, stateUpdates } from "./node-writes";
import { appendAnswers, resumeList, waitingTasks } from "./resume";
import { planTasks } from "./tasks";

export async function updateState(engine: Engine, config: CheckpointConfig, values: unknown, asNode?: string): Promise<CheckpointConfig> {
  const saver = engine.checkpointer;
  if (!saver) throw missingCheckpointer();
  requireThreadId(config, "put checkpoint");
  const tuple = await loadTuple(saver, config);
  const cursor = new ThreadCursor(engine, config, tuple);
  // An edit of a thread with no checkpoint is its step 0 (its step -1 if made as input).
  if (!tuple) cursor.step = asNode === "__input__" ? -1 : 0;
  const tasks = planTasks(cursor.checkpoint, engine.plan, engine.nodeNames, cursor.step);

  if ((values === null || values === undefined) && asNode === undefined) return save(cursor, "update");
  if (values === null && asNode === END) {
    applyWrites(cursor.edit(), engine.plan, finishedTasks(cursor, tasks, true));
    return save(cursor, "update");
  }
  if (asNode === "__copy__") {
    if (!tuple) throw new InvalidUpdateError("Cannot copy a non-existent checkpoint");
    await cursor.put("fork", tuple.parentConfig);
    return cursor.config;
  }
  if (asNode === "__input__") {
    applyWrites(cursor.edit(), engine.plan, [{ name: "__input__", pathKey: "", triggers: [], writes: [[START, values]] }]);
    return save(cursor, "input");
  }
  if (!config.configurable?.checkpoint_id && cursor.pendingWrites.length > 0) {
    const finished = finishedTasks(cursor, tasks, false).filter((task) => task.writes.length > 0);
    if (finished.length > 0) applyWrites(cursor.edit(), engine.plan, finished);
  }
  const node = asNode ?? inferNode(engine, cursor);
  if (node !== START && !engine.definition.nodes.has(node)) throw new InvalidUpdateError(`Node "${node}" does not exist`);
  const waiting = asNode === undefined
    ? waitingTasks(cursor, tasks).map(({ task }) => ({ name: task.name, answers: resumeList(cursor, task.id) }))
    : [];
  const writes = await nodeWrites(engine, node, values, stateOf(engine, cursor.checkpoint));
  const taskId = derivedId(cursor.checkpoint.id, INTERRUPT);
  if (tuple) await saver.putWrites(cursor.config, writes, taskId, `~${INTERRUPT}, 0`);
  applyWrites(cursor.edit(), engine.plan, [{ name: node, pathKey: `~${INTERRUPT}, 0`, triggers: [INTERRUPT], writes }]);
  // Which node the edit was made as: the one thing history cannot derive (the debugger shows it).
  await cursor.put("update", cursor.config, { writes: { [node]: stateUpdates(engine.plan, writes) ?? null } });
  if (waiting.length > 0) await carryAnswers(engine, cursor, waiting, values);
  return cursor.config;
}

async function save(cursor: ThreadCursor, source: "update" | "input"): Promise<CheckpointConfig> {
  await cursor.put(source);
  return cursor.config;
}

/** The planned tasks with the writes they saved (all of them marked as run when `dropAll`). */
function finishedTasks(cursor: ThreadCursor, tasks: ReturnType<typeof planTasks>, dropAll: boolean) {
  const failedOrWaiting = new Set(cursor.pendingWrites.filter(([, c]) => c === "__error__" || c === INTERRUPT).map(([id]) => id));
  const byTask = tasks.map((task) => ({
    ...task,
    writes: cursor.pendingWrites
      .filter(([id, c]) => id === task.id && !failedOrWaiting.has(id) && c !== "__resume__")
      .map(([, c, v]): [string, unknown] => [c, v]),
  }));
  const nullWrites = cursor.pendingWrites.filter(([id]) => id === NULL_TASK_ID).map(([, c, v]): [string, unknown] => [c, v]);
  const input = nullWrites.length > 0 ? [{ name: "__input__", pathKey: "", triggers: [], writes: nullWrites }] : [];
  return dropAll ? [...input, ...byTask] : byTask;
}

/** The node that ran last, read from which node saw the newest channel version. */
function inferNode(engine: Engine, cursor: ThreadCursor): string {
  const seen: Array<[number, string]> = [];
  for (const [node, versions] of Object.entries(cursor.checkpoint.versions_seen)) {
    if (node === INTERRUPT) continue;
    for (const version of Object.values(versions)) seen.push([Number(version), node]);
  }
  if (seen.length === 0) return START;
  seen.sort((a, b) => a[0] - b[0]);
  const [last, previous] = [seen[seen.length - 1], seen[seen.length - 2]];
  if (!previous || last[0] !== previous[0]) return last[1];
  throw new InvalidUpdateError('Ambiguous update, specify "asNode"');
}

/**
 * The seed's "resume with input": the oldest waiting task gets the update as its next answer, and
 * every waiting task keeps the answers it had, now on the new checkpoint's task of the same node.
 */
async function carryAnswers(engine: Engine, cursor: ThreadCursor, waiting: Array<{ name: string; answers: unknown[] }>, values: unknown) {
  const tasks = planTasks(cursor.checkpoint, engine.plan, engine.nodeNames, cursor.step);
  for (const [index, { name, answers }] of waiting.entries()) {
    const task = tasks.find((t) => t.name === name);
    const carried = index === 0 ? [...answers, values] : answers;
    if (task && carried.length > 0) await appendAnswers(cursor, task, carried);
  }
}

