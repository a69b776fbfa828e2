/**
 * One set of node breakpoints, three places to see it: the editor's breakpoints (gutter and the
 * Breakpoints view), the CodeLens, and the graph panel. The editor's breakpoints are the truth;
 * this module reads them as node lists (`{before, after}`) and plans the smallest change to the
 * editor's breakpoints that makes them equal a list the panel asks for. A break before a node is a
 * source breakpoint on its `addNode` line when that line is known (so it shows in the gutter), else
 * the function breakpoint `before:node`; a break after a node is the function breakpoint
 * `after:node`. Names are read as the adapter reads them (`tools` means `before:tools`). No VS Code
 * import: the glue in nodeBreakpoints.ts converts vscode.Breakpoint objects to these shapes.
 */
import * as path from "node:path";
import type { GraphView, NodeBreakpoints } from "../protocol/debug";
import { findAddNodeCalls } from "./addNodeLines";

export type When = "before" | "after";

/** Where a node's `addNode` call is: 1-based lines, like DAP and the adapter's graph. */
export interface NodeSite {
  node: string;
  file: string;
  line: number;
  /** The call's last line, for a call written over several lines. */
  lastLine: number;
}

export type EditorBreakpoint =
  | { id: string; enabled: boolean; kind: "function"; name: string }
  | { id: string; enabled: boolean; kind: "source"; file: string; line: number };

export type NewBreakpoint = { kind: "function"; name: string } | { kind: "source"; file: string; line: number };

export interface BreakpointPlan {
  add: NewBreakpoint[];
  /** Ids of editor breakpoints to remove. */
  remove: string[];
}

export function parseNodeBreakpointName(name: string): { node: string; when: When } {
  const match = /^\s*(before|after):(.+)$/.exec(name);
  return match ? { when: match[1] as When, node: match[2].trim() } : { when: "before", node: name.trim() };
}

export function nodeBreakpointName(node: string, when: When): string {
  return `${when}:${node}`;
}

/** The node whose `addNode` call covers a source breakpoint, if any. */
export function siteAt(sites: readonly NodeSite[], file: string, line: number): NodeSite | undefined {
  const wanted = normalize(file);
  return sites
    .filter((site) => normalize(site.file) === wanted && site.line <= line && line <= site.lastLine)
    .sort((a, b) => b.line - a.line)[0];
}

/** The node breakpoints the enabled editor breakpoints amount to. */
export function nodeBreakpointsOf(breakpoints: readonly EditorBreakpoint[], sites: readonly NodeSite[]): NodeBreakpoints {
  const lists: Record<When, Set<string>> = { before: new Set(), after: new Set() };
  for (const breakpoint of breakpoints) {
    const target = targetOf(breakpoint, sites);
    if (breakpoint.enabled && target) lists[target.when].add(target.node);
  }
  return { before: [...lists.before].sort(), after: [...lists.after].sort() };
}

/** What to add and remove so the editor's breakpoints equal `wanted`. */
export function planNodeBreakpoints(breakpoints: readonly EditorBreakpoint[], sites: readonly NodeSite[], wanted: NodeBreakpoints): BreakpointPlan {
  const plan: BreakpointPlan = { add: [], remove: [] };
  const current = nodeBreakpointsOf(breakpoints, sites);
  for (const when of ["before", "after"] as const) {
    const want = new Set(wanted[when]);
    const have = new Set(current[when]);
    for (const node of have) if (!want.has(node)) plan.remove.push(...matching(breakpoints, sites, node, when, true));
    for (const node of want) {
      if (have.has(node)) continue;
      plan.remove.push(...matching(breakpoints, sites, node, when, false)); // a disabled twin is replaced, not duplicated
      plan.add.push(newBreakpoint(node, when, sites));
    }
  }
  return plan;
}

/** Turns one node breakpoint on or off (the CodeLens and panel markers). */
export function planToggle(breakpoints: readonly EditorBreakpoint[], sites: readonly NodeSite[], node: string, when: When): BreakpointPlan {
  const current = nodeBreakpointsOf(breakpoints, sites);
  const on = current[when].includes(node);
  const wanted = { ...current, [when]: on ? current[when].filter((name) => name !== node) : [...current[when], node] };
  return planNodeBreakpoints(breakpoints, sites, wanted);
}

/** Sites from the adapter's graph, with each call's extent read from its file when possible. */
export function sitesFromGraph(graph: GraphView, readText: (file: string) => string | undefined): NodeSite[] {
  const calls = new Map<string, ReturnType<typeof findAddNodeCalls>>();
  const sites: NodeSite[] = [];
  for (const node of graph.nodes) {
    if (!node.source) continue;
    const { file, line } = node.source;
    if (!calls.has(file)) calls.set(file, findAddNodeCalls(readText(file) ?? ""));
    const call = calls.get(file)!.find((candidate) => candidate.line + 1 === line && candidate.name === node.id);
    sites.push({ node: node.id, file, line, lastLine: call ? call.lastLine + 1 : line });
  }
  return sites;
}

/** Sites from a file's text, for when no session has loaded the graph yet. */
export function sitesFromText(file: string, text: string): NodeSite[] {
  return findAddNodeCalls(text).map((call) => ({ node: call.name, file, line: call.line + 1, lastLine: call.lastLine + 1 }));
}

function targetOf(breakpoint: EditorBreakpoint, sites: readonly NodeSite[]): { node: string; when: When } | undefined {
  if (breakpoint.kind === "function") return breakpoint.name.trim() ? parseNodeBreakpointName(breakpoint.name) : undefined;
  const site = siteAt(sites, breakpoint.file, breakpoint.line);
  return site ? { node: site.node, when: "before" } : undefined;
}

function matching(breakpoints: readonly EditorBreakpoint[], sites: readonly NodeSite[], node: string, when: When, enabled: boolean): string[] {
  return breakpoints
    .filter((breakpoint) => breakpoint.enabled === enabled)
    .filter((breakpoint) => {
      const target = targetOf(breakpoint, sites);
      return target?.node === node && target.when === when;
    })
    .map((breakpoint) => breakpoint.id);
}

function newBreakpoint(node: string, when: When, sites: readonly NodeSite[]): NewBreakpoint {
  const site = when === "before" ? sites.find((candidate) => candidate.node === node) : undefined;
  return site ? { kind: "source", file: site.file, line: site.line } : { kind: "function", name: nodeBreakpointName(node, when) };
}

function normalize(file: string): string {
  return path.resolve(file);
}
