/**
 * Questions the panel asks of a thread's checkpoint history: the chain of checkpoints that led to
 * one (root first), the subgraph runs under each checkpoint they ran from, and which node
 * `updateState` would act as by default there. LangGraph infers that node as the one that finished last (from `versions_seen`); the history's `writtenBy` tells
 * the same story, so the panel can show the default even when the host does not send it.
 */
import type { HistoryEntry } from "../../src/protocol/debug";
import { START } from "../graph/scene";

/** Root first, ending at `checkpointId`; empty when the id is not in the history. */
export function ancestry(entries: readonly HistoryEntry[], checkpointId: string): HistoryEntry[] {
  return chainTo(new Map(entries.map((entry) => [entry.checkpointId, entry])), checkpointId);
}

/** Root first, ending at `checkpointId`; when the history has not caught up with it yet (a stop
 * that just happened), the chain up to `parentId` is still right. */
export function chainTo(byId: ReadonlyMap<string, HistoryEntry>, checkpointId: string, parentId?: string): HistoryEntry[] {
  const chain: HistoryEntry[] = [];
  const seen = new Set<string>();
  let current = byId.get(checkpointId) ?? (parentId ? byId.get(parentId) : undefined);
  while (current && !seen.has(current.checkpointId)) {
    seen.add(current.checkpointId);
    chain.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain.reverse();
}

/** For a subgraph's checkpoint: the checkpoint of the enclosing graph (one level up) it ran from. */
function anchorOf(entry: HistoryEntry): string | undefined {
  const ns = entry.checkpointNs;
  if (!ns) return undefined;
  return entry.parents?.[ns.includes("|") ? ns.slice(0, ns.lastIndexOf("|")) : ""];
}

/** A subgraph run: the checkpoints of one namespace made from one checkpoint of the enclosing graph. */
export type SubgraphRun = HistoryEntry[];

/** The thread's subgraph runs, by the enclosing checkpoint each ran from ("" when none is recorded). */
export function subgraphRuns(entries: readonly HistoryEntry[]): Map<string, SubgraphRun[]> {
  const byKey = new Map<string, SubgraphRun>();
  const runs = new Map<string, SubgraphRun[]>();
  for (const entry of entries) {
    if (!entry.checkpointNs) continue;
    const anchor = anchorOf(entry) ?? "";
    const key = `${anchor}\n${entry.checkpointNs}`;
    const run = byKey.get(key);
    if (run) run.push(entry);
    else {
      byKey.set(key, [entry]);
      runs.set(anchor, [...(runs.get(anchor) ?? []), byKey.get(key)!]);
    }
  }
  return runs;
}

/** The graph nodes that wrote a checkpoint; an input checkpoint counts as written by `__start__`. */
export function writersOf(entry: HistoryEntry, nodeIds: ReadonlySet<string>): string[] {
  if (entry.source === "input") return nodeIds.has(START) ? [START] : [];
  return entry.writtenBy.filter((name) => nodeIds.has(name));
}

export type DefaultAsNode = { node: string } | { ambiguous: string[] } | { unknown: true };

/** What the engine would choose for `updateState` without `asNode` at the end of `chain`. */
export function defaultAsNode(chain: readonly HistoryEntry[], nodeIds: ReadonlySet<string>): DefaultAsNode {
  for (let index = chain.length - 1; index >= 0; index--) {
    const writers = writersOf(chain[index], nodeIds);
    if (writers.length === 1) return { node: writers[0] };
    if (writers.length > 1) return { ambiguous: writers };
  }
  return nodeIds.has(START) ? { node: START } : { unknown: true };
}
