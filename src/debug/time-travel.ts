/**
 * Finding checkpoints in a thread's history for Step Back and Reverse Continue. Step Back goes to
 * the parent of the checkpoint being viewed; Reverse Continue walks up the parents to the nearest
 * checkpoint where a breakpoint would have stopped the run (a before-node pending, or an
 * after-node having written it), or to the thread's first checkpoint when none would.
 */
import type { HistoryEntry, NodeBreakpoints } from "../protocol/debug";

export function breakpointBefore(entries: HistoryEntry[], fromId: string, lists: NodeBreakpoints): HistoryEntry | undefined {
  const byId = new Map(entries.map((entry) => [entry.checkpointId, entry]));
  let current = byId.get(fromId);
  let oldest: HistoryEntry | undefined;
  while (current?.parentId) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    oldest = parent;
    if (stopsAt(parent, lists)) return parent;
    current = parent;
  }
  return oldest;
}

function stopsAt(entry: HistoryEntry, lists: NodeBreakpoints): boolean {
  const listed = (names: string[], nodes: string[]) => nodes.some((node) => node !== "__start__" && (names.includes("*") || names.includes(node)));
  return listed(lists.before, entry.next) || (entry.source === "loop" && listed(lists.after, entry.writtenBy));
}

export function shortId(checkpointId: string): string {
  return checkpointId.slice(0, 8);
}

export function pastWords(step: number, next: string[]): string {
  const where = next.length > 0 ? `before ${[...new Set(next)].join(", ")}` : "at the end";
  return `Step ${step}, ${where} (a past checkpoint: Continue forks the thread from here)`;
}
