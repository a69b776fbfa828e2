/**
 * Orders a thread's checkpoints for the timeline: oldest first, as a tree whose forks are branches.
 * At a checkpoint with several children, the child whose line leads to the head (or, when none does,
 * the oldest) continues at the same depth; every other child starts a branch one level deeper,
 * listed right under the checkpoint it forked from. Iterative, so a 10,000-step thread is fine.
 * A subgraph run's checkpoints (entries with a namespace) sit one level deeper right under the
 * checkpoint of the enclosing graph they ran from, the one whose next task was the subgraph, so
 * the timeline reads in the order things happened and reaches inside every subgraph.
 */
import type { HistoryEntry } from "../../src/protocol/debug";
import { pathOfNamespace } from "../graph/levels";
import { subgraphRuns } from "./history";

export interface TimelineRow {
  entry: HistoryEntry;
  /** 0 for the main line; +1 for each fork it sits in. */
  depth: number;
  /** The first checkpoint of a branch (drawn with a fork mark). */
  branchStart: boolean;
  isHead: boolean;
  /** For a subgraph's checkpoint: the subgraph's path (`research/search`). */
  subgraph?: string;
  /** The first checkpoint of a subgraph run (drawn with the subgraph's name). */
  runStart?: boolean;
}

function byAge(a: HistoryEntry, b: HistoryEntry): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.step - b.step;
}

export function timelineRows(entries: readonly HistoryEntry[], headId: string | undefined): TimelineRow[] {
  const runs = subgraphRuns(entries);
  const rows: TimelineRow[] = [];
  const place = (level: readonly HistoryEntry[], depth: number) => {
    for (const row of lineRows(level, headId, depth, level[0]?.checkpointNs ?? "")) {
      rows.push(row);
      for (const run of runs.get(row.entry.checkpointId) ?? []) place(run, row.depth + 1);
    }
  };
  place(entries.filter((entry) => !entry.checkpointNs), 0);
  // Runs whose enclosing checkpoint is gone from the history still show, at the end.
  const ids = new Set(entries.map((entry) => entry.checkpointId));
  for (const [anchor, lost] of runs) if (!ids.has(anchor)) lost.forEach((run) => place(run, 1));
  return rows;
}

/** One graph level's checkpoints (one namespace) as a tree of lines, forks one level deeper. */
function lineRows(entries: readonly HistoryEntry[], headId: string | undefined, baseDepth: number, ns: string): TimelineRow[] {
  const subgraph = ns ? { subgraph: pathOfNamespace(ns) } : {};
  const ids = new Set(entries.map((entry) => entry.checkpointId));
  const children = new Map<string | undefined, HistoryEntry[]>();
  for (const entry of entries) {
    const parent = entry.parentId && ids.has(entry.parentId) ? entry.parentId : undefined;
    const list = children.get(parent) ?? [];
    list.push(entry);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byAge);
  const onHeadLine = headLine(entries, headId);

  const rows: TimelineRow[] = [];
  // A stack of lines still to print: each is a first entry, its depth, and whether it starts a branch.
  const stack: { entry: HistoryEntry; depth: number; branchStart: boolean }[] = [];
  const roots = children.get(undefined) ?? [];
  const mainRoot = roots.find((root) => onHeadLine.has(root.checkpointId)) ?? roots[0];
  for (const root of [...roots].reverse()) {
    if (root !== mainRoot) stack.push({ entry: root, depth: baseDepth + 1, branchStart: true });
  }
  if (mainRoot) stack.push({ entry: mainRoot, depth: baseDepth, branchStart: false });
  while (stack.length) {
    const line = stack.pop()!;
    let entry: HistoryEntry | undefined = line.entry;
    let branchStart = line.branchStart;
    while (entry) {
      rows.push({ entry, depth: line.depth, branchStart, isHead: entry.checkpointId === headId, ...subgraph, ...(ns && !rows.length ? { runStart: true } : {}) });
      branchStart = false;
      const kids: HistoryEntry[] = children.get(entry.checkpointId) ?? [];
      const main: HistoryEntry | undefined = kids.find((kid) => onHeadLine.has(kid.checkpointId)) ?? kids[0];
      const forks = kids.filter((kid) => kid !== main);
      if (forks.length) {
        // The forks print first, one level deeper, then the main child continues at this depth.
        if (main) stack.push({ entry: main, depth: line.depth, branchStart: false });
        for (let index = forks.length - 1; index >= 0; index--) stack.push({ entry: forks[index], depth: line.depth + 1, branchStart: true });
        break;
      }
      entry = main;
    }
  }
  return rows;
}

/** The checkpoints from the head back to its root. */
function headLine(entries: readonly HistoryEntry[], headId: string | undefined): Set<string> {
  const parentOf = new Map(entries.map((entry) => [entry.checkpointId, entry.parentId]));
  const line = new Set<string>();
  let current = headId;
  while (current && parentOf.has(current) && !line.has(current)) {
    line.add(current);
    current = parentOf.get(current);
  }
  return line;
}
