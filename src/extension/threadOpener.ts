/**
 * Travels to a thread or a checkpoint picked in the Checkpoints view or the panel's thread list.
 * When a session already shows that thread, the pick goes to it (`selectCheckpoint`); otherwise an
 * `attach` session opens the thread from the store without running it, and then travels to the
 * checkpoint. Attach needs the graph file: the one the thread was last debugged with (remembered
 * per workspace), else the active editor's graph file, else one the person picks.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { SnapshotView } from "../protocol/debug";
import { attachConfig, isGraphFileName } from "./configResolution";
import { findLanggraphJsons } from "./configProvider";
import type { SessionTracker } from "./sessions";

export interface ThreadTarget {
  threadId: string;
  checkpointDir: string;
  checkpointId?: string;
  /** A graph file known to belong to the thread (the panel's current session), if any. */
  program?: ProgramChoice;
}

/** The graph an attach session loads. */
export interface ProgramChoice {
  program: string;
  graph?: string;
}

export class ThreadOpener {
  constructor(private readonly tracker: SessionTracker, private readonly log: (text: string) => void) {}

  async open(target: ThreadTarget): Promise<void> {
    const running = this.tracker.sessionOfThread(target.threadId, target.checkpointDir);
    const session = running ?? (await this.attach(target));
    if (!session) return;
    if (!target.checkpointId) return;
    const state = await this.tracker.waitForState(session);
    if (state.checkpointId === target.checkpointId) return;
    const shown: SnapshotView = await session.customRequest("selectCheckpoint", { checkpointId: target.checkpointId });
    this.log(`Showing step ${shown.metadata.step} of thread ${target.threadId} (checkpoint ${shown.checkpointId}).`);
  }

  private async attach(target: ThreadTarget): Promise<vscode.DebugSession | undefined> {
    const origin: ProgramChoice | undefined = target.program ?? this.tracker.origin(target.threadId) ?? (await this.askForProgram(target.threadId));
    if (!origin) return undefined;
    const config = attachConfig(origin.program, target.threadId, target.checkpointDir, origin.graph);
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(origin.program));
    const next = this.tracker.nextSession((session) => session.configuration.threadId === target.threadId && session.configuration.request === "attach");
    const started = await vscode.debug.startDebugging(folder, config);
    if (!started) {
      next.cancel();
      this.log(`Could not open thread ${target.threadId} with ${origin.program}.`);
      return undefined;
    }
    return next.session;
  }

  /** No remembered file: the active graph file, or a pick among langgraph.json graphs and files. */
  private async askForProgram(threadId: string): Promise<ProgramChoice | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const choices: Array<vscode.QuickPickItem & { origin?: ProgramChoice }> = [];
    if (active?.uri.scheme === "file" && isGraphFileName(active.fileName) && active.getText().includes("addNode")) {
      choices.push({ label: path.basename(active.fileName), description: "active editor", origin: { program: active.fileName } });
    }
    for (const project of await findLanggraphJsons(undefined, this.log)) {
      for (const graph of project.json.graphs) {
        choices.push({ label: graph.id, description: path.relative(project.folder, graph.program), origin: { program: graph.program, ...(graph.exportName ? { graph: graph.exportName } : {}) } });
      }
    }
    choices.push({ label: "Browse...", description: "pick the graph file" });
    const picked = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { title: `Which graph does thread ${threadId} belong to?` });
    if (!picked) return undefined;
    if (picked.origin) return picked.origin;
    const files = await vscode.window.showOpenDialog({ canSelectMany: false, title: `Graph file of thread ${threadId}`, filters: { "Graph files": ["ts", "mts", "js", "mjs", "cjs"] } });
    return files?.[0] ? { program: files[0].fsPath } : undefined;
  }
}
