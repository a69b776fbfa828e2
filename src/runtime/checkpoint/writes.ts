/**
 * Pending writes of one checkpoint, kept the way every saver must keep them: a task's special
 * writes (`__interrupt__`, `__resume__`, ...) replace the earlier one, its ordinary writes are kept
 * once (a retried task does not write twice), and they come back in LangGraph's `writesSortKey`
 * order (task path, task id, index). Shared by MemorySaver and FileSaver so both order alike.
 */
import { CheckpointPendingWrite, PendingWrite, writeIndex } from "./types";

export interface StoredWrite {
  taskId: string;
  taskPath: string;
  index: number;
  channel: string;
  value: unknown;
}

export class WriteSet {
  private readonly byKey = new Map<string, StoredWrite>();

  /** Adds a task's writes; returns the ones that were actually stored (for savers that log them). */
  add(writes: PendingWrite[], taskId: string, taskPath = ""): StoredWrite[] {
    const stored: StoredWrite[] = [];
    writes.forEach(([channel, value], position) => {
      const index = writeIndex(channel, position);
      const key = `${taskId}\u0000${index}`;
      if (index >= 0 && this.byKey.has(key)) return;
      const write = { taskId, taskPath, index, channel, value };
      this.byKey.set(key, write);
      stored.push(write);
    });
    return stored;
  }

  /** Puts back a write read from storage, with the same replace rule as `add`. */
  restore(write: StoredWrite): void {
    const key = `${write.taskId}\u0000${write.index}`;
    if (write.index >= 0 && this.byKey.has(key)) return;
    this.byKey.set(key, write);
  }

  get size(): number {
    return this.byKey.size;
  }

  ordered(): CheckpointPendingWrite[] {
    return [...this.byKey.values()].sort(compareWrites).map((w) => [w.taskId, w.channel, w.value]);
  }
}

function compareWrites(a: StoredWrite, b: StoredWrite): number {
  return compareCodePoints(a.taskPath, b.taskPath) || compareCodePoints(a.taskId, b.taskId) || a.index - b.index;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** String order by code point, as LangGraph (and Python) sort: astral characters after the BMP. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  // Without surrogate pairs, UTF-16 order is code-point order: the common, cheap case.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = left[i].codePointAt(0)! - right[i].codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}
