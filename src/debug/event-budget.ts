/**
 * What a `graphState` event carries of the state. The event goes to every listener at every stop
 * (and when a run starts), so it must cost the same at step 10,000 of a chat as at step 10: a
 * snapshot's values, and a task's input (the state again, for most tasks), travel only while they
 * are small. A larger one is left out and marked (`valuesOmitted`, `inputOmitted`); the panel
 * then asks for that checkpoint's values with the `values` request: first with long strings cut
 * (enough to draw its rows at once), then whole. Telling small from large reads at most the
 * budget's worth of the value, never all of it.
 */
import type { SnapshotView, TaskView } from "../protocol/debug";

/** About this many characters of JSON per value at most (a few hundred chat messages). */
export const EVENT_VALUE_BUDGET = 64 * 1024;

/** A copy of the snapshot tree fit for an event: large values and inputs left out, at every depth. */
export function withinBudget(snapshot: SnapshotView, budget = EVENT_VALUE_BUDGET): SnapshotView {
  const tasks = snapshot.tasks.map((task) => taskWithinBudget(task, budget));
  if (!isLarger(snapshot.values, budget)) return { ...snapshot, tasks };
  return { ...snapshot, values: {}, valuesOmitted: true, tasks };
}

function taskWithinBudget(task: TaskView, budget: number): TaskView {
  const state = task.state ? { state: withinBudget(task.state, budget) } : {};
  if (task.input === undefined || !isLarger(task.input, budget)) return { ...task, ...state };
  const { input: _left, ...rest } = task;
  return { ...rest, ...state, inputOmitted: true };
}

/** Whether `value` as JSON is longer than `budget` characters (roughly), reading no more of it than that. */
export function isLarger(value: unknown, budget: number): boolean {
  let left = budget;
  const over = (item: unknown): boolean => {
    if (typeof item === "string") left -= item.length + 2;
    else if (typeof item !== "object" || item === null) left -= 6;
    else if (Array.isArray(item)) {
      left -= 2;
      for (let i = 0; i < item.length; i++) {
        left -= 1;
        if (over(item[i])) return true;
      }
    } else {
      left -= 2;
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        left -= key.length + 4;
        if (over((item as Record<string, unknown>)[key])) return true;
      }
    }
    return left < 0;
  };
  return over(value);
}

/**
 * `value` with every string longer than `limit` cut to `limit` characters; `clipped` says whether
 * any was. A view that shows a row per value needs no more, and a state of long messages shrinks
 * to a small part of itself (the whole is asked for after it is shown).
 */
export function clipStrings(value: unknown, limit: number): { value: unknown; clipped: boolean } {
  let clipped = false;
  const clip = (item: unknown): unknown => {
    if (typeof item === "string") {
      if (item.length <= limit) return item;
      clipped = true;
      return item.slice(0, limit);
    }
    if (typeof item !== "object" || item === null) return item;
    if (Array.isArray(item)) return item.map(clip);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(item)) Object.defineProperty(out, key, { value: clip(inner), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return { value: clip(value), clipped };
}
