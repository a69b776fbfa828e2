/**
 * Graphs a node invokes from inside its function (`await checker.invoke(...)`), which no builder
 * names: learned when they run. Each graph the program compiled has its `stream` (which `invoke`
 * calls) wrapped to read, from LangGraph.js's own `getConfig()`, the task it was called in; its
 * checkpoints live under that task's namespace, a later call of it in the same task under that
 * namespace plus a call segment (`check_all:<id>|1`). Graphs are kept by the path of node names
 * (`review/fact_check`), so the record does not grow with every task; the calls are counted for
 * the run in progress, so the newest call's checkpoints can be shown.
 */
import { NAMESPACE_SEPARATOR, nodeOfSegment, nodePath } from "../../../protocol/namespaces";

type StreamMethod = (this: object, ...args: unknown[]) => unknown;
type GetConfig = () => { configurable?: Record<string, unknown> } | undefined;

const WATCHED = Symbol.for("langgraph-debugger.invoked-watch");

export class InvokedGraphs {
  private readonly byPath = new Map<string, object>();
  /** Calls seen per task namespace in the run in progress. */
  private readonly calls = new Map<string, number>();
  private readonly byParent = new Map<object, Map<string, object>>();

  /** Told of each invocation while a run goes on (the run gives the graph its breakpoints by path). */
  onInvoke: ((graph: object, ns: string) => void) | undefined;

  constructor(compiled: readonly object[], root: object, private readonly getConfig: GetConfig | undefined, private readonly graphAt: (ns: string) => object) {
    for (const graph of compiled) if (graph !== root) this.watch(graph);
  }

  /** The invoked graph whose checkpoints are under namespace `ns`, if one was seen there. */
  at(ns: string): object | undefined {
    return this.byPath.get(pathOf(ns));
  }

  /** The namespace of the newest call made under task namespace `taskNs` in this run (the first: `taskNs` itself). */
  newestCall(taskNs: string): string {
    const count = this.calls.get(taskNs) ?? 1;
    return count > 1 ? `${taskNs}${NAMESPACE_SEPARATOR}${count - 1}` : taskNs;
  }

  /** A run starts: a node that runs again counts its calls from the first. */
  newRun(): void {
    this.calls.clear();
  }

  /** The graph node `node` of `builder`'s graph was seen invoking. */
  byBuilder(builder: object, node: string): object | undefined {
    for (const [parent, nodes] of this.byParent) {
      if ((parent as { builder?: object }).builder === builder && nodes.has(node)) return nodes.get(node);
    }
    return undefined;
  }

  /** The graphs seen invoked inside `graph`'s nodes. */
  inside(graph: object): object[] {
    return [...(this.byParent.get(graph)?.values() ?? [])];
  }

  private watch(graph: object): void {
    const target = graph as { stream: StreamMethod & { [WATCHED]?: true } };
    const stream = target.stream;
    if (typeof stream !== "function" || stream[WATCHED]) return;
    const seen = (ns: string) => this.seen(ns, graph);
    const getConfig = this.getConfig;
    target.stream = Object.assign(function (this: object, ...args: unknown[]) {
      const ns = readNamespace(args[1]) ?? readNamespace(safeConfig(getConfig));
      if (ns) seen(ns);
      return stream.apply(this, args);
    }, { [WATCHED]: true as const });
  }

  private seen(ns: string, graph: object): void {
    this.calls.set(ns, (this.calls.get(ns) ?? 0) + 1);
    this.onInvoke?.(graph, this.newestCall(ns));
    this.byPath.set(pathOf(ns), graph);
    const segments = ns.split("|");
    const node = nodeOfSegment(segments[segments.length - 1]);
    let parent: object;
    try {
      parent = this.graphAt(segments.slice(0, -1).join("|"));
    } catch {
      return; // called from a graph the debugger does not follow
    }
    let nodes = this.byParent.get(parent);
    if (!nodes) this.byParent.set(parent, (nodes = new Map()));
    nodes.set(node, graph);
  }
}

function safeConfig(getConfig: GetConfig | undefined): unknown {
  try {
    return getConfig?.();
  } catch {
    return undefined; // outside a LangGraph run: not invoked from a node
  }
}

/** The task namespace a graph is invoked under, from its call's config (or the ambient one). */
function readNamespace(config: unknown): string | undefined {
  const ns = (config as { configurable?: { checkpoint_ns?: unknown } } | undefined)?.configurable?.checkpoint_ns;
  return typeof ns === "string" && ns !== "" ? ns : undefined;
}

function pathOf(ns: string): string {
  return nodePath(ns).join("/");
}
