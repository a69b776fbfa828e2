/**
 * The graph panel's webview: one panel, opened with every `langgraph` debug session (unless the
 * setting says not to) and by "LangGraph: Show Graph Panel" on any graph file. It builds the HTML
 * with webview/html.ts (a fresh nonce each time, the webview's CSP source, resources only from
 * dist/ and media/), does not keep its page alive while hidden (the panel saves its own view state
 * and asks again with `ready`), follows the session the debugger shows, and hands every message to
 * PanelBridge. Node breakpoints are the editor's: a panel toggle edits them, and every editor
 * change is posted back to the panel.
 */
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import * as vscode from "vscode";
import type { CustomRequestName, CustomRequests, SourceLocation } from "../protocol/debug";
import type { ThreadSummary } from "../protocol/panel";
import { panelHtml } from "../../webview/html";
import { isGraphFileName } from "./configResolution";
import { previewGraph } from "./graphPreview";
import { OPEN_PANEL_SETTING, PANEL_VIEW_TYPE } from "./ids";
import type { NodeBreakpointBook } from "./nodeBreakpoints";
import { AdapterLink, PanelBridge, PanelEditor } from "./panelBridge";
import type { SessionTracker } from "./sessions";
import { listStoredThreads, readStoredHistory } from "./storeReader";
import type { ThreadOpener } from "./threadOpener";

