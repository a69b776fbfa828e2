/**
 * Giving answers to tasks that wait in `interrupt()`. Each waiting task keeps the list of answers
 * it has received (its `__resume__` write); an answer is appended to that list, so a node with two
 * `interrupt()` calls gets the first answer on its first call and the second on its second.
 * `Command({resume: {id: value}})` answers by interrupt id; a plain value answers every waiting task.
 */
import { INTERRUPT, RESUME } from "../constants";
import { Interrupt } from "../errors";
import { ThreadCursor } from "./cursor";
import { RunConfig } from "../types";
import type { Engine } from "./engine";
import { silentEmitter } from "./stream-events";
import { nestedGraphOf, nestedScope } from "./subgraph";
import { PlannedTask } from "./tasks";

const INTERRUPT_ID = /^[0-9a-f]{32}$/;

export function isResumeMap(resume: unknown): resume is Record<string, unknown> {
  if (typeof resume !== "object" || resume === null || Array.isArray(resume)) return false;
  const keys = Object.keys(resume);
  return keys.length > 0 && keys.every((key) => INTERRUPT_ID.test(key));
}

/** Tasks that wait in `interrupt()` at the cursor's checkpoint, in task order. */
export function waitingTasks(cursor: ThreadCursor, tasks: PlannedTask[]): Array<{ task: PlannedTask; interrupts: Interrupt[] }> {
  return tasks
    .map((task) => ({
      task,
      interrupts: cursor.pendingWrites.filter(([id, c]) => id === task.id && c === INTERRUPT).flatMap(([, , v]) => v as Interrupt[]),
    }))
    .filter((waiting) => waiting.interrupts.length > 0);
}

export function resumeList(cursor: ThreadCursor, taskId: string): unknown[] {
  const write = cursor.pendingWrites.find(([id, c]) => id === taskId && c === RESUME);
  return write ? (write[2] as unknown[]) : [];
}

/**
 * Records `resume` as the answer of the waiting tasks it addresses. A task that waits because its
 * subgraph waits passes the answer down to the subgraph's own checkpoint.
 */
export async function answerInterrupts(engine: Engine, cursor: ThreadCursor, tasks: PlannedTask[], resume: unknown, config: RunConfig): Promise<void> {
  const waiting = waitingTasks(cursor, tasks);
  const answers = new Map<PlannedTask, unknown[]>();
  const mapped = isResumeMap(resume);
  if (mapped) {
    for (const [interruptId, value] of Object.entries(resume)) {
      const owner = waiting.find((w) => w.interrupts.some((i) => i.id === interruptId));
      if (!owner) throw new Error(`No pending interrupt has id "${interruptId}"; pending: ${pendingIds(waiting)}`);
      answers.set(owner.task, [...(answers.get(owner.task) ?? []), value]);
    }
  } else {
    for (const { task } of waiting) answers.set(task, [resume]);
  }
  for (const [task, values] of answers) {
    const nested = nestedGraphOf(engine, task.name);
    if (!nested) {
      await appendAnswers(cursor, task, [...resumeList(cursor, task.id), ...values]);
      continue;
    }
    const own = waiting.find((w) => w.task === task)!.interrupts.map((i) => i.id);
    const forwarded = mapped ? Object.fromEntries(Object.entries(resume).filter(([id]) => own.includes(id))) : resume;
    await nested.answerNested(nestedScope(engine, task, config, silentEmitter, cursor.checkpoint.id), forwarded);
  }
}

export async function appendAnswers(cursor: ThreadCursor, task: PlannedTask, answers: unknown[]): Promise<void> {
  cursor.forget(task.id, RESUME);
  await cursor.putWrites(task.id, [[RESUME, answers]], task.pathKey);
}

function pendingIds(waiting: Array<{ interrupts: Interrupt[] }>): string {
  const ids = waiting.flatMap((w) => w.interrupts.map((i) => i.id));
  return ids.length > 0 ? ids.join(", ") : "none";
}
