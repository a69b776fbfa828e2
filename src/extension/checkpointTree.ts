/**
 * Turns a thread's checkpoint history (a list of entries linked by `parentId`) into what the
 * Checkpoints view shows: the line that leads to the head, newest first like `git log`, and under
 * each checkpoint where the thread forked, a branch item holding the other line (itself newest
 * first, with its own branches). A person reads the thread's main story top to bottom and opens
 * the forks where they happened. A subgraph run's checkpoints (entries with a namespace) hang the
 * same way under the checkpoint of the enclosing graph they ran from, as a branch named by the
 * subgraph's path, so time travel reaches inside. No VS Code import: the view maps these items to
 * TreeItems.
 */
import type { HistoryEntry } from "../protocol/debug";
import { parentNamespace, pathOfNamespace } from "../debug/levels";

export interface CheckpointNode {
  kind: "checkpoint";
  entry: HistoryEntry;
  label: string;
  description: string;
  tooltip: string;
  isHead: boolean;
  /** The checkpoint the session is showing (after time travel it differs from the head). */
  isCurrent: boolean;
  branches: BranchNode[];
}

export interface BranchNode {
  kind: "branch";
  /** The checkpoint the branch starts from, or undefined for history with no known parent. */
  forkedFrom?: string;
  label: string;
  description: string;
  items: CheckpointNode[];
  /** For a subgraph run: the subgraph's node path (`research/search`). */
  subgraph?: string;
}

export interface TreeOptions {
  headId?: string;
  currentId?: string;
  /** False when `next` is unknown (history read from the store without the graph). */
  showNext?: boolean;
}

interface Links {
  byId: Map<string, HistoryEntry>;
  children: Map<string, HistoryEntry[]>;
  newestBelow: Map<string, string>;
  /** The subgraph runs (each one namespace's checkpoints) by the checkpoint they ran from. */
  runs: Map<string, HistoryEntry[][]>;
}

/** The main line of the thread, newest first; forks and subgraph runs hang under the checkpoint they left from. */
export function checkpointTree(entries: readonly HistoryEntry[], options: TreeOptions = {}): CheckpointNode[] {
  const runs = runsByAnchor(entries);
  const items = levelTree(entries.filter((entry) => !entry.checkpointNs), options, runs);
  const ids = new Set(entries.map((entry) => entry.checkpointId));
  const lost = [...runs.entries()].filter(([anchor]) => !ids.has(anchor));
  if (lost.length > 0 && items.length > 0) items[items.length - 1].branches.push(...lost.flatMap(([, list]) => list.map((run) => runBranch(run, options, runs))));
  return items;
}

/** One graph level's checkpoints (the root's, or one subgraph run's, which has no head of its own), newest first. */
function levelTree(entries: readonly HistoryEntry[], options: TreeOptions, runs: Links["runs"], isRun = false): CheckpointNode[] {
  if (entries.length === 0) return [];
  const links = link(entries, runs);
  const head = (!isRun && options.headId && links.byId.get(options.headId)) || newest(entries);
  const headId = isRun ? "" : head.checkpointId;
  const main = lineTo(head, links);
  const items = main.map((entry, index) => node(entry, main[index - 1], links, options, headId));
  const orphans = entries.filter((entry) => isRoot(entry, links) && entry !== main[main.length - 1]);
  if (orphans.length > 0 && items.length > 0) {
    items[items.length - 1].branches.push(...orphans.map((root) => branch(root, undefined, links, options, headId)));
  }
  return items;
}

/** A subgraph run as a branch under the checkpoint it ran from; its own runs nest inside it. */
function runBranch(run: HistoryEntry[], options: TreeOptions, runs: Links["runs"]): BranchNode {
  const path = pathOfNamespace(run[0].checkpointNs ?? "").join("/");
  const items = levelTree(run, options, runs, true);
  const last = run.reduce((best, entry) => (isNewer(entry, best) ? entry : best));
  return { kind: "branch", subgraph: path, label: `Inside ${path}`, description: `${run.length} checkpoint${run.length === 1 ? "" : "s"}, to step ${last.step}`, items };
}

/** Groups the subgraphs' checkpoints into runs (one namespace from one enclosing checkpoint). */
function runsByAnchor(entries: readonly HistoryEntry[]): Links["runs"] {
  const byKey = new Map<string, { anchor: string; run: HistoryEntry[] }>();
  for (const entry of entries) {
    if (!entry.checkpointNs) continue;
    const anchor = entry.parents?.[parentNamespace(entry.checkpointNs)] ?? "";
    const key = `${anchor}\n${entry.checkpointNs}`;
    const found = byKey.get(key);
    if (found) found.run.push(entry);
    else byKey.set(key, { anchor, run: [entry] });
  }
  const runs: Links["runs"] = new Map();
  for (const { anchor, run } of byKey.values()) runs.set(anchor, [...(runs.get(anchor) ?? []), run]);
  return runs;
}

/** The checkpoints from the root to `tip`, newest first. */
function lineTo(tip: HistoryEntry, links: Links): HistoryEntry[] {
  const line: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (let at: HistoryEntry | undefined = tip; at && !seen.has(at.checkpointId); at = parentOf(at, links)) {
    seen.add(at.checkpointId);
    line.push(at);
  }
  return line;
}