export class GraphPanelHost implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly bridge: PanelBridge;
  private followed: vscode.DebugSession | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly tracker: SessionTracker,
    private readonly book: NodeBreakpointBook,
    private readonly opener: ThreadOpener,
    private readonly output: vscode.OutputChannel,
  ) {
    this.bridge = new PanelBridge(this.editorSide());
    this.subscriptions.push(
      tracker.onStarted.event((session) => this.sessionStarted(session)),
      tracker.onCurrentChanged.event((session) => {
        if (session && session !== this.followed && this.panel) void this.follow(session);
      }),
      tracker.onEnded.event((session) => {
        if (session === this.followed) this.sessionEnded();
      }),
      tracker.onGraphState.event(({ session, event }) => {
        if (session === this.followed) this.bridge.onGraphState(event);
      }),
      tracker.onNodeBreakpoints.event(({ session, breakpoints }) => {
        if (session === this.followed) this.bridge.onNodeBreakpoints(breakpoints);
      }),
      tracker.onGraph.event(({ session, graph }) => {
        if (session === this.followed) this.bridge.onGraph(graph);
      }),
      vscode.debug.onDidChangeBreakpoints(() => this.bridge.onNodeBreakpoints(this.book.current())),
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => this.adopt(panel),
      }),
    );
  }

  /** "LangGraph: Show Graph Panel": the running session's graph, else the active graph file's. */
  async show(fileUri?: vscode.Uri): Promise<void> {
    const session = this.tracker.current;
    if (session && !fileUri) {
      this.reveal(false);
      if (session !== this.followed) await this.follow(session);
      return;
    }
    const file = fileUri ?? vscode.window.activeTextEditor?.document.uri;
    if (!file || file.scheme !== "file" || !isGraphFileName(file.fsPath)) {
      void vscode.window.showInformationMessage("Open a graph file (TypeScript or JavaScript), or start debugging one, to show its graph.");
      return;
    }
    this.reveal(false);
    await this.preview(file.fsPath);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of [...this.subscriptions, ...this.panelSubscriptions]) subscription.dispose();
  }

  private sessionStarted(session: vscode.DebugSession): void {
    const open = vscode.workspace.getConfiguration().get<boolean>(OPEN_PANEL_SETTING, true);
    if (!open && !this.panel) return;
    this.reveal(true);
    void this.follow(session);
  }

  private async follow(session: vscode.DebugSession): Promise<void> {
    this.followed = session;
    await this.bridge.attach(linkOf(session), this.tracker.lastState(session), session.name);
  }

  private sessionEnded(): void {
    this.followed = undefined;
    this.bridge.sessionEnded("The debug session ended. Its thread stays in the Checkpoints view.");
  }

  private async preview(program: string): Promise<void> {
    this.followed = undefined;
    await this.bridge.attach(undefined);
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(program))?.uri.fsPath ?? path.dirname(program);
    try {
      const preview = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Loading the graph of ${path.basename(program)}` },
        () => previewGraph({ program, checkpointDir: path.join(folder, ".langgraph"), onOutput: (text) => this.output.append(text) }),
      );
      this.bridge.showGraph(preview.graph, `${path.basename(program)} · ${preview.exportName}`);
    } catch (error) {
      const message = (error as Error).message;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(`Could not load the graph: ${message}`);
    }
  }

  /** Creates the panel if needed and shows it; the panel never takes focus from the editor on F5. */
  private reveal(preserveFocus: boolean): void {
    if (this.panel) return this.panel.reveal(undefined, preserveFocus);
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, "LangGraph", { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, this.webviewOptions());
    this.adopt(panel);
  }

  /** Takes a panel (new, or revived after a window reload) and gives it its page. */
  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.webview.html = this.html(panel.webview);
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.bridge.receive(message)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.bridge.panelGone();
      }),
      panel.onDidDispose(() => this.panelClosed()),
    ];
    const session = this.tracker.current;
    if (session && session !== this.followed) void this.follow(session);
  }

  private panelClosed(): void {
    this.bridge.panelGone();
    for (const subscription of this.panelSubscriptions) subscription.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "dist"), vscode.Uri.joinPath(this.extensionUri, "media")],
    };
  }

  private html(webview: vscode.Webview): string {
    const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString("base64"),
      scriptUri: uri("dist", "webview", "panel.js"),
      styleUri: uri("media", "panel.css"),
      workerUri: uri("dist", "webview", "layout.js"),
      title: "LangGraph",
    });
  }

  private editorSide(): PanelEditor {
    return {
      post: (message) => void this.panel?.webview.postMessage(message),
      nodeBreakpoints: () => this.book.current(),
      setNodeBreakpoints: (wanted) => this.book.set(wanted),
      openSource: (_node, source) => openSource(source),
      switchThread: (threadId) => this.switchThread(threadId),
      listThreads: () => this.listThreads(),
      storedHistory: async (threadId, before) => {
        const dir = this.storeDir();
        return dir ? readStoredHistory(dir, threadId, before ? { before } : {}) : { entries: [], more: false };
      },
      graphShown: (graph) => (this.book.graph = graph),
      log: (text) => this.output.appendLine(text),
    };
  }

  private async switchThread(threadId: string): Promise<void> {
    const configuration = this.followed?.configuration;
    const checkpointDir = this.storeDir();
    if (!checkpointDir) throw new Error("Open a workspace folder to use its checkpoint store.");
    const program = typeof configuration?.program === "string" ? { program: configuration.program, ...(typeof configuration.graph === "string" ? { graph: configuration.graph } : {}) } : undefined;
    await this.opener.open({ threadId, checkpointDir, ...(program ? { program } : {}) });
  }

  private async listThreads(): Promise<ThreadSummary[]> {
    const dir = this.storeDir();
    if (!dir) return [];
    return (await listStoredThreads(dir)).map((thread) => ({ threadId: thread.threadId, ...(thread.name ? { label: thread.name } : {}) }));
  }

  private storeDir(): string | undefined {
    const fromSession: unknown = this.followed?.configuration.checkpointDir;
    if (typeof fromSession === "string") return fromSession;
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? path.join(folder.uri.fsPath, ".langgraph") : undefined;
  }
}

function linkOf(session: vscode.DebugSession): AdapterLink {
  return {
    customRequest: <N extends CustomRequestName>(name: N, args: CustomRequests[N]["args"]) =>
      Promise.resolve(session.customRequest(name, args) as Thenable<CustomRequests[N]["body"]>),
  };
}

async function openSource(source: SourceLocation): Promise<void> {
  const position = new vscode.Position(Math.max(0, source.line - 1), Math.max(0, source.column - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(source.file), {
    viewColumn: vscode.ViewColumn.One,
    selection: new vscode.Range(position, position),
    preserveFocus: false,
  });
}
