/**
 * The Checkpoints view in Run and Debug: the threads of the checkpoint store (the running
 * session's `checkpointDir`, and `.langgraph` in each workspace folder), and under each thread its
 * checkpoints as checkpointTree.ts lays them out, forks as branches, subgraph runs inside the
 * checkpoint they ran from. The thread a session shows is
 * read through the adapter (`history`, with the head and the checkpoint being viewed marked);
 * other threads through the store-reader process (storeReader.ts). Either way a thread comes a
 * page at a time, newest first: "Load more" below its checkpoints reads the next older page, and
 * the pages read stay while the view refreshes. Clicking a checkpoint travels there: in the
 * session that shows the thread, or in a new `attach` session.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { CustomRequests } from "../protocol/debug";
import { HISTORY_PAGE_SIZE, type HistoryPage } from "../protocol/history";
import { BranchNode, CheckpointNode, checkpointTree } from "./checkpointTree";
import { COMMANDS } from "./ids";
import type { SessionTracker } from "./sessions";
import { listStoredThreads, storeReader } from "./storeReader";
import type { ThreadOpener } from "./threadOpener";
import { PageSource, ThreadPages, oldestStep, storePages } from "./threadPages";

export type CheckpointsItem =
  | { kind: "thread"; threadId: string; name?: string; updatedAt?: string; checkpointDir: string; session?: vscode.DebugSession }
  | { kind: "checkpoint"; threadId: string; checkpointDir: string; node: CheckpointNode }
  | { kind: "branch"; threadId: string; checkpointDir: string; node: BranchNode }
  | { kind: "more"; threadId: string; checkpointDir: string; session?: vscode.DebugSession; oldestStep?: number }
  | { kind: "message"; text: string };

type ThreadItem = Extract<CheckpointsItem, { kind: "thread" }>;

const REFRESH_DELAY_MS = 250;

export class CheckpointsView implements vscode.TreeDataProvider<CheckpointsItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CheckpointsItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly pages = new ThreadPages();

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
      vscode.commands.registerCommand(COMMANDS.loadMoreCheckpoints, (item: CheckpointsItem) => this.loadMore(item)),
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
      case "more":
        return moreItem(item);
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
    storeReader.dispose(); // the reader process the views share goes with the extension (the view lives as long)
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

  /** The thread's newest page, over the older pages read before; "Load more" when older ones remain. */
  private async checkpoints(thread: ThreadItem): Promise<CheckpointsItem[]> {
    const { threadId, checkpointDir, session } = thread;
    const loaded = await this.pages.newest(pagesOf(thread));
    const state = session ? this.tracker.lastState(session) : undefined;
    const options = session ? (state ? { headId: state.headCheckpointId, currentId: state.checkpointId } : {}) : { showNext: false };
    const items: CheckpointsItem[] = checkpointTree(loaded.entries, options).map((node) => ({ kind: "checkpoint", threadId, checkpointDir, node }));
    if (loaded.more) items.push({ kind: "more", threadId, checkpointDir, ...(session ? { session } : {}), oldestStep: oldestStep(loaded) });
    return items;
  }

  private async loadMore(item: CheckpointsItem | undefined): Promise<void> {
    if (item?.kind !== "more") return;
    try {
      await this.pages.older(pagesOf(item));
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not read older checkpoints: ${(error as Error).message}`);
    }
    this.changed.fire(undefined);
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

/** The thread's pages: from its session when one shows it (which knows what runs next), else from the store. */
function pagesOf(thread: { threadId: string; checkpointDir: string; session?: vscode.DebugSession }): PageSource {
  const { session, checkpointDir, threadId } = thread;
  if (!session) return storePages(checkpointDir, threadId);
  const read = async (before?: string): Promise<HistoryPage> => {
    const args: CustomRequests["history"]["args"] = { subgraphs: true, limit: HISTORY_PAGE_SIZE, ...(before ? { before } : {}) };
    const body: CustomRequests["history"]["body"] = await session.customRequest("history", args);
    return { entries: body.entries, more: body.more === true };
  };
  return { key: [checkpointDir, threadId, session.id].join("\0"), threadId, read };
}

function moreItem(item: Extract<CheckpointsItem, { kind: "more" }>): vscode.TreeItem {
  const tree = new vscode.TreeItem("Load more", vscode.TreeItemCollapsibleState.None);
  tree.id = `more:${item.checkpointDir}:${item.threadId}`;
  tree.description = item.oldestStep === undefined ? "older checkpoints" : `checkpoints before step ${item.oldestStep}`;
  tree.tooltip = `Read the next ${HISTORY_PAGE_SIZE} older checkpoints of thread ${item.threadId}`;
  tree.iconPath = new vscode.ThemeIcon("fold-down");
  tree.contextValue = "loadMore";
  tree.command = { command: COMMANDS.loadMoreCheckpoints, title: "Load older checkpoints", arguments: [item] };
  return tree;
}

function threadItem(item: ThreadItem): vscode.TreeItem {
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
