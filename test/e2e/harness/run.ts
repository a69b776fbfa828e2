/**
 * The shared setting of the end-to-end stories: a copy of examples/ as the workspace (so runs
 * never write checkpoints or launch settings into the repository), one code-server with the
 * extension loaded from source beside the test-only probe, and one Chromium window on it. The
 * stories share them in order, like a person's working day; `stopAll()` (mocha's root hook) ends
 * every server and browser, passed or failed. Screenshots and logs go to test-artifacts/e2e/.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT, RunningServer, ServerOptions, startServer } from "./codeServer";
import { PROBE_EXTENSION, ProbeLog } from "./probe";
import { killTreeNow } from "./processes";
import { Workbench } from "./workbench";

export const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts", "e2e");

/** Settings of every e2e window: no distractions, no git scanning of the repository around the copy. */
const SETTINGS = {
  "git.enabled": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.editor.enablePreview": false,
  "extensions.ignoreRecommendations": true,
  "typescript.disableAutomaticTypeAcquisition": true,
  "typescript.surveys.enabled": false,
  "update.mode": "none",
  "remote.autoForwardPorts": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
};

export interface EditorSession {
  server: RunningServer;
  workbench: Workbench;
  workspace: string;
  probe: ProbeLog;
}

const running: Array<() => Promise<void>> = [];
const liveServers = new Set<number>();

// If mocha exits without its root hook (a crash, process.exit), no server may outlive it.
process.on("exit", () => {
  for (const pid of liveServers) killTreeNow(pid);
});

/** Graph files of the reliability tests, copied in beside the examples (Quick Open lists what exists at start). */
const FIXTURES: Array<[string, string]> = [["spin-forever.ts", "spin-forever.ts"], ["broken-graph.ts.fixture", "broken-graph.ts"]];

/**
 * A fresh copy of examples/ under test-artifacts/e2e/, with the test fixtures beside them. Its
 * node_modules is a link to examples/node_modules (what examples/package.json installs, about
 * 70 MB): the graphs run on the examples' own LangGraph.js, as a person's F5 does, without a copy.
 */
export function copyExamples(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const run = mkdtempSync(path.join(ARTIFACTS, "run-"));
  const workspace = path.join(run, "examples"); // the window's title names the folder, as for a person
  const examples = path.join(PROJECT_ROOT, "examples");
  const own = (source: string) => !path.relative(examples, source).split(path.sep).some((part) => part === ".langgraph" || part === "node_modules");
  cpSync(examples, workspace, { recursive: true, filter: own });
  symlinkSync(path.join(examples, "node_modules"), path.join(workspace, "node_modules"), "dir");
  for (const [from, to] of FIXTURES) copyFileSync(path.join(__dirname, "..", "fixtures", from), path.join(workspace, to));
  running.push(async () => rmSync(run, { recursive: true, force: true }));
  return workspace;
}

/** Starts a server and a window on `workspace`; both are ended by `stopAll()`. */
export async function openEditor(name: string, workspace: string, options: Omit<ServerOptions, "folder"> = {}): Promise<EditorSession> {
  // Each run writes its own probe log (runs may overlap on a shared machine), kept with the artifacts at the end.
  const probe = new ProbeLog(path.join(os.tmpdir(), `langgraph-e2e-probe-${process.pid}-${name}.jsonl`));
  rmSync(probe.file, { force: true });
  running.push(async () => {
    if (existsSync(probe.file)) copyFileSync(probe.file, path.join(ARTIFACTS, `${name}-probe.jsonl`));
    rmSync(probe.file, { force: true });
  });
  const server = await startServer({
    folder: workspace, linkedExtensions: [PROBE_EXTENSION], ...options, env: { ...options.env, LANGGRAPH_E2E_PROBE_LOG: probe.file },
  });
  liveServers.add(server.pid);
  running.push(async () => {
    await server.stop();
    liveServers.delete(server.pid);
    // Keep the server's log with the other artifacts; its user-data folder goes.
    if (existsSync(server.logFile)) copyFileSync(server.logFile, path.join(ARTIFACTS, `${name}-server.log`));
    rmSync(server.workDir, { recursive: true, force: true });
  });
  writeSettings(server.workDir);
  const workbench = await Workbench.launch(ARTIFACTS, name);
  running.push(() => workbench.close());
  workbench.log(`server pid ${server.pid}, log ${server.logFile}`);
  return { server, workbench, workspace, probe };
}

let shared: Promise<EditorSession> | undefined;

/** The window the UI stories share: the extension from source, and the probe. */
export function sharedEditor(): Promise<EditorSession> {
  shared ??= (async () => {
    const session = await openEditor("ui", copyExamples(), { developmentPath: PROJECT_ROOT });
    await session.workbench.open(session.server.url);
    return session;
  })();
  return shared;
}

/** Ends every server, browser and workspace copy, newest first; never throws. */
export async function stopAll(): Promise<void> {
  shared = undefined;
  while (running.length > 0) {
    const stop = running.pop()!;
    await stop().catch((error: Error) => console.error(`e2e cleanup: ${error.message}`));
  }
}

function writeSettings(workDir: string): void {
  const file = path.join(workDir, "ud", "User", "settings.json");
  const current = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...current, ...SETTINGS }, null, 2));
}
