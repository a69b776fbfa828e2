/**
 * One run on the user's LangGraph.js, set up through its public API only. Breakpoints: the root
 * graph's go in the stream call's `interruptBefore`/`interruptAfter`; a subgraph's (`research/search`,
 * `*` at every depth, `@<key>/node` for a graph a node invokes) are set on the compiled subgraph
 * objects for the run and put back after. Pause: LangGraph.js's `RunControl` drains the run at the
 * next superstep boundary where the installed version has it; an older one is stopped now and
 * resumes from its last checkpoint (the Debug Console says so). Progress: a callback handler, run
 * inline (`awaitHandlers`), hears each task's node start before its first line runs.
 */
import type { InterruptList } from "../../../protocol/runner";
import type { RunHooks, RunSetup } from "../contract";
import { NAMESPACE_SEPARATOR, namespaceSegments, nodeOfSegment } from "../../../protocol/namespaces";

/** How long a run may go without letting the event loop turn (see the progress handler). */
const YIELD_EVERY_MS = 25;

/** A compiled graph whose breakpoint lists the setup changes for one run. */
interface Interruptible {
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
}

export interface WorkspaceRunContext {
  /** `RunControl` of the installed LangGraph.js, when it has one. */
  RunControl?: new () => { requestDrain(reason?: string): void };
  version: string;
  /** The subgraphs of a compiled graph, by node name. */
  subgraphs(compiled: object): Map<string, object>;
  /** Graphs the program compiled, with the key breakpoint lists name them by. */
  keyed(): Array<{ graph: object; key: string }>;
}

export interface RunLists {
  before: InterruptList;
  after: InterruptList;
}

/** A run's setup, plus what to do when a node invokes a graph during the run. */
export interface WorkspaceRunSetup extends RunSetup {
  /** `graph` is invoked under task namespace `ns`: give it the lists its path names (`check_all/check`). */
  invoked(graph: object, ns: string): void;
}

export function workspaceRunSetup(root: object, lists: RunLists, hooks: RunHooks, context: WorkspaceRunContext): WorkspaceRunSetup {
  const nested = setNestedLists(root, lists, context);
  const pause = pauseOptions(hooks, context);
  return {
    options: {
      interruptBefore: rootList(lists.before),
      interruptAfter: rootList(lists.after),
      signal: pause.signal,
      callbacks: [progressHandler(hooks)],
      ...pause.options,
    },
    reportsStart: () => true,
    // A pause that became an abort (no RunControl) ends like a drain; a Stop, or the adapter giving
    // up on a step that never ends, is an abort of its own.
    isPauseEnd: (error) => hooks.pause.aborted && !hooks.abort.aborted && (isNamed(error, "GraphDrained") || (!context.RunControl && isNamed(error, "AbortError"))),
    invoked: (graph, ns) => {
      const path = ns.split("|").map(nodeOfSegment);
      const along = (list: InterruptList) => path.reduce((inner, node) => childList(inner, node), list);
      nested.add(graph, along(lists.before), along(lists.after));
    },
    dispose: () => {
      nested.restore();
      pause.dispose();
    },
  };
}

/** The root graph's own names: paths and keys are for nested graphs. */
function rootList(list: InterruptList): InterruptList {
  return list === "*" ? "*" : list.filter((name) => !name.includes("/"));
}

/** The list for the graph under node `node` of a graph whose list is `list` (as our engine derives it). */
export function childList(list: InterruptList, node: string): InterruptList {
  if (list === "*") return "*";
  const prefix = `${node}/`;
  const inner = list.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  return inner.includes("*") ? "*" : [...inner, ...list.filter((name) => name.startsWith("@"))];
}

/**
 * Sets the lists of every subgraph below `root` and of every keyed graph, added to the lists they
 * were compiled with; `add` does the same for a graph met during the run; `restore` puts all back.
 */
