/**
 * What the graph lights up for the checkpoint being viewed, and how: the nodes that run next, the
 * ones running now, the ones waiting in `interrupt()`, the one that threw, the node a
 * "break after" stopped behind, and the path taken to get there. Applying them only toggles classes
 * (and a text flag, so state never relies on color alone) on elements that already exist.
 */
import type { GraphStateEvent, GraphView, HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { ancestry, writersOf } from "../timeline/history";
import type { DrawnGraph } from "./draw";
import { edgeKey, pathTaken, type PathTaken } from "./path";

export interface Highlights {
  next: Set<string>;
  running: Set<string>;
  interrupted: Set<string>;
  errored: Set<string>;
  stoppedAfter: Set<string>;
  path: PathTaken;
}

export interface HighlightInput {
  graph: GraphView;
  state?: GraphStateEvent;
  viewed?: SnapshotView;
  history?: readonly HistoryEntry[];
}

export function computeHighlights({ graph, state, viewed, history }: HighlightInput): Highlights {
  const snapshot = viewed ?? state?.snapshot;
  const atHead = !!state && (!snapshot || snapshot.checkpointId === state.headCheckpointId);
  const chain = snapshot && history ? chainTo(history, snapshot.checkpointId, snapshot.parentCheckpointId) : [];
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const last = chain[chain.length - 1];
  return {
    next: new Set(snapshot?.next ?? []),
    running: new Set(atHead ? state?.running ?? [] : []),
    interrupted: new Set(snapshot?.tasks.filter((task) => task.interrupts.length).map((task) => task.name) ?? []),
    errored: new Set(snapshot?.tasks.filter((task) => task.error).map((task) => task.name) ?? []),
    stoppedAfter: new Set(atHead && state?.stop === "breakpoint-after" && last ? writersOf(last, nodeIds) : []),
    path: pathTaken(graph, chain),
  };
}

/** The checkpoints leading to this one; when the history has not caught up with it yet (a stop
 * that just happened), the path up to its parent is still right. */
function chainTo(history: readonly HistoryEntry[], checkpointId: string, parentId: string | undefined): HistoryEntry[] {
  const chain = ancestry(history, checkpointId);
  return chain.length || !parentId ? chain : ancestry(history, parentId);
}

/** The flag drawn in a node's right slot, most urgent first. */
function flagOf(id: string, highlights: Highlights): { symbol: string; words: string } | undefined {
  if (highlights.errored.has(id)) return { symbol: "!", words: "threw an error" };
  if (highlights.interrupted.has(id)) return { symbol: "?", words: "waiting for your answer" };
  if (highlights.running.has(id)) return { symbol: "…", words: "running" };
  if (highlights.next.has(id)) return { symbol: "▶", words: "runs next" };
  if (highlights.stoppedAfter.has(id)) return { symbol: "⏸", words: "paused after it" };
  return undefined;
}

export function applyHighlights(drawn: DrawnGraph, highlights: Highlights, describe: (id: string, status: string) => string): void {
  for (const [id, { element, flag, node }] of drawn.nodes) {
    if (node.kind === "dynamic") {
      element.classList.toggle("path", !!node.routeOf && highlights.path.dynamicSources.has(node.routeOf));
      continue;
    }
    const classes = element.classList;
    classes.toggle("next", highlights.next.has(id));
    classes.toggle("running", highlights.running.has(id));
    classes.toggle("interrupted", highlights.interrupted.has(id));
    classes.toggle("errored", highlights.errored.has(id));
    classes.toggle("stopped-after", highlights.stoppedAfter.has(id));
    classes.toggle("path", highlights.path.nodes.has(id));
    const status = flagOf(id, highlights);
    if (flag) flag.textContent = status?.symbol ?? "";
    if (node.kind === "node") element.setAttribute("aria-label", describe(id, status?.words ?? ""));
  }
  for (const { edge, element } of drawn.edges) {
    const onPath = edge.kind === "dynamic"
      ? highlights.path.dynamicSources.has(edge.source)
      : highlights.path.edges.has(edgeKey(edge.source, edge.target));
    element.classList.toggle("path", onPath);
  }
}
