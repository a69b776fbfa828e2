/**
 * Subgraph levels as the adapter sees them. A snapshot from the runner is the root graph's, with
 * each subgraph task carrying its subgraph's own snapshot in `state` and the namespace it runs
 * under in `checkpointNs` (`research:<taskId>`, deeper levels joined with "|"). A level is named
 * two ways: by namespace (how checkpoints are addressed) and by node path (`research/search`, how
 * breakpoints and the Call Stack name nodes). These helpers go from one to the other, find the
 * level in focus, and list what is pending at every depth.
 */
import type { GraphView, LevelView, SnapshotView } from "../protocol/debug";
import { nodePath, parentNamespace } from "../protocol/namespaces";

/** The level of `view` under namespace `ns` ("" is the root), or undefined when the view does not reach it. */
export function levelOf(view: SnapshotView, ns: string): LevelView | undefined {
  if (!ns) return { checkpointNs: "", path: [], snapshot: view };
  const walk = (snapshot: SnapshotView, path: string[]): LevelView | undefined => {
    for (const task of snapshot.tasks) {
      if (!task.checkpointNs || !task.state || !(ns === task.checkpointNs || ns.startsWith(`${task.checkpointNs}|`))) continue;
      if (task.checkpointNs === ns) return { checkpointNs: ns, path: [...path, task.name], snapshot: task.state };
      const deeper = walk(task.state, [...path, task.name]);
      if (deeper) return deeper;
    }
    return undefined;
  };
  return walk(view, []);
}

/** The level the view is at: its `focusNs`, or the root when that level is not in the view. */
export function focusLevel(view: SnapshotView): LevelView {
  return levelOf(view, view.focusNs ?? "") ?? levelOf(view, "")!;
}

/** The node path of the graph that owns namespace `ns`: `research:1|deep:2` is `["research", "deep"]`. */
export const pathOfNamespace = nodePath;
export { parentNamespace };

/**
 * What will run next, by path, at the deepest level where work is pending: `research/summarize`
 * while the subgraph of `research` waits before `summarize`, `research` before it starts.
 */
export function pendingPaths(view: SnapshotView, prefix = ""): string[] {
  const paths = view.tasks.flatMap((task) => {
    const inner = task.state && task.state.next.length > 0 ? pendingPaths(task.state, `${prefix}${task.name}/`) : [];
    return inner.length > 0 ? inner : [`${prefix}${task.name}`];
  });
  return paths.length > 0 || view.tasks.length > 0 ? paths : view.next.map((name) => `${prefix}${name}`);
}

/** The paths of the tasks waiting in `interrupt()`, at the deepest level that asked. */
export function waitingPaths(view: SnapshotView, prefix = ""): string[] {
  return view.tasks.flatMap((task) => {
    if (task.interrupts.length === 0) return [];
    const inner = task.state ? waitingPaths(task.state, `${prefix}${task.name}/`) : [];
    return inner.length > 0 ? inner : [`${prefix}${task.name}`];
  });
}

/** The graph drawn for the subgraph at `path` (the root for `[]`). */
export function graphAt(graph: GraphView | undefined, path: string[]): GraphView | undefined {
  let current = graph;
  for (const node of path) current = current?.nodes.find((candidate) => candidate.id === node)?.subgraph;
  return current;
}

/** The nodes of the graph at `path`, as paths from the root (`research/search`). */
export function nodePathsAt(graph: GraphView | undefined, path: string[]): string[] {
  const prefix = path.map((node) => `${node}/`).join("");
  return (graphAt(graph, path)?.nodes ?? []).map((node) => node.id).filter((id) => id !== "__start__" && id !== "__end__").map((id) => `${prefix}${id}`);
}

/** Every node of the graph and its subgraphs, by path, with its drawn node (for its `addNode` site). */
export function allNodePaths(graph: GraphView, prefix = ""): Array<{ path: string; node: GraphView["nodes"][number] }> {
  return graph.nodes
    .filter((node) => node.id !== "__start__" && node.id !== "__end__")
    .flatMap((node) => [{ path: `${prefix}${node.id}`, node }, ...(node.subgraph ? allNodePaths(node.subgraph, `${prefix}${node.id}/`) : [])]);
}

/** Whether a breakpoint name stops before (or after) the node at `nodePath`: the same path, `*`, or `<ancestor>/*`. */
export function namesNode(name: string, nodePath: string): boolean {
  if (name === "*" || name === nodePath) return true;
  return name.endsWith("/*") && nodePath.startsWith(name.slice(0, -1));
}

/** Every node a breakpoint can name: the graph's by path, the program's other graphs' by `<key>/<node>`. */
export function breakpointNodes(graph: GraphView): Array<{ path: string; node: GraphView["nodes"][number] }> {
  return [...allNodePaths(graph), ...(graph.otherGraphs ?? []).flatMap((other) => allNodePaths(other.graph, `${other.key}/`))];
}

/**
 * The other names of a node path: `<key>/<rest>` for each keyed graph on the way to it, so a
 * breakpoint set on a graph by its key (before it was seen running under a node) is known as hit.
 */
export function keyedAliases(graph: GraphView | undefined, nodePath: string): string[] {
  const parts = nodePath.split("/");
  const aliases: string[] = [];
  let current = graph;
  for (let depth = 0; depth < parts.length - 1 && current; depth++) {
    current = current.nodes.find((node) => node.id === parts[depth])?.subgraph;
    if (current?.graphKey) aliases.push(`${current.graphKey}/${parts.slice(depth + 1).join("/")}`);
  }
  return aliases;
}

/** Node lists of the whole graph seen from the level at `path`: `research/search` is `search` there. */
export function relativeTo(names: string[], path: string[]): string[] {
  const prefix = path.map((node) => `${node}/`).join("");
  return names.flatMap((name) => {
    if (name === "*") return ["*"];
    if (!name.startsWith(prefix)) return [];
    const rest = name.slice(prefix.length);
    return rest.includes("/") ? [] : [rest];
  });
}
