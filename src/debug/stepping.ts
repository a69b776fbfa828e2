/**
 * The breakpoint lists one run is started with, by how it was started. Continue stops at the
 * session's breakpoints only. A step stops before the next node of the level the debugger is at,
 * or of any graph around it (a subgraph that ends goes back to its parent): a subgraph task of
 * that level runs whole (Step Over). Step Into adds `<task>/*` for the tasks pending at that
 * level, so the run stops before the first node of a graph that runs inside one (a subgraph node,
 * or a graph the node's function invokes); Step Out keeps only the graphs around
 * the level, so the run goes to the end of the current subgraph and stops at the parent's next
 * node. A `*` breakpoint stops before every node at every depth, whatever the mode.
 */
import type { GraphView, SnapshotView } from "../protocol/debug";
import type { InterruptList } from "../protocol/runner";
import type { BreakpointBook } from "./breakpoints";
import { focusLevel, nodePathsAt } from "./levels";
import type { RunMode } from "./stop-reason";

export interface RunLists {
  interruptBefore: InterruptList;
  interruptAfter: InterruptList;
}

export function runLists(mode: RunMode, lists: ReturnType<BreakpointBook["effective"]>, graph: GraphView | undefined, view: SnapshotView | null): RunLists {
  const interruptAfter: InterruptList = lists.afterAll ? "*" : lists.after;
  if (lists.beforeAll) return { interruptBefore: "*", interruptAfter };
  if (mode === "continue") return { interruptBefore: lists.before, interruptAfter };
  const level = view ? focusLevel(view) : { path: [] as string[], snapshot: null };
  const around = ancestors(level.path).flatMap((path) => nodePathsAt(graph, path));
  const here = mode === "stepOut" ? [] : nodePathsAt(graph, level.path);
  // Every node of a graph run inside a pending task: its subgraph, or a graph its function invokes.
  const entered = mode === "stepIn" && level.snapshot ? level.snapshot.next.map((node) => `${[...level.path, node].join("/")}/*`) : [];
  return { interruptBefore: [...new Set([...lists.before, ...around, ...here, ...entered])], interruptAfter };
}

/** The paths of every graph strictly around the level at `path`: `[["a"], []]` for `["a", "b"]`. */
function ancestors(path: string[]): string[][] {
  return path.map((_node, index) => path.slice(0, path.length - 1 - index));
}

