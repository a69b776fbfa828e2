/**
 * How a run enters its thread, before the first superstep. New input starts a new run on the thread
 * (tasks still pending are dropped) and is saved as an `input` checkpoint. `null` or a resuming
 * `Command` continues from where the thread stopped. A `Command` with `update`/`goto` is applied and
 * saved as an `input` checkpoint. Addressing a past checkpoint replays from it: a `fork` copy is
 * saved first, so the old branch stays as it was.
 */
import { requireThreadId } from "../checkpoint/config";
import { INTERRUPT, NULL_TASK_ID, START } from "../constants";
import { EmptyInputError } from "../errors";
import { Command, RunConfig, isCommand } from "../types";
import { WritingTask, applyWrites } from "./apply-writes";
import { ThreadCursor } from "./cursor";
import { Engine, isHead, loadTuple } from "./engine";
import { Write, commandUpdate, routeWrite } from "./node-writes";
import { answerInterrupts } from "./resume";
import { Emitter } from "./stream-events";
import { planTasks } from "./tasks";

export async function startRun(engine: Engine, config: RunConfig, input: unknown, emit: Emitter): Promise<ThreadCursor> {
  const saver = engine.checkpointer;
  if (saver) requireThreadId(config, "put checkpoint");
  const tuple = saver ? await loadTuple(saver, config) : undefined;
  const cursor = new ThreadCursor(engine, config, tuple);
  const command = isCommand(input) ? input : undefined;
  const hasResume = command?.resume !== undefined && command.resume !== null;
  if (hasResume && !saver) throw new Error("Cannot use Command(resume=...) without checkpointer");
  if (command && !hasResume && !command.update && command.goto.length === 0) throw new EmptyInputError("Received empty Command input");

  const hasVersions = Object.keys(cursor.checkpoint.channel_versions).length > 0;
  const resuming = hasVersions && (input === null || input === undefined || hasResume);
  const travel = tuple && saver && config.configurable?.checkpoint_id ? await timeTravel(engine, tuple, hasResume) : undefined;
  if (travel) cursor.pendingWrites = [];

  const tasks = planTasks(cursor.checkpoint, engine.plan, engine.nodeNames, cursor.step);
  if (hasResume) await answerInterrupts(engine, cursor, tasks, command!.resume, config);
  const commandWrites = command ? commandInputWrites(engine, command) : [];
  if (commandWrites.length > 0 && !travel?.forks) await cursor.putWrites(NULL_TASK_ID, commandWrites, "");
  const nullWrites = cursor.pendingWrites.filter(([id]) => id === NULL_TASK_ID).map(([, c, v]): Write => [c, v]);
  if (travel?.forks) nullWrites.push(...commandWrites);
  if (nullWrites.length > 0) applyWrites(cursor.edit(), engine.plan, [inputTask(nullWrites)]);

  if (resuming || commandWrites.length > 0) {
    const checkpoint = cursor.edit();
    checkpoint.versions_seen = { ...checkpoint.versions_seen, [INTERRUPT]: { ...checkpoint.channel_versions } };
    if (travel?.forks) await cursor.put("fork");
    else if (!resuming) await cursor.put("input");
    emit.values(engine, cursor.checkpoint);
    return cursor;
  }
  if (command) return cursor; // a resume with nothing waiting: the thread goes on as it is
  if (input === null || input === undefined) throw new EmptyInputError(`Received no input writes for "${START}"`);
  // New input on a thread that was stopped: the pending tasks are dropped (marked seen, not run).
  const dropped = tasks.map((task) => ({ ...task, writes: [] }));
  applyWrites(cursor.edit(), engine.plan, [...dropped, inputTask([[START, input]])]);
  await cursor.put("input");
  return cursor;
}

/** Replaying from a past checkpoint: tasks re-run, and unless it is an unfinished edit, a fork is saved. */
async function timeTravel(engine: Engine, tuple: NonNullable<Awaited<ReturnType<typeof loadTuple>>>, hasResume: boolean) {
  const source = tuple.metadata?.source;
  const isEdit = source === "update" || source === "fork";
  const superseded = !(await isHead(engine.checkpointer!, tuple));
  const resumeAtHead = !superseded && !isEdit;
  if (hasResume || resumeAtHead) return undefined;
  return { forks: !isEdit || superseded };
}

function commandInputWrites(engine: Engine, command: Command): Write[] {
  return [...commandUpdate(engine, command), ...command.goto.map((target) => routeWrite(engine, START, target))].filter(
    ([channel]) => channel !== "",
  );
}

function inputTask(writes: Write[]): WritingTask {
  return { name: "__input__", pathKey: "", triggers: [], writes };
}
