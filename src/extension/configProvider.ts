/**
 * The `langgraph` debug configuration provider: F5 on a graph file with no launch.json debugs
 * that file; "Add Configuration" and the Run and Debug view's launch choices offer the graphs of
 * the workspace's `langgraph.json` files; every configuration is completed by configResolution.ts
 * before the session starts, and an attach without a thread asks for one from the store.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { DEBUG_TYPE, LangGraphConfig, configsFromLanggraphJson, launchFileConfig, resolveConfig } from "./configResolution";
import { LanggraphJson, LanggraphJsonError, parseLanggraphJson } from "./langgraphJson";
import { listStoredThreads } from "./storeReader";

export class LangGraphConfigProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly log: (text: string) => void) {}

  async provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    const configs: LangGraphConfig[] = [];
    for (const project of await findLanggraphJsons(folder, this.log)) configs.push(...configsFromLanggraphJson(project.json, project.folder));
    if (configs.length === 0) configs.push({ ...launchFileConfig("${file}"), name: "Debug LangGraph graph (current file)", input: {} });
    return configs;
  }

  async resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | null | undefined> {
    if (!config.type && !config.request && !config.name) {
      // F5 with no launch.json: debug the active file (filled in once variables are substituted).
      Object.assign(config, { type: DEBUG_TYPE, request: "launch", name: "Debug graph file" });
    }
    if (config.request === "attach" && !config.threadId) {
      const threadId = await pickThread(storeOf(config, folder));
      if (!threadId) return undefined; // the person cancelled: no session, no error
      config.threadId = threadId;
    }
    return config;
  }

  resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | null | undefined {
    const editor = vscode.window.activeTextEditor?.document;
    const resolution = resolveConfig(config as Partial<LangGraphConfig>, {
      ...(editor?.uri.scheme === "file" ? { activeFile: editor.uri.fsPath } : {}),
      ...(folderOf(folder, editor) ? { workspaceFolder: folderOf(folder, editor)! } : {}),
    });
    if ("error" in resolution) {
      void vscode.window.showErrorMessage(resolution.error);
      return undefined;
    }
    return resolution.config;
  }
}

export interface FoundProject {
  file: string;
  folder: string;
  json: LanggraphJson;
}

/** The langgraph.json files of one folder (or all), parsed; a broken one is reported, not fatal. */
export async function findLanggraphJsons(folder: vscode.WorkspaceFolder | undefined, log: (text: string) => void): Promise<FoundProject[]> {
  const pattern = folder ? new vscode.RelativePattern(folder, "**/langgraph.json") : "**/langgraph.json";
  const files = await vscode.workspace.findFiles(pattern, "**/node_modules/**", 20);
  const found: FoundProject[] = [];
  for (const uri of files) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const json = parseLanggraphJson(text, uri.fsPath);
      for (const skipped of json.skipped) log(skipped);
      const owner = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
      found.push({ file: uri.fsPath, folder: owner, json });
    } catch (error) {
      if (!(error instanceof LanggraphJsonError)) throw error;
      log(error.message);
      void vscode.window.showWarningMessage(error.message);
    }
  }
  return found;
}

function folderOf(folder: vscode.WorkspaceFolder | undefined, editor: vscode.TextDocument | undefined): string | undefined {
  if (folder) return folder.uri.fsPath;
  const owner = editor ? vscode.workspace.getWorkspaceFolder(editor.uri) : undefined;
  return (owner ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
}

function storeOf(config: vscode.DebugConfiguration, folder: vscode.WorkspaceFolder | undefined): string | undefined {
  if (typeof config.checkpointDir === "string" && path.isAbsolute(config.checkpointDir)) return config.checkpointDir;
  const root = folderOf(folder, vscode.window.activeTextEditor?.document);
  return root ? path.join(root, ".langgraph") : undefined;
}

async function pickThread(checkpointDir: string | undefined): Promise<string | undefined> {
  const threads = checkpointDir ? await listStoredThreads(checkpointDir) : [];
  if (threads.length === 0) {
    void vscode.window.showErrorMessage(`There are no threads to attach to${checkpointDir ? ` in ${checkpointDir}` : ""}: run the graph first (F5), or set "threadId" and "checkpointDir".`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    threads.map((thread) => ({ label: thread.name ?? thread.threadId, description: thread.name ? thread.threadId : undefined, detail: thread.updatedAt, threadId: thread.threadId })),
    { title: "Attach to which LangGraph thread?", placeHolder: "Threads in the checkpoint store, newest first" },
  );
  return picked?.threadId;
}
