/**
 * Which graphs a program compiles, for a debugger that loads it. A graph invoked from inside a
 * node is not reachable from the graph being debugged until that node runs, yet a person wants a
 * gutter breakpoint on its `addNode` lines before the first run. So a debugger puts an array on
 * `globalThis` under the symbol below before the program loads, and `compile()` appends each
 * compiled graph with the place it was compiled. Without that array (any ordinary program) nothing
 * is kept, so no graph outlives its program's own references.
 */
import { SourceLocation } from "./call-site";

export const COMPILED_GRAPHS = Symbol.for("langgraph-debugger.compiled-graphs");

export interface CompiledGraphRecord {
  graph: unknown;
  site?: SourceLocation;
}

export function recordCompiledGraph(graph: unknown, site: SourceLocation | undefined): void {
  const list = (globalThis as { [COMPILED_GRAPHS]?: unknown })[COMPILED_GRAPHS];
  if (Array.isArray(list)) list.push({ graph, site } satisfies CompiledGraphRecord);
}

/** How breakpoint lists name a compiled graph wherever it runs nested: `@<file>:<line>:<column>`. */
export function graphKeyOf(site: SourceLocation | undefined): string | undefined {
  return site ? `@${site.file}:${site.line}:${site.column}` : undefined;
}
