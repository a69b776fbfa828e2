/**
 * The path taken at every depth. The root graph's path runs along the chain of checkpoints to the
 * one in view; each subgraph run that started from a checkpoint on that chain (the history links it
 * there through `parents`) adds its own path, from its newest checkpoint back, under the subgraph's
 * node path (`research/search`), and so on down. The level in view (a stop inside a subgraph, or a
 * subgraph checkpoint picked in the timeline) is followed to that very checkpoint, not to the run's
 * newest, so travelling back inside a subgraph shows the path up to there; a run that started from
 * the checkpoint in view is still to come there, so it lights nothing unless the view is inside it.
 */
import type { GraphView, HistoryEntry } from "../../src/protocol/debug";
import { chainTo, subgraphRuns } from "../timeline/history";
import { nodeAt, pathOfNamespace } from "./levels";
import { pathTaken, type PathTaken } from "./path";

/** A checkpoint in view at one level: "" is the root graph. */
export interface LevelInView {
  path: string;
  checkpointId: string;
  /** Used when the history has not caught up with the checkpoint yet (a stop that just happened). */
  parentId?: string;
}

export function pathAtEveryDepth(graph: GraphView, history: readonly HistoryEntry[], inView: readonly LevelInView[]): PathTaken {
  const byId = new Map(history.map((entry) => [entry.checkpointId, entry]));
  const runs = runsByAnchor(history);
  const focus = new Map(inView.map((level) => [level.path, level]));
  const taken: PathTaken = { nodes: new Set(), edges: new Set(), dynamicSources: new Set() };
  const visited = new Set<string>();
  const visit = (path: string, checkpointId: string, parentId?: string) => {
    const key = `${path}\n${checkpointId}`;
    const view = path ? nodeAt(graph, path)?.subgraph : graph;
    if (visited.has(key) || !view) return;
    visited.add(key);
    const chain = chainTo(byId, checkpointId, parentId);
    merge(taken, pathTaken(view, chain, path));
    chain.forEach((entry, index) => {
      // A run from the last checkpoint has not happened yet as far as that checkpoint knows,
      // unless the view is inside it (a stop in the subgraph).
      const last = index === chain.length - 1;
      for (const tip of runs.get(entry.checkpointId) ?? []) {
        const inner = pathOfNamespace(tip.checkpointNs);
        const level = focus.get(inner);
        if (level) visit(inner, level.checkpointId, level.parentId);
        else if (!last) visit(inner, tip.checkpointId);
      }
    });
  };
  for (const level of inView) visit(level.path, level.checkpointId, level.parentId);
  return taken;
}

/** For each checkpoint subgraph runs started from: the newest checkpoint of each of those runs. */
function runsByAnchor(history: readonly HistoryEntry[]): Map<string, HistoryEntry[]> {
  const newest = (a: HistoryEntry, b: HistoryEntry) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.step > a.step) ? b : a);
  return new Map([...subgraphRuns(history)].map(([anchor, runs]) => [anchor, runs.map((run) => run.reduce(newest))]));
}

function merge(into: PathTaken, from: PathTaken): void {
  from.nodes.forEach((node) => into.nodes.add(node));
  from.edges.forEach((edge) => into.edges.add(edge));
  from.dynamicSources.forEach((source) => into.dynamicSources.add(source));
}
