/**
 * The editor's breakpoints seen as node breakpoints, and changed as node breakpoints: the glue
 * between vscode.debug.breakpoints and breakpointSync.ts. Where each node's `addNode` line is comes
 * from the graph the panel shows (the adapter's call sites) and from the open graph files' text,
 * so a gutter breakpoint on an `addNode` line counts as "before" that node even before a session
 * loads the graph. Every change goes through vscode.debug.add/removeBreakpoints, so VS Code sends
 * it on to the running adapter and shows it in the gutter and the Breakpoints view.
 */
import * as fs from "node:fs";
import * as vscode from "vscode";
import type { GraphView, NodeBreakpoints } from "../protocol/debug";
import { isGraphFileName } from "./configResolution";
import {
  BreakpointPlan, EditorBreakpoint, NewBreakpoint, NodeSite, When, nodeBreakpointsOf, planNodeBreakpoints, planToggle, sitesFromGraph, sitesFromText,
} from "./breakpointSync";

export class NodeBreakpointBook {
  /** The graph whose call sites are known (set by the panel host when a graph is shown). */
  graph: GraphView | undefined;

  /** What the editor's enabled breakpoints amount to, as node lists. */
  current(extraSites: NodeSite[] = []): NodeBreakpoints {
    return nodeBreakpointsOf(editorBreakpoints(), [...this.sites(), ...extraSites]);
  }

  /** Makes the editor's breakpoints equal `wanted`; answers with what they amount to afterwards. */
  async set(wanted: NodeBreakpoints): Promise<NodeBreakpoints> {
    const sites = this.sites();
    await apply(planNodeBreakpoints(editorBreakpoints(), sites, wanted));
    return nodeBreakpointsOf(editorBreakpoints(), sites);
  }

  /** Turns a break before or after `node` on or off; `site` is the CodeLens's own line. */
  async toggle(node: string, when: When, site?: NodeSite): Promise<void> {
    const sites = site ? [site, ...this.sites()] : this.sites();
    await apply(planToggle(editorBreakpoints(), sites, node, when));
  }

  /** Call sites: the shown graph's first (exact, from the adapter), then the open graph files'. */
  sites(): NodeSite[] {
    const fromGraph = this.graph ? sitesFromGraph(this.graph, readOpenOrDisk) : [];
    const fromText = vscode.workspace.textDocuments
      .filter((document) => document.uri.scheme === "file" && isGraphFileName(document.fileName))
      .flatMap((document) => sitesFromText(document.uri.fsPath, document.getText()));
    return [...fromGraph, ...fromText];
  }
}

function editorBreakpoints(): EditorBreakpoint[] {
  return vscode.debug.breakpoints.flatMap((breakpoint): EditorBreakpoint[] => {
    if (breakpoint instanceof vscode.FunctionBreakpoint) {
      return [{ id: breakpoint.id, enabled: breakpoint.enabled, kind: "function", name: breakpoint.functionName }];
    }
    if (breakpoint instanceof vscode.SourceBreakpoint && breakpoint.location.uri.scheme === "file") {
      const { uri, range } = breakpoint.location;
      return [{ id: breakpoint.id, enabled: breakpoint.enabled, kind: "source", file: uri.fsPath, line: range.start.line + 1 }];
    }
    return [];
  });
}

async function apply(plan: BreakpointPlan): Promise<void> {
  const removed = new Set(plan.remove);
  const gone = vscode.debug.breakpoints.filter((breakpoint) => removed.has(breakpoint.id));
  if (gone.length > 0) vscode.debug.removeBreakpoints(gone);
  if (plan.add.length > 0) vscode.debug.addBreakpoints(plan.add.map(toVscode));
}

function toVscode(breakpoint: NewBreakpoint): vscode.Breakpoint {
  if (breakpoint.kind === "function") return new vscode.FunctionBreakpoint(breakpoint.name);
  const position = new vscode.Position(breakpoint.line - 1, 0);
  return new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.file(breakpoint.file), position));
}

/** An open document's text (it may be unsaved), else the file on disk. */
function readOpenOrDisk(file: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === "file" && document.uri.fsPath === file);
  if (open) return open.getText();
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
