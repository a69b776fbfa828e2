/**
 * What the workspace engine learns by watching the user's own LangGraph.js, without changing the
 * graph's code: before the program loads, `StateGraph.prototype.addNode` and `compile` of the
 * installed build are wrapped to record where the program called them (the gutter lines of its
 * nodes, the key a compiled graph is named by in breakpoint lists) and every graph it compiles (a
 * node may invoke one later). After load, each conditional edge's path function is wrapped to
 * record the targets it returns, so a conditional edge without a path map is drawn from what the
 * run really did. A graph a library builds (`createAgent`) is placed at the user's line that called it.
 */
import * as path from "node:path";
import { parseFrame, type SourceLocation } from "../../../runtime/graph/call-site";
import { graphKeyOf } from "../../../runtime/graph/registry";

type Method = (this: object, ...args: unknown[]) => unknown;
interface Prototype {
  addNode: Method;
  compile: Method;
}

/** What the wrapped methods recorded, read by the engine's graph view and breakpoint lists. */
export class GraphRecords {
  private readonly sites = new WeakMap<object, Map<string, SourceLocation>>();
  private readonly keys = new WeakMap<object, string>();
  private readonly routes = new WeakMap<object, Map<string, Set<string>>>();
  /** Every graph the program compiled, in order. */
  readonly compiled: object[] = [];

  callSite(builder: object, name: string): SourceLocation | undefined {
    return this.sites.get(builder)?.get(name);
  }

  graphKey(compiled: object): string | undefined {
    return this.keys.get(compiled);
  }

  observed(builder: object, source: string): readonly string[] {
    return [...(this.routes.get(builder)?.get(source) ?? [])];
  }

  recordSite(builder: object, name: string, site: SourceLocation): void {
    let byName = this.sites.get(builder);
    if (!byName) this.sites.set(builder, (byName = new Map()));
    byName.set(name, site);
  }

  recordCompiled(compiled: object, site: SourceLocation | undefined): void {
    this.compiled.push(compiled);
    const key = graphKeyOf(site);
    if (key) this.keys.set(compiled, key);
  }

  recordRoute(builder: object, source: string, target: string): void {
    let bySource = this.routes.get(builder);
    if (!bySource) this.routes.set(builder, (bySource = new Map()));
    let targets = bySource.get(source);
    if (!targets) bySource.set(source, (targets = new Set()));
    targets.add(target);
  }
}

const WRAPPED = Symbol.for("langgraph-debugger.wrapped");

/**
 * This module's file as stacks name it: under source maps, the runner bundle's frames are named
 * by their TypeScript source, so `__filename` would not match the wrappers' own frames.
 */
const OWN_FILE = ((): string | undefined => {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  return parseFrame(holder.stack?.split("\n")[1] ?? "")?.file;
})();

/** Wraps `addNode` and `compile` of a `StateGraph` class so `records` learns of every call. */
export function instrumentStateGraph(stateGraph: { prototype: Prototype }, records: GraphRecords, libraryDirs: string[]): void {
  const proto = stateGraph.prototype;
  if ((proto.addNode as Method & { [WRAPPED]?: true })[WRAPPED]) return;
  const addNode = proto.addNode;
  const compile = proto.compile;
  proto.addNode = marked(function (this: object, ...args: unknown[]) {
    const site = callerSite(libraryDirs);
    const result = addNode.apply(this, args);
    if (site) for (const name of addedNames(args[0])) records.recordSite(this, name, site);
    return result;
  });
  proto.compile = marked(function (this: object, ...args: unknown[]) {
    const site = callerSite(libraryDirs);
    const compiled = compile.apply(this, args) as object;
    records.recordCompiled(compiled, site);
    return compiled;
  });
}

function marked(method: Method): Method {
  return Object.assign(method, { [WRAPPED]: true as const });
}

/** `addNode("a", fn)` adds `a`; `addNode({ a: fn, b: fn })` and `addNode([["a", fn]])` add several. */
function addedNames(first: unknown): string[] {
  if (typeof first === "string") return [first];
  if (Array.isArray(first)) return first.map((entry) => (Array.isArray(entry) ? String(entry[0]) : "")).filter(Boolean);
  return typeof first === "object" && first !== null ? Object.keys(first) : [];
}

/**
 * The program's line that called the wrapped method: the first frame outside this runner, the
 * LangGraph.js package and any other `node_modules`. A graph a library builds for the user
 * (`createReactAgent(...)`, `createAgent(...)`) thus has its nodes at the line that called the library.
 */
function callerSite(libraryDirs: string[]): SourceLocation | undefined {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  Error.captureStackTrace(holder, callerSite);
  Error.stackTraceLimit = limit;
  for (const line of (holder.stack ?? "").split("\n").slice(1)) {
    const site = parseFrame(line);
    if (!site || !path.isAbsolute(site.file)) continue;
    if (site.file === OWN_FILE || site.file === __filename || /[\\/]node_modules[\\/]/.test(site.file)) continue;
    if (libraryDirs.some((dir) => site.file.startsWith(dir))) continue;
    return site;
  }
  return undefined;
}

interface BranchLike {
  path?: { invoke?: (input: unknown, config?: unknown) => Promise<unknown> };
  ends?: Record<string, string>;
}

/** Wraps the path function of each conditional edge of `builder` that has no path map, recording its targets. */
export function watchRoutes(builder: object, records: GraphRecords): void {
  const branches = (builder as { branches?: Record<string, Record<string, BranchLike>> }).branches ?? {};
  for (const [source, named] of Object.entries(branches)) {
    for (const branch of Object.values(named)) {
      const path = branch.path;
      const invoke = path?.invoke;
      if (!path || typeof invoke !== "function" || branch.ends || (invoke as Method & { [WRAPPED]?: true })[WRAPPED]) continue;
      path.invoke = marked(async function (this: unknown, ...args: unknown[]) {
        const result = await invoke.apply(path, args as [unknown, unknown]);
        for (const target of routeTargets(result)) records.recordRoute(builder, source, target);
        return result;
      } as Method) as typeof invoke;
    }
  }
}

/** The node names a path function's result names: a name, a `Send`, or a list of them. */
function routeTargets(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result];
  return items
    .map((item) => (typeof item === "string" ? item : typeof (item as { node?: unknown })?.node === "string" ? (item as { node: string }).node : ""))
    .filter(Boolean);
}
