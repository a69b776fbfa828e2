/**
 * "Break before" / "Break after" above every `.addNode("name", ...)` line of a TypeScript or
 * JavaScript file. Each lens toggles a real editor breakpoint (a gutter breakpoint on the line for
 * "before", the function breakpoint `after:name` for "after"), so what the lens shows, the gutter,
 * the Breakpoints view and the graph panel are one set; the lenses redraw whenever breakpoints
 * change anywhere.
 */
import * as vscode from "vscode";
import { callAtLine, findAddNodeCalls } from "./addNodeLines";
import type { NodeSite, When } from "./breakpointSync";
import { COMMANDS } from "./ids";
import type { NodeBreakpointBook } from "./nodeBreakpoints";

export const GRAPH_DOCUMENTS: vscode.DocumentSelector = [
  { language: "typescript", scheme: "file" },
  { language: "javascript", scheme: "file" },
  { language: "typescriptreact", scheme: "file" },
  { language: "javascriptreact", scheme: "file" },
];

export interface ToggleArguments {
  node: string;
  when: When;
  site: NodeSite;
}

export class AddNodeCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly listener = vscode.debug.onDidChangeBreakpoints(() => this.changed.fire());

  constructor(private readonly book: NodeBreakpointBook) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!text.includes("addNode")) return [];
    const calls = findAddNodeCalls(text);
    const sites: NodeSite[] = calls.map((call) => ({ node: call.name, file: document.uri.fsPath, line: call.line + 1, lastLine: call.lastLine + 1 }));
    const set = this.book.current(sites);
    return calls.flatMap((call, index) => {
      const range = new vscode.Range(call.line, call.character, call.line, call.character);
      return (["before", "after"] as const).map((when) => {
        const on = set[when].includes(call.name);
        const args: ToggleArguments = { node: call.name, when, site: sites[index] };
        return new vscode.CodeLens(range, {
          title: `${on ? "$(debug-breakpoint) " : ""}Break ${when}`,
          tooltip: on ? `Remove the breakpoint ${when} node "${call.name}"` : `Pause ${when} node "${call.name}" runs`,
          command: when === "before" ? COMMANDS.toggleBreakBefore : COMMANDS.toggleBreakAfter,
          arguments: [args],
        });
      });
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

/** The toggle commands; called from a lens with its arguments, or from the palette on the cursor's line. */
export function registerToggleCommands(book: NodeBreakpointBook): vscode.Disposable[] {
  const toggle = (when: When) => async (args?: ToggleArguments) => {
    const target = args ?? nodeAtCursor(when);
    if (!target) {
      void vscode.window.showInformationMessage('Put the cursor on an .addNode("name", ...) line to toggle a node breakpoint.');
      return;
    }
    await book.toggle(target.node, when, target.site);
  };
  return [
    vscode.commands.registerCommand(COMMANDS.toggleBreakBefore, toggle("before")),
    vscode.commands.registerCommand(COMMANDS.toggleBreakAfter, toggle("after")),
  ];
}

function nodeAtCursor(when: When): ToggleArguments | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.selection.active.line;
  const call = callAtLine(findAddNodeCalls(editor.document.getText()), line);
  if (!call) return undefined;
  return { node: call.name, when, site: { node: call.name, file: editor.document.uri.fsPath, line: call.line + 1, lastLine: call.lastLine + 1 } };
}
