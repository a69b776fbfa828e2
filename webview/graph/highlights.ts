/**
 * What the graph lights up for the checkpoint being viewed, and how: the nodes that run next, the
 * ones running now, the ones waiting in `interrupt()`, the one that threw, the node a
 * "break after" stopped behind, and the path taken to get there. Nodes inside subgraphs are lit
 * from the subgraph snapshots nested in the stop (named by path, `research/rank`), and a subgraph
 * node also says what happens inside it, so a collapsed group still shows that its insides run
 * next, wait or failed. Applying them only toggles classes (and a text flag, so state never relies
 * on color alone) on elements that already exist.
 */
import type { GraphStateEvent, GraphView, HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { writersOf } from "../timeline/history";
import type { DrawnGraph } from "./draw";
import { ancestorsOf, marksAtEveryDepth, pathOfNamespace } from "./levels";
import { pathAtEveryDepth, type LevelInView } from "./nestedPath";
import { edgeKey, type PathTaken } from "./path";

type Mark = "errored" | "interrupted" | "running" | "next";
/** Most urgent first: the order flags and words pick from. */
const MARKS: readonly Mark[] = ["errored", "interrupted", "running", "next"];

export interface Highlights {
  next: Set<string>;
  running: Set<string>;
  interrupted: Set<string>;
  errored: Set<string>;
  stoppedAfter: Set<string>;
  path: PathTaken;
  /** For each subgraph node (by path): the inner nodes, by path, that carry each mark. */
  inside: Record<Mark, Map<string, string[]>>;
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
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  // Who wrote the checkpoint in view: what a "break after" stopped behind.
  const written = snapshot && history?.find((entry) => entry.checkpointId === snapshot.checkpointId);
  // A subgraph's own checkpoint (picked in the timeline) names its nodes from inside that subgraph.
  const marks = snapshot ? marksAtEveryDepth(snapshot, pathOfNamespace(snapshot.checkpointNs)) : { next: [], interrupted: [], errored: [] };
  if (state?.level && snapshot?.checkpointId === state.checkpointId) marksAtEveryDepth(state.level.snapshot, state.level.path.join("/"), marks);
  const lit = {
    next: new Set(marks.next),
    running: new Set(atHead ? state?.running ?? [] : []),
    interrupted: new Set(marks.interrupted),
    errored: new Set(marks.errored),
  };
  return {
    ...lit,
    stoppedAfter: new Set(atHead && state?.stop === "breakpoint-after" && written ? writersOf(written, nodeIds) : []),
    path: pathAtEveryDepth(graph, history ?? [], snapshot ? levelsInView(snapshot, state) : []),
    inside: { next: byGroup(lit.next), running: byGroup(lit.running), interrupted: byGroup(lit.interrupted), errored: byGroup(lit.errored) },
  };
}

/** Inner paths under each group that holds them: `research/search/read` counts for both groups. */
function byGroup(paths: Set<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    for (const group of ancestorsOf(path)) groups.set(group, [...(groups.get(group) ?? []), path]);
  }
  return groups;
}

/** The checkpoint in view at each level, root first: the deepest level shown (the stop's level, or
 * the checkpoint picked) and the checkpoints of the graphs it ran under. */
function levelsInView(snapshot: SnapshotView, state: GraphStateEvent | undefined): LevelInView[] {
  const deepest = state?.level && snapshot.checkpointId === state.checkpointId ? state.level.snapshot : snapshot;
  const parents = (deepest.metadata.parents ?? {}) as Record<string, string>;
  const levels: LevelInView[] = Object.entries(parents).map(([ns, checkpointId]) => ({ path: pathOfNamespace(ns), checkpointId }));
  if (deepest !== snapshot && !("" in parents)) levels.push({ path: "", checkpointId: snapshot.checkpointId, ...parentOf(snapshot) });
  levels.push({ path: pathOfNamespace(deepest.checkpointNs), checkpointId: deepest.checkpointId, ...parentOf(deepest) });
  const depth = (path: string) => (path ? path.split("/").length : 0);
  return levels.sort((a, b) => depth(a.path) - depth(b.path));
}

function parentOf(snapshot: SnapshotView): { parentId?: string } {
  return snapshot.parentCheckpointId ? { parentId: snapshot.parentCheckpointId } : {};
}

const FLAGS: Record<Mark, { symbol: string; words: string; inside: string }> = {
  errored: { symbol: "!", words: "threw an error", inside: "an error inside" },
  interrupted: { symbol: "?", words: "waiting for your answer", inside: "waiting inside" },
  running: { symbol: "…", words: "running", inside: "running inside" },
  next: { symbol: "▶", words: "runs next", inside: "runs next inside" },
};

/** The flag drawn in a node's right slot, most urgent first; a subgraph's insides count when it has no mark of its own. */
function flagOf(id: string, highlights: Highlights): { symbol: string; words: string } | undefined {
  const own = MARKS.find((mark) => highlights[mark].has(id));
  const inner = MARKS.find((mark) => highlights.inside[mark].has(id));
  const insideWords = inner ? `${FLAGS[inner].inside} (${highlights.inside[inner].get(id)!.join(", ")})` : "";
  if (own) return { symbol: FLAGS[own].symbol, words: [FLAGS[own].words, insideWords].filter(Boolean).join(", ") };
  if (inner) return { symbol: FLAGS[inner].symbol, words: insideWords };
  if (highlights.stoppedAfter.has(id)) return { symbol: "‖", words: "paused after it" };
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
    for (const mark of MARKS) classes.toggle(`${mark}-inside`, highlights.inside[mark].has(id));
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
