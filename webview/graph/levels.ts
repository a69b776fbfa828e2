/**
 * Subgraph levels as the panel sees them. A snapshot is the root graph's, and each subgraph task in
 * it carries its subgraph's own snapshot (`state`), recursively; the panel names every node by its
 * path from the root (`research/search/read`), as breakpoints and the adapter do. These helpers find
 * a node by path, turn a checkpoint namespace into the path of the graph that owns it, list what is
 * pending at every depth, and say which groups a stop inside a subgraph should open.
 */
import type { GraphNodeView, GraphStateEvent, GraphView, SnapshotView, TaskView } from "../../src/protocol/debug";
import { nodePath } from "../../src/protocol/namespaces";

/** The node at `path` (`research/rank`), walking down through subgraphs. */
export function nodeAt(graph: GraphView | undefined, path: string): GraphNodeView | undefined {
  let level = graph;
  let found: GraphNodeView | undefined;
  for (const name of path.split("/")) {
    found = level?.nodes.find((node) => node.id === name);
    level = found?.subgraph;
  }
  return found;
}

/** The paths of every node that is a subgraph, at any depth. */
export function subgraphPaths(graph: GraphView, prefix = ""): string[] {
  return graph.nodes.flatMap((node) => node.subgraph ? [`${prefix}${node.id}`, ...subgraphPaths(node.subgraph, `${prefix}${node.id}/`)] : []);
}

/** The node path of the graph owning namespace `ns`: `research:1|search:2` is `research/search`. */
export function pathOfNamespace(ns: string | undefined): string {
  return nodePath(ns).join("/");
}

/** `research/search/read` lies in `research` and `research/search`. */
export function ancestorsOf(path: string): string[] {
  const names = path.split("/");
  return names.slice(0, -1).map((_, index) => names.slice(0, index + 1).join("/"));
}

export interface LevelMarks {
  next: string[];
  interrupted: string[];
  errored: string[];
}

/** Next, waiting and failed nodes of `snapshot` and of every subgraph snapshot under it, by path. */
export function marksAtEveryDepth(snapshot: SnapshotView, prefix: string, into: LevelMarks = { next: [], interrupted: [], errored: [] }): LevelMarks {
  const named = (name: string) => (prefix ? `${prefix}/${name}` : name);
  into.next.push(...snapshot.next.map(named));
  for (const task of snapshot.tasks) {
    if (task.interrupts.length) into.interrupted.push(named(task.name));
    if (task.error) into.errored.push(named(task.name));
    if (task.state) marksAtEveryDepth(task.state, named(task.name), into);
  }
  return into;
}

/** The deepest of `paths`: `research/rank` stands for `research` too, so only it is kept. */
export function deepest(paths: readonly string[]): string[] {
  return [...new Set(paths)].filter((path) => !paths.some((other) => other.startsWith(`${path}/`)));
}

/** Who asks interrupt `id` of `task`: the deepest subgraph task carrying it, by path (`research/rank`), else the task. */
export function askerOf(task: TaskView, id: string, prefix = ""): string {
  const path = prefix ? `${prefix}/${task.name}` : task.name;
  const inner = task.state?.tasks.find((child) => child.interrupts.some((interrupt) => interrupt.id === id));
  return inner ? askerOf(inner, id, path) : path;
}

/** The subgraph tasks with work pending inside, by path, at every depth. */
function busySubgraphs(snapshot: SnapshotView, prefix: string): string[] {
  return snapshot.tasks.flatMap((task) => {
    if (!task.state || (task.state.next.length === 0 && task.state.tasks.length === 0)) return [];
    const path = prefix ? `${prefix}/${task.name}` : task.name;
    return [path, ...busySubgraphs(task.state, path)];
  });
}

/** The groups a stop should open: the level the debugger is at and every subgraph with work pending. */
export function groupsToOpen(state: GraphStateEvent): string[] {
  const level = state.level?.path ?? [];
  const onLevel = level.map((_, index) => level.slice(0, index + 1).join("/"));
  const viewedFrom = pathOfNamespace(state.snapshot.checkpointNs);
  const outer = viewedFrom ? [...ancestorsOf(viewedFrom), viewedFrom] : [];
  return [...new Set([...onLevel, ...outer, ...busySubgraphs(state.snapshot, viewedFrom)])];
}

/** What makes one stop different from another, so a stop opens its groups once and never again. */
export function stopKey(state: GraphStateEvent): string {
  return [state.checkpointId, state.stop, state.status ?? "", state.level?.checkpointNs ?? "", state.snapshot.checkpointNs ?? ""].join("|");
}
