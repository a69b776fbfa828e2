/**
 * Every kind of breakpoint the session knows, turned into the node lists the engine takes
 * (`interruptBefore`, `interruptAfter`). Source breakpoints sit on `addNode` lines (set inside a
 * call, they move to its first line; elsewhere they stay unverified and say why); function
 * breakpoints name nodes (`tools`, `before:tools`, `after:agent`, `*`); the graph panel sets its
 * own node list. A node inside a subgraph is named by its path (`research/search`): an `addNode`
 * line of the subgraph's builder maps to it, as to every path where that subgraph is used. A line
 * of another graph the program compiles (one a node may invoke from its function) maps to the
 * graph's key (`@file:line:column/check`), which the engine applies wherever that graph runs.
 * Exception filters say whether `interrupt()` calls and node errors stop the run. The lists are
 * given again on every run, so breakpoints persist across resumes.
 */
import { readFileSync, realpathSync } from "node:fs";
import * as path from "node:path";
import type { GraphView, NodeBreakpoints } from "../protocol/debug";
import { LineSpan, callSpan } from "./call-extent";
import { allNodePaths, breakpointNodes, keyedAliases, namesNode } from "./levels";

export interface BreakpointResult {
  id: number;
  verified: boolean;
  line?: number;
  message?: string;
}

interface NodeBreakpoint {
  id: number;
  node: string;
  when: "before" | "after";
}

interface NodeSite {
  node: string;
  span: LineSpan;
}

export const EXCEPTION_FILTERS = [
  { filter: "interrupt", label: "interrupt() calls", description: "Stop when a node waits in interrupt() for an answer.", default: true },
  { filter: "errors", label: "Node errors", description: "Stop when a node throws, before the session ends.", default: true },
];

export class BreakpointBook {
  private nextId = 1;
  private sites = new Map<string, NodeSite[]>();
  private nodeNames: string[] = [];
  private graph: GraphView | undefined;
  private readonly bySource = new Map<string, NodeBreakpoint[]>();
  private byFunction: NodeBreakpoint[] = [];
  private panel: NodeBreakpoints = { before: [], after: [] };
  filters = { interrupt: true, errors: true };

  /** Learns where each node's `addNode` call is, once the graph is loaded. */
  setGraph(graph: GraphView): void {
    this.sites.clear();
    this.graph = graph;
    this.nodeNames = allNodePaths(graph).map((node) => node.path);
    const texts = new Map<string, string | undefined>();
    for (const { path: nodePath, node } of breakpointNodes(graph)) {
      if (!node.source) continue;
      const file = canonical(node.source.file);
      if (!texts.has(file)) texts.set(file, readText(file));
      const text = texts.get(file);
      const span = text ? callSpan(text, node.source.line, node.source.column) : { first: node.source.line, last: node.source.line };
      this.sites.set(file, [...(this.sites.get(file) ?? []), { node: nodePath, span }]);
    }
  }

  setSourceBreakpoints(file: string, lines: number[]): BreakpointResult[] {
    const sites = this.sites.get(canonical(file)) ?? [];
    const kept: NodeBreakpoint[] = [];
    const results = lines.map((line): BreakpointResult => {
      const id = this.nextId++;
      const site = sites.filter((s) => s.span.first <= line && line <= s.span.last).sort((a, b) => b.span.first - a.span.first)[0];
      if (!site) return { id, verified: false, line, message: this.notANodeLine(sites) };
      // One addNode call of a subgraph used in several places is a node at each of those paths.
      const paths = sites.filter((s) => s.span.first === site.span.first).map((s) => s.node);
      kept.push(...paths.map((node) => ({ id, node, when: "before" as const })));
      return { id, verified: true, line: site.span.first };
    });
    this.bySource.set(canonical(file), kept);
    return results;
  }

