/**
 * Checkpoint namespaces, read in one place for every room (runner, adapter, extension, panel).
 * A subgraph's checkpoints live under its task's namespace: `research:<taskId>`, deeper ones joined
 * with "|" (`research:<id>|search:<id>`). LangGraph.js gives the second and later calls of a graph
 * invoked inside one task a call segment of digits (`check_all:<id>|1`): the same node path, another
 * run. Our engine writes `node:<taskId>#1` instead, which needs nothing special.
 */

export const NAMESPACE_SEPARATOR = "|";

/** The segments of a namespace (`[]` for the root's ""). */
export function namespaceSegments(ns: string | undefined): string[] {
  return ns ? ns.split(NAMESPACE_SEPARATOR) : [];
}

/** A segment that numbers a later call of an invoked graph rather than naming a node. */
export function isCallSegment(segment: string): boolean {
  return /^\d+$/.test(segment);
}

/** The node a segment names: `research` in `research:<taskId>` (or `research:<taskId>#1`, or `research`). */
export function nodeOfSegment(segment: string): string {
  return segment.replace(/:[^:]*$/, "");
}

/** The node path of the graph owning `ns`: `research:1|deep:2` is `["research", "deep"]`. */
export function nodePath(ns: string | undefined): string[] {
  return namespaceSegments(ns).filter((segment) => !isCallSegment(segment)).map(nodeOfSegment);
}

/** The namespace of the graph that ran `ns`'s graph: one node up (a call segment goes with its node). */
export function parentNamespace(ns: string): string {
  const segments = namespaceSegments(ns);
  const last = segments.pop();
  if (last !== undefined && isCallSegment(last)) segments.pop();
  return segments.join(NAMESPACE_SEPARATOR);
}
