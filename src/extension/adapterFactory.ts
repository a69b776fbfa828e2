/**
 * Runs the `langgraph` debug adapter inside the extension host (VS Code's inline adapter): no
 * extra process for the adapter itself, while each session's runner is still a child process, so
 * user code never runs here. The same adapter class speaks DAP over stdio as dist/debugAdapter.js.
 */
import * as vscode from "vscode";
import { LangGraphDebugSession } from "../debug/session";

export class InlineAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  createDebugAdapterDescriptor(): vscode.DebugAdapterDescriptor {
    // The adapter's ProtocolServer has the shape vscode.DebugAdapter asks for (onDidSendMessage,
    // handleMessage, dispose), so the session is handed over as it is.
    const session: vscode.DebugAdapter = new LangGraphDebugSession();
    return new vscode.DebugAdapterInlineImplementation(session);
  }
}