  setFunctionBreakpoints(names: string[]): BreakpointResult[] {
    this.byFunction = [];
    return names.map((name): BreakpointResult => {
      const id = this.nextId++;
      const parsed = parseFunctionBreakpoint(name.trim());
      const invoker = this.invokerOf(parsed.node);
      const everyNodeOf = parsed.node.endsWith("/*") && this.nodeNames.includes(parsed.node.slice(0, -2));
      if (parsed.node !== "*" && !this.nodeNames.includes(parsed.node) && !invoker && !everyNodeOf) {
        return { id, verified: false, message: `No node named "${parsed.node}". Nodes: ${this.nodeNames.join(", ")}.` };
      }
      this.byFunction.push({ id, ...parsed });
      return invoker
        ? { id, verified: true, message: `"${invoker}" has no subgraph yet: this stops in a graph its function invokes, if that graph has a node "${parsed.node.slice(invoker.length + 1)}".` }
        : { id, verified: true };
    });
  }

  setPanelBreakpoints(lists: NodeBreakpoints): NodeBreakpoints {
    this.panel = { before: [...lists.before], after: [...lists.after] };
    return this.effective();
  }

  setExceptionFilters(filters: string[]): void {
    this.filters = { interrupt: filters.includes("interrupt"), errors: filters.includes("errors") };
  }

  /** The node lists for the next run: everything set anywhere, `"*"` absorbing the rest. */
  effective(): NodeBreakpoints & { beforeAll: boolean; afterAll: boolean } {
    const all = [...[...this.bySource.values()].flat(), ...this.byFunction];
    const before = new Set([...all.filter((b) => b.when === "before").map((b) => b.node), ...this.panel.before]);
    const after = new Set([...all.filter((b) => b.when === "after").map((b) => b.node), ...this.panel.after]);
    return { before: [...before], after: [...after], beforeAll: before.has("*"), afterAll: after.has("*") };
  }

  /** The ids of the breakpoints that stop before (or after) any of `nodes` (by path or by their graph's key). */
  hitIds(nodes: string[], when: "before" | "after"): number[] {
    const all = [...[...this.bySource.values()].flat(), ...this.byFunction];
    const names = new Set(nodes.flatMap((node) => [node, ...keyedAliases(this.graph, node)]));
    return all.filter((b) => b.when === when && [...names].some((node) => namesNode(b.node, node))).map((b) => b.id);
  }

  /** Node lists with each `<key>/<node>` name also given by path, wherever the graph shows that graph running. */
  withPathNames<L extends { before: string[]; after: string[] }>(lists: L): L {
    const nodes = this.graph ? allNodePaths(this.graph) : [];
    const withPaths = (names: string[]) => {
      const named = new Set(names);
      return [...named, ...nodes.map((node) => node.path).filter((path) => !named.has(path) && keyedAliases(this.graph, path).some((alias) => named.has(alias)))];
    };
    return { ...lists, before: withPaths(lists.before), after: withPaths(lists.after) };
  }

  /** For `check_all/check` where `check_all` is a node without a subgraph (yet): that node. */
  private invokerOf(name: string): string | undefined {
    const parent = name.slice(0, Math.max(0, name.lastIndexOf("/")));
    const node = parent ? allNodePaths(this.graph ?? { nodes: [], edges: [], dynamic: [] }).find((entry) => entry.path === parent) : undefined;
    return node && !node.node.subgraph ? parent : undefined;
  }

  private notANodeLine(sites: NodeSite[]): string {
    const where = [...new Map(sites.map((s) => [s.span.first, `${readableName(s.node)} (line ${s.span.first})`])).values()].join(", ");
    const hint = where ? ` Nodes in this file: ${where}.` : " This file has no addNode call of the graph being debugged.";
    return `Not an addNode line: a graph breakpoint pauses before a node, so set it on a line with .addNode(...).${hint}`;
  }
}

export function parseFunctionBreakpoint(name: string): { node: string; when: "before" | "after" } {
  const match = /^(before|after):(.+)$/.exec(name);
  return match ? { when: match[1] as "before" | "after", node: match[2].trim() } : { when: "before", node: name };
}

/** A node as a person reads it: `check of the graph compiled at line 70` for a name by graph key. */
function readableName(node: string): string {
  const keyed = /^@.*:(\d+):\d+\/(.+)$/.exec(node);
  return keyed ? `${keyed[2]} of the graph compiled at line ${keyed[1]}` : node;
}

/** One spelling per file, so the client's path and the stack's path compare equal. */
function canonical(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
