/**
 * Finding checkpoints in a thread's history for Step Back and Reverse Continue, at the level in
 * focus. Step Back goes to the parent of the checkpoint being viewed; Reverse Continue walks up the
 * parents to the nearest checkpoint where a breakpoint would have stopped the run (a before-node
 * pending, or an after-node having written it), or to the thread's first checkpoint when none
 * would. Inside a subgraph both walk its own checkpoints; past the subgraph's first one (its input
 * checkpoint is skipped: it is the moment its parent's task began) they leave the subgraph and go
 * on before the parent's checkpoint that started it, as stepping back out of a called function.
 * Reverse Continue also looks into the subgraphs it passes, for breakpoints on their nodes.
 */
import type { HistoryEntry, LevelView, NodeBreakpoints, SnapshotView } from "../protocol/debug";
import { levelOf, parentNamespace, pathOfNamespace, relativeTo } from "./levels";

/** A checkpoint of the thread at one level. */
export interface CheckpointAddress {
  checkpointId: string;
  checkpointNs: string;
}

/** Reads the root view with the addressed checkpoint nested in it and in focus. */
export type ViewReader = (address: CheckpointAddress) => Promise<SnapshotView>;

/** The view one checkpoint before `level`'s, or undefined at the thread's first checkpoint. */
export async function previousView(read: ViewReader, level: { checkpointNs: string; snapshot: SnapshotView }): Promise<SnapshotView | undefined> {
  const { checkpointNs: ns, snapshot } = level;
  if (snapshot.parentCheckpointId) {
    const view = await read({ checkpointId: snapshot.parentCheckpointId, checkpointNs: ns });
    if (!ns || levelOf(view, ns)?.snapshot.metadata.source !== "input") return view;
  }
  if (!ns) return undefined;
  const outerNs = parentNamespace(ns);
  const outerId = enclosingCheckpoint(snapshot.metadata.parents, outerNs);
  if (!outerId) return undefined;
  const outer = levelOf(await read({ checkpointId: outerId, checkpointNs: outerNs }), outerNs);
  return outer ? previousView(read, outer) : undefined;
}

/**
 * What the walks read: the checkpoints of a namespace, newest first (a page of them when `page` is
 * given: the newest `limit` older than `before`), and views of single checkpoints.
 */
export interface HistorySource {
  history(ns: string, page?: { limit: number; before?: string }): Promise<HistoryEntry[]>;
  read: ViewReader;
}

/** How many checkpoints a walk reads at a time: a long thread is read only as far back as the walk goes. */
const WALK_PAGE = 100;

/** A namespace's checkpoints by id, read a page at a time as a walk up the parents reaches older ones. */
class PagedLevel {
  private readonly byId = new Map<string, HistoryEntry>();
  /** The oldest id read so far (the next page is older); undefined before the first page. */
  private oldest: string | undefined;
  private done = false;

  constructor(private readonly source: HistorySource, private readonly ns: string) {}

  async get(id: string): Promise<HistoryEntry | undefined> {
    // Ids sort by time: one newer than the oldest read is in the pages read, or nowhere.
    while (!this.byId.has(id) && !this.done && (this.oldest === undefined || id < this.oldest)) await this.readPage();
    return this.byId.get(id);
  }

  private async readPage(): Promise<void> {
    const entries = await this.source.history(this.ns, { limit: WALK_PAGE, ...(this.oldest ? { before: this.oldest } : {}) });
    for (const entry of entries) {
      this.byId.set(entry.checkpointId, entry);
      if (this.oldest === undefined || entry.checkpointId < this.oldest) this.oldest = entry.checkpointId;
    }
    if (entries.length < WALK_PAGE) this.done = true;
  }
}

/**
 * Where Reverse Continue goes from `start`: the nearest earlier checkpoint a breakpoint stops at,
 * else the first one. Going back over a parent's checkpoint whose subgraph task ran, the walk
 * first looks inside that subgraph when a breakpoint names one of its nodes, as Continue would
 * have stopped there on the way forward.
 */