/** A checkpoint item; `after` is the next entry on its own line (not a branch). */
function node(entry: HistoryEntry, after: HistoryEntry | undefined, links: Links, options: TreeOptions, headId: string): CheckpointNode {
  const offLine = (links.children.get(entry.checkpointId) ?? []).filter((child) => child !== after);
  return {
    kind: "checkpoint",
    entry,
    label: checkpointLabel(entry),
    description: describe(entry, entry.checkpointId === headId, options.showNext !== false),
    tooltip: tooltip(entry),
    isHead: entry.checkpointId === headId,
    isCurrent: entry.checkpointId === (options.currentId ?? headId),
    branches: [
      ...(links.runs.get(entry.checkpointId) ?? []).map((run) => runBranch(run, options, links.runs)),
      ...offLine.map((child) => branch(child, entry, links, options, headId)),
    ],
  };
}

/** The line that starts at `first` and runs to the newest checkpoint below it. */
function branch(first: HistoryEntry, from: HistoryEntry | undefined, links: Links, options: TreeOptions, headId: string): BranchNode {
  const tip = links.byId.get(links.newestBelow.get(first.checkpointId)!)!;
  const line = lineTo(tip, links);
  const own = line.slice(0, line.indexOf(first) + 1);
  const items = own.map((entry, index) => node(entry, own[index - 1], links, options, headId));
  return {
    kind: "branch",
    ...(from ? { forkedFrom: from.checkpointId } : {}),
    label: from ? `Branch from step ${from.step}` : "Earlier history",
    description: `${own.length} checkpoint${own.length === 1 ? "" : "s"}, to step ${tip.step}`,
    items,
  };
}

/** `3 agent`, `0 input`, `4 edit as agent`, `5 fork`. */
export function checkpointLabel(entry: HistoryEntry): string {
  const who = entry.writtenBy
    .filter((name) => name !== "__input__" && name !== entry.source)
    .map((name) => (name === "__start__" ? "start" : name));
  switch (entry.source) {
    case "input":
      return `${entry.step} input`;
    case "update":
      return `${entry.step} edit${who.length ? ` as ${who.join(", ")}` : ""}`;
    case "fork":
      return `${entry.step} fork`;
    default:
      return `${entry.step} ${who.length ? who.join(", ") : "step"}`;
  }
}

function describe(entry: HistoryEntry, isHead: boolean, showNext: boolean): string {
  const parts: string[] = [];
  if (showNext) parts.push(entry.next.length > 0 ? `next: ${entry.next.join(", ")}` : "end");
  if (isHead) parts.push("head");
  return parts.join(" · ");
}

function tooltip(entry: HistoryEntry): string {
  return [
    `Checkpoint ${entry.checkpointId}`,
    `step ${entry.step}, source ${entry.source}`,
    entry.writtenBy.length ? `written by ${entry.writtenBy.join(", ")}` : "",
    entry.next.length ? `next: ${entry.next.join(", ")}` : "",
    entry.createdAt,
  ].filter(Boolean).join("\n");
}

function link(entries: readonly HistoryEntry[], runs: Links["runs"]): Links {
  const byId = new Map(entries.map((entry) => [entry.checkpointId, entry]));
  const children = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    if (!entry.parentId || !byId.has(entry.parentId)) continue;
    children.set(entry.parentId, [...(children.get(entry.parentId) ?? []), entry]);
  }
  const links: Links = { byId, children, newestBelow: new Map(), runs };
  for (const entry of entries) newestBelow(entry, links);
  return links;
}

/** The newest checkpoint in `entry`'s subtree (memoised; iterative so long threads cannot overflow). */
function newestBelow(entry: HistoryEntry, links: Links): string {
  const order: HistoryEntry[] = [];
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (links.newestBelow.has(at.checkpointId) || seen.has(at.checkpointId)) continue;
    seen.add(at.checkpointId);
    order.push(at);
    stack.push(...(links.children.get(at.checkpointId) ?? []));
  }
  for (const at of order.reverse()) {
    let best = at;
    for (const child of links.children.get(at.checkpointId) ?? []) {
      const candidate = links.byId.get(links.newestBelow.get(child.checkpointId) ?? child.checkpointId)!;
      if (isNewer(candidate, best)) best = candidate;
    }
    links.newestBelow.set(at.checkpointId, best.checkpointId);
  }
  return links.newestBelow.get(entry.checkpointId)!;
}

function newest(entries: readonly HistoryEntry[]): HistoryEntry {
  return entries.reduce((best, entry) => (isNewer(entry, best) ? entry : best));
}

/** Later `createdAt` wins; equal times fall back to the higher step. */
function isNewer(a: HistoryEntry, b: HistoryEntry): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.step > b.step;
}

function parentOf(entry: HistoryEntry, links: Links): HistoryEntry | undefined {
  return entry.parentId ? links.byId.get(entry.parentId) : undefined;
}

function isRoot(entry: HistoryEntry, links: Links): boolean {
  return !parentOf(entry, links);
}
