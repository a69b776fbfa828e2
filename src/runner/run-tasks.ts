/**
 * Follows the tasks of one run at every depth, from the `tasks` chunks of `stream(..., {subgraphs:
 * true})`: which supersteps ran, which nodes finished in the last step that finished anything (by
 * path, `research/search` inside a subgraph), and which node failed. Each graph level has its own
 * supersteps, so each namespace is followed apart. A subgraph task whose subgraph stopped on a
 * breakpoint or an `interrupt()` is reported as finished by the parent, but it did not run to its
 * end: it is not counted as having run.
 */
import { NAMESPACE_SEPARATOR, nodePath } from "../protocol/namespaces";

export interface TaskChunk {
  id: string;
  name: string;
  triggers?: unknown;
  result?: unknown;
  error?: { message: string; name: string } | null;
}

interface Level {
  /** Tasks of the level's step in flight that have not reported a result yet. */
  pending: Set<string>;
  /** Paths of the tasks that finished in the level's current step. */
  ran: string[];
}

export class RunTasks {
  /** Supersteps of the root graph run by this call. */
  steps = 0;
  lastRan: string[] = [];
  failedNode: string | undefined;
  private readonly levels = new Map<string, Level>();
  private readonly stoppedInside = new Set<string>();

  /** A task starts in the graph at `namespace` (its segments, `[]` for the root). */
  started(namespace: string[], task: TaskChunk): void {
    const level = this.level(namespace.join("|"));
    if (level.pending.size === 0) {
      level.ran = [];
      if (namespace.length === 0) this.steps += 1;
    }
    level.pending.add(task.id);
  }

  finished(namespace: string[], task: TaskChunk): void {
    const key = namespace.join("|");
    const level = this.level(key);
    level.pending.delete(task.id);
    const inner = [...namespace, `${task.name}:${task.id}`].join("|");
    if (this.stoppedInside.has(inner)) return;
    const path = taskPath(namespace, task.name);
    level.ran.push(path);
    this.lastRan = level.ran;
    if (task.error) this.failedNode ??= path; // the first error is where it was thrown; enclosing tasks fail with it after
  }

  /** The graph at `namespace` stopped (an `__interrupt__` chunk). */
  stopped(namespace: string[]): void {
    if (namespace.length > 0) this.stoppedInside.add(namespace.join("|"));
  }

  private level(key: string): Level {
    let level = this.levels.get(key);
    if (!level) this.levels.set(key, (level = { pending: new Set(), ran: [] }));
    return level;
  }
}

/** `research/search` for task `search` of the subgraph under namespace `["research:<id>"]`. */
export function taskPath(namespace: string[], name: string): string {
  return [...nodePath(namespace.join(NAMESPACE_SEPARATOR)), name].join("/");
}
