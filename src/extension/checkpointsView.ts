/**
 * The Checkpoints view in Run and Debug: the threads of the checkpoint store (the running
 * session's `checkpointDir`, and `.langgraph` in each workspace folder), and under each thread its
 * checkpoints as checkpointTree.ts lays them out, forks as branches, subgraph runs inside the
 * checkpoint they ran from. The thread a session shows is
 * read through the adapter (`history`, with the head and the checkpoint being viewed marked);
 * other threads are read from the store directly. Clicking a checkpoint travels there: in the
 * session that shows the thread, or in a new `attach` session.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { CustomRequests, HistoryEntry } from "../protocol/debug";
import { BranchNode, CheckpointNode, checkpointTree } from "./checkpointTree";
import { COMMANDS } from "./ids";
import type { SessionTracker } from "./sessions";
import { listStoredThreads, readStoredHistory } from "./storeReader";
import type { ThreadOpener } from "./threadOpener";

export type CheckpointsItem =
  | { kind: "thread"; threadId: string; name?: string; updatedAt?: string; checkpointDir: string; session?: vscode.DebugSession }
  | { kind: "checkpoint"; threadId: string; checkpointDir: string; node: CheckpointNode }
  | { kind: "branch"; threadId: string; checkpointDir: string; node: BranchNode }
  | { kind: "message"; text: string };

const REFRESH_DELAY_MS = 250;

export class CheckpointsView implements vscode.TreeDataProvider<CheckpointsItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CheckpointsItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly tracker: SessionTracker, private readonly opener: ThreadOpener) {
    const watcher = vscode.workspace.createFileSystemWatcher("**/.langgraph/threads/*.jsonl");
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.refreshSoon()),
      watcher.onDidDelete(() => this.refreshSoon()),
      tracker.onGraphState.event(() => this.refreshSoon()),
      tracker.onCurrentChanged.event(() => this.refreshSoon()),
      vscode.commands.registerCommand(COMMANDS.refreshCheckpoints, () => this.changed.fire(undefined)),
      vscode.commands.registerCommand(COMMANDS.selectCheckpoint, (item: CheckpointsItem) => this.select(item)),
      vscode.commands.registerCommand(COMMANDS.openThread, (item: CheckpointsItem) => this.select(item)),
    );
  }

  async getChildren(item?: CheckpointsItem): Promise<CheckpointsItem[]> {
    try {
      if (!item) return await this.threads();
      if (item.kind === "thread") return await this.checkpoints(item);
      if (item.kind === "checkpoint") return item.node.branches.map((node) => ({ kind: "branch", threadId: item.threadId, checkpointDir: item.checkpointDir, node }));
      if (item.kind === "branch") return item.node.items.map((node) => ({ kind: "checkpoint", threadId: item.threadId, checkpointDir: item.checkpointDir, node }));
      return [];
    } catch (error) {
      return [{ kind: "message", text: `Could not read the checkpoints: ${(error as Error).message}` }];
    }
  }

  getTreeItem(item: CheckpointsItem): vscode.TreeItem {
    switch (item.kind) {
      case "thread":
        return threadItem(item);
      case "checkpoint":
        return checkpointItem(item);
      case "branch": {
        const tree = new vscode.TreeItem(item.node.label, vscode.TreeItemCollapsibleState.Collapsed);
        tree.description = item.node.description;
        tree.iconPath = new vscode.ThemeIcon(item.node.subgraph ? "type-hierarchy-sub" : "git-branch");
        tree.contextValue = item.node.subgraph ? "subgraphRun" : "branch";
        return tree;
      }
      default: {
        const tree = new vscode.TreeItem(item.text, vscode.TreeItemCollapsibleState.None);
        tree.iconPath = new vscode.ThemeIcon("warning");
        return tree;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  /** The store folders to show: the current session's first, then each workspace folder's. */
  private stores(): string[] {
    const session = this.tracker.current;
    const dirs = [
      typeof session?.configuration.checkpointDir === "string" ? session.configuration.checkpointDir : undefined,
      ...(vscode.workspace.workspaceFolders ?? []).map((folder) => path.join(folder.uri.fsPath, ".langgraph")),
    ].filter((dir): dir is string => !!dir);
    return [...new Set(dirs.map((dir) => path.resolve(dir)))];
  }

  private async threads(): Promise<CheckpointsItem[]> {
    const items: CheckpointsItem[] = [];
    for (const checkpointDir of this.stores()) {
      for (const thread of await listStoredThreads(checkpointDir)) {
        const session = this.tracker.sessionOfThread(thread.threadId, checkpointDir);
        items.push({ kind: "thread", ...thread, checkpointDir, ...(session ? { session } : {}) });
      }
    }
    // Threads with a running session come first: they are what the person is debugging now.
    return items.sort((a, b) => Number(b.kind === "thread" && !!b.session) - Number(a.kind === "thread" && !!a.session));
  }

  private async checkpoints(thread: Extract<CheckpointsItem, { kind: "thread" }>): Promise<CheckpointsItem[]> {
    const session = thread.session;
    let nodes: CheckpointNode[];
    if (session) {
      const history: CustomRequests["history"]["body"] = await session.customRequest("history", { subgraphs: true });
      const state = this.tracker.lastState(session);
      nodes = checkpointTree(history.entries, { ...(state ? { headId: state.headCheckpointId, currentId: state.checkpointId } : {}) });
    } else {
      const entries: HistoryEntry[] = await readStoredHistory(thread.checkpointDir, thread.threadId);
      nodes = checkpointTree(entries, { showNext: false });
    }
    return nodes.map((node) => ({ kind: "checkpoint", threadId: thread.threadId, checkpointDir: thread.checkpointDir, node }));
  }

  private async select(item: CheckpointsItem | undefined): Promise<void> {
    if (!item || (item.kind !== "checkpoint" && item.kind !== "thread")) return;
    const checkpointId = item.kind === "checkpoint" ? item.node.entry.checkpointId : undefined;
    try {
      await this.opener.open({ threadId: item.threadId, checkpointDir: item.checkpointDir, ...(checkpointId ? { checkpointId } : {}) });
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not open the checkpoint: ${(error as Error).message}`);
    }
    this.refreshSoon();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), REFRESH_DELAY_MS);
  }
}

function threadItem(item: Extract<CheckpointsItem, { kind: "thread" }>): vscode.TreeItem {
  const tree = new vscode.TreeItem(item.name ?? item.threadId, item.session ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  tree.id = `thread:${item.checkpointDir}:${item.threadId}`;
  tree.description = item.session ? "debugging" : item.updatedAt ? new Date(item.updatedAt).toLocaleString() : undefined;
  tree.tooltip = `Thread ${item.threadId}\nStore: ${item.checkpointDir}`;
  tree.iconPath = new vscode.ThemeIcon(item.session ? "debug-alt" : "history");
  tree.contextValue = "thread";
  return tree;
}

function checkpointItem(item: Extract<CheckpointsItem, { kind: "checkpoint" }>): vscode.TreeItem {
  const { node } = item;
  const state = node.branches.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const tree = new vscode.TreeItem(node.label, state);
  tree.id = `checkpoint:${item.checkpointDir}:${item.threadId}:${node.entry.checkpointId}`;
  tree.description = node.description;
  tree.tooltip = node.tooltip;
  tree.iconPath = new vscode.ThemeIcon(node.isCurrent ? "debug-stackframe" : node.isHead ? "circle-filled" : "circle-outline");
  tree.contextValue = "checkpoint";
  tree.command = { command: COMMANDS.selectCheckpoint, title: "Go to this checkpoint", arguments: [item] };
  return tree;
}
