/**
 * Learns when a node starts and ends at the moment it happens, by wrapping each node function of
 * the builder before the run. The stream reports a task start only after the node has begun, and a
 * node that never yields (a busy loop, `process.exit`) would never be reported at all; the wrapper
 * reports it before the node's first line runs. Nodes the engine runs without calling their
 * function (subgraphs) are left to the stream. Returns the names of the nodes it watches.
 */
import type { GraphBuilder } from "./engine-types";

/** Where a watched node's start and end are told. */
export interface NodeStartSink {
  started(key: string, name: string): void;
  finished(key: string): void;
}

type NodeRun = (state: unknown, config: unknown) => unknown;
interface WrappableNode {
  run: NodeRun;
  subgraph?: unknown;
}

const WATCHED = Symbol("langgraph-debugger.watched");

export function watchNodeStarts(builder: GraphBuilder, progress: NodeStartSink): Set<string> {
  const nodes = (builder as { nodes?: unknown }).nodes;
  const watched = new Set<string>();
  if (!(nodes instanceof Map)) return watched;
  let serial = 0;
  for (const [name, node] of nodes as Map<string, WrappableNode>) {
    if (typeof node?.run !== "function" || node.subgraph) continue;
    watched.add(name);
    if ((node.run as NodeRun & { [WATCHED]?: boolean })[WATCHED]) continue;
    const original = node.run;
    const wrapped = (state: unknown, config: unknown) => {
      const key = `node-${++serial}`;
      progress.started(key, name);
      let result: unknown;
      try {
        result = original(state, config);
      } catch (error) {
        progress.finished(key);
        throw error;
      }
      if (isThenable(result)) return result.finally(() => progress.finished(key));
      progress.finished(key);
      return result;
    };
    node.run = Object.assign(wrapped, { [WATCHED]: true });
  }
  return watched;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function" && typeof (value as Promise<unknown>).finally === "function";
}