function setNestedLists(root: object, lists: RunLists, context: WorkspaceRunContext) {
  const saved = new Map<Interruptible, { before?: InterruptList; after?: InterruptList }>();
  const add = (graph: Interruptible, before: InterruptList, after: InterruptList) => {
    if (!saved.has(graph)) saved.set(graph, { before: graph.interruptBefore, after: graph.interruptAfter });
    Object.assign(graph, { interruptBefore: merge(graph.interruptBefore ?? [], before), interruptAfter: merge(graph.interruptAfter ?? [], after) });
  };
  const visit = (graph: object, before: InterruptList, after: InterruptList, depth: number) => {
    if (depth > 0) add(graph, before, after);
    for (const [node, subgraph] of context.subgraphs(graph)) visit(subgraph, childList(before, node), childList(after, node), depth + 1);
  };
  visit(root, lists.before, lists.after, 0);
  for (const { graph, key } of context.keyed()) if (graph !== root) add(graph, ownKeyed(lists.before, key), ownKeyed(lists.after, key));
  return {
    add,
    restore: () => {
      for (const [graph, was] of saved) Object.assign(graph, { interruptBefore: was.before, interruptAfter: was.after });
    },
  };
}

/** The names a keyed graph stops at wherever it runs: `@<key>/node` entries, and `*`. */
function ownKeyed(list: InterruptList, key: string): InterruptList {
  if (list === "*") return "*";
  const prefix = `${key}/`;
  return list.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

function merge(current: InterruptList, added: InterruptList): InterruptList {
  if (current === "*" || added === "*") return "*";
  return [...new Set([...current, ...added])];
}

/** Pause by draining at the next boundary where `RunControl` exists; else by stopping the run now. */
function pauseOptions(hooks: RunHooks, context: WorkspaceRunContext) {
  if (context.RunControl) {
    const control = new context.RunControl();
    const drain = () => control.requestDrain("paused in the debugger");
    hooks.pause.addEventListener("abort", drain, { once: true });
    return { signal: hooks.abort, options: { control }, dispose: () => hooks.pause.removeEventListener("abort", drain) };
  }
  const stop = () =>
    hooks.note(
      `LangGraph.js ${context.version} has no RunControl, so Pause stopped the step in flight; ` +
        "Continue resumes from the last checkpoint, and the nodes that were running start again.\n",
    );
  hooks.pause.addEventListener("abort", stop, { once: true });
  return { signal: AbortSignal.any([hooks.abort, hooks.pause]), options: {}, dispose: () => hooks.pause.removeEventListener("abort", stop) };
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === name;
}

/**
 * A LangChain callback handler (as the plain-methods form LangChain accepts) that reports the start
 * and end of each task's node run.
 */
function progressHandler(hooks: RunHooks) {
  const runs = new Map<string, string>();
  const seen = new Set<string>();
  let yielded = performance.now();
  return {
    // With a `name`, LangChain takes this object as a handler as it is; without one it wraps the
    // methods in a new handler class (with a fresh uuid) at every runnable it configures, three
    // times a step, which cost a 1000-step loop about 14% of its run time (bench "workspace").
    name: "langgraph_debugger_progress",
    awaitHandlers: true,
    /**
     * Quick nodes and a saver that writes synchronously chain promise after promise and never let
     * the event loop turn, so a Pause or Stop message from the adapter could never land: a node
     * start lets one turn happen every YIELD_EVERY_MS of running.
     */
    async handleChainStart(...args: Parameters<typeof started>) {
      started(...args);
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    },
    handleChainEnd(_outputs: unknown, runId: string) {
      const taskId = runs.get(runId);
      if (taskId) hooks.taskEnded(taskId);
    },
    handleChainError(_error: unknown, runId: string) {
      const taskId = runs.get(runId);
      if (taskId) hooks.taskEnded(taskId);
    },
  };

  /** The first chain run of a task named after its node is the node's own run: its start is the task's. */
  function started(_chain: unknown, _inputs: unknown, runId: string, _parent?: string, _tags?: string[], metadata?: Record<string, unknown>, _type?: string, runName?: string): void {
    const node = metadata?.langgraph_node;
    const ns = metadata?.langgraph_checkpoint_ns;
    if (typeof node !== "string" || typeof ns !== "string" || runName !== node) return;
    const segments = namespaceSegments(ns);
    const own = segments[segments.length - 1];
    if (nodeOfSegment(own) !== node || seen.has(own)) return;
    seen.add(own);
    const taskId = own.slice(node.length + 1);
    runs.set(runId, taskId);
    hooks.taskStarted({ id: taskId, name: node, namespace: segments.slice(0, -1).join(NAMESPACE_SEPARATOR) });
  }
}