export async function breakpointBefore(source: HistorySource, start: LevelView, lists: NodeBreakpoints): Promise<CheckpointAddress | undefined> {
  let ns = start.checkpointNs;
  let fromId: string | undefined = start.snapshot.checkpointId;
  let oldest: CheckpointAddress | undefined;
  while (fromId) {
    const level = new PagedLevel(source, ns);
    const path = pathOfNamespace(ns);
    const relative = { before: relativeTo(lists.before, path), after: relativeTo(lists.after, path) };
    let current = await level.get(fromId);
    let parents = current?.parents;
    while (current?.parentId) {
      const parent = await level.get(current.parentId);
      if (!parent || (ns && parent.source === "input")) break;
      const inside = await stopInsideSubgraphs(source, ns, parent, lists);
      if (inside) return inside;
      oldest = { checkpointId: parent.checkpointId, checkpointNs: ns };
      if (stopsAt(parent, relative)) return oldest;
      current = parent;
      parents ??= parent.parents; // an edit's checkpoint may not record them; those before it do
    }
    if (!ns) break;
    // Out of the subgraph: on from the parent's checkpoint it ran under, which is not itself a stop.
    fromId = enclosingCheckpoint(parents, parentNamespace(ns));
    ns = parentNamespace(ns);
  }
  return oldest;
}

/** The newest checkpoint a breakpoint stops at in the subgraphs that ran under `entry` (of namespace `ns`). */
async function stopInsideSubgraphs(source: HistorySource, ns: string, entry: HistoryEntry, lists: NodeBreakpoints): Promise<CheckpointAddress | undefined> {
  const prefix = pathOfNamespace(ns).map((node) => `${node}/`).join("");
  const named = [...lists.before, ...lists.after];
  const wanted = entry.next.filter((node) => named.some((name) => name === "*" || name.startsWith(`${prefix}${node}/`)));
  if (wanted.length === 0) return undefined;
  const level = levelOf(await source.read({ checkpointId: entry.checkpointId, checkpointNs: ns }), ns);
  for (const task of level?.snapshot.tasks ?? []) {
    if (!task.checkpointNs || !wanted.includes(task.name)) continue;
    const childNs = task.checkpointNs;
    const path = pathOfNamespace(childNs);
    const relative = { before: relativeTo(lists.before, path), after: relativeTo(lists.after, path) };
    const ran = (await source.history(childNs)).filter((inner) => inner.source !== "input" && inner.parents?.[ns] === entry.checkpointId);
    for (const inner of ran) {
      const deeper = await stopInsideSubgraphs(source, childNs, inner, lists);
      if (deeper) return deeper;
      if (stopsAt(inner, relative)) return { checkpointId: inner.checkpointId, checkpointNs: childNs };
    }
  }
  return undefined;
}

function enclosingCheckpoint(parents: unknown, ns: string): string | undefined {
  return (parents as Record<string, string> | undefined)?.[ns];
}

function stopsAt(entry: HistoryEntry, lists: NodeBreakpoints): boolean {
  const listed = (names: string[], nodes: string[]) => nodes.some((node) => node !== "__start__" && (names.includes("*") || names.includes(node)));
  return listed(lists.before, entry.next) || (entry.source === "loop" && listed(lists.after, entry.writtenBy));
}

export function shortId(checkpointId: string): string {
  return checkpointId.slice(0, 8);
}

/** `Step 1, before tick (...)`; inside a subgraph, `Step 1 of research, before research/summarize (...)`. */
export function pastWords(step: number, next: string[], path: string[] = []): string {
  const prefix = path.map((node) => `${node}/`).join("");
  const where = next.length > 0 ? `before ${[...new Set(next)].map((node) => `${prefix}${node}`).join(", ")}` : "at the end";
  const of = path.length > 0 ? ` of ${path.join("/")}` : "";
  return `Step ${step}${of}, ${where} (a past checkpoint: Continue forks the thread from here)`;
}
