/**
 * The extension's entry point: wires the `langgraph` debugger into VS Code. It registers the
 * inline debug adapter and the configuration provider, the "Break before / after" CodeLens, the
 * Checkpoints view, the graph panel and the commands, then shows "LangGraph ready" in the status
 * bar (the end-to-end tests wait for it before using any command). Everything here is glue; the
 * logic lives in the vscode-free modules next to it, tested without VS Code.
 */
import * as vscode from "vscode";
import { InlineAdapterFactory } from "./adapterFactory";
import { CheckpointsView } from "./checkpointsView";
import { AddNodeCodeLens, GRAPH_DOCUMENTS, registerToggleCommands } from "./codeLens";
import { DEBUG_TYPE, isGraphFileName, launchFileConfig } from "./configResolution";
import { LangGraphConfigProvider } from "./configProvider";
import { CHECKPOINTS_VIEW, COMMANDS, READY_TEXT } from "./ids";
import { NodeBreakpointBook } from "./nodeBreakpoints";
import { GraphPanelHost } from "./panelHost";
import { SessionTracker } from "./sessions";
import { ThreadOpener } from "./threadOpener";

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("LangGraph");
  const log = (text: string) => output.appendLine(text);
  const tracker = new SessionTracker(context.workspaceState);
  const book = new NodeBreakpointBook();
  const opener = new ThreadOpener(tracker, log);
  const provider = new LangGraphConfigProvider(log);
  const codeLens = new AddNodeCodeLens(book);
  const checkpoints = new CheckpointsView(tracker, opener);
  const panel = new GraphPanelHost(context.extensionUri, tracker, book, opener, output);

  context.subscriptions.push(
    output,
    tracker,
    codeLens,
    checkpoints,
    panel,
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new InlineAdapterFactory()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider, vscode.DebugConfigurationProviderTriggerKind.Initial),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.languages.registerCodeLensProvider(GRAPH_DOCUMENTS, codeLens),
    vscode.window.registerTreeDataProvider(CHECKPOINTS_VIEW, checkpoints),
    vscode.commands.registerCommand(COMMANDS.showGraphPanel, (uri?: vscode.Uri) => panel.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.debugGraphFile, (uri?: vscode.Uri) => debugGraphFile(uri)),
    ...registerToggleCommands(book),
    readyItem(),
  );
}

export function deactivate(): void {
  // Sessions, runners and panels are disposed through context.subscriptions.
}

/** "Debug This Graph" (editor title and explorer): launch the file with no launch.json needed. */
async function debugGraphFile(uri: vscode.Uri | undefined): Promise<boolean> {
  const file = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!file || file.scheme !== "file" || !isGraphFileName(file.fsPath)) {
    void vscode.window.showInformationMessage("Open a graph file (TypeScript or JavaScript) to debug it.");
    return false;
  }
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(file), launchFileConfig(file.fsPath));
}

function readyItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem("langgraph.ready", vscode.StatusBarAlignment.Left, 0);
  item.name = "LangGraph";
  item.text = `$(type-hierarchy) ${READY_TEXT}`;
  item.tooltip = "LangGraph Debugger: show the graph panel";
  item.command = COMMANDS.showGraphPanel;
  item.show();
  return item;
}
