/**
 * One code-server for one end-to-end run: a free loopback port, its own user-data and extensions
 * folders in a fresh temporary directory (so parallel runs never share the IPC socket or state),
 * and a stop that ends the server with every process below it. Installing code-server itself, and
 * the Debian packages it needs, is scripts/code-server.mjs's job; this file only drives it.
 */
import { execFileSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { killTree } from "./processes";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface ServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** The extension loaded from source, as `extensionDevelopmentPath` (the URL's payload). */
  developmentPath?: string;
  /** A module whose `run()` the extension host awaits (the test-electron model). */
  testsPath?: string;
  /**
   * Unpacked extensions installed by a link in the extensions folder (the workbench's payload
   * loads only one development extension, so helpers such as the test probe come this way).
   */
  linkedExtensions?: string[];
  /** .vsix files installed into this server's extensions folder before it starts. */
  vsixFiles?: string[];
  /** Environment of the server, inherited by its extension host and every runner. */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** The workbench address, with the folder and the development payload. */
  url: string;
  pid: number;
  workDir: string;
  logFile: string;
  stop(): Promise<void>;
}

interface CodeServerModule {
  ensureCodeServer(): string;
  startCodeServer(options: {
    port: number; workDir: string; folder: string; extensionPath?: string; testsPath?: string; extraEnv?: Record<string, string>;
  }): Promise<{ url: string; server: ChildProcess; logFile: string }>;
}

/** scripts/code-server.mjs, loaded at run time (an ES module without type declarations). */
export async function codeServerScript(): Promise<CodeServerModule> {
  const file = path.join(PROJECT_ROOT, "scripts", "code-server.mjs");
  return (await import(file)) as CodeServerModule;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const script = await codeServerScript();
  const entry = script.ensureCodeServer();
  const workDir = mkdtempSync(path.join(os.tmpdir(), "langgraph-e2e-"));
  mkdirSync(path.join(workDir, "exts"), { recursive: true });
  for (const folder of options.linkedExtensions ?? []) linkExtension(workDir, folder);
  for (const vsix of options.vsixFiles ?? []) installVsix(entry, workDir, vsix);
  const port = await freePort();
  const started = await script.startCodeServer({
    port, workDir, folder: options.folder, extensionPath: options.developmentPath, testsPath: options.testsPath, extraEnv: options.env,
  });
  const pid = started.server.pid!;
  return {
    url: started.url,
    pid,
    workDir,
    logFile: started.logFile,
    stop: () => killTree(pid),
  };
}

/** An unpacked extension, linked into the extensions folder as `<publisher>.<name>-<version>`. */
function linkExtension(workDir: string, folder: string): void {
  const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { publisher: string; name: string; version: string };
  symlinkSync(folder, path.join(workDir, "exts", `${manifest.publisher}.${manifest.name}-${manifest.version}`), "dir");
}

/** `code-server --install-extension`, into this run's extensions folder (the CLI exits when done). */
function installVsix(entry: string, workDir: string, vsix: string): void {
  const config = path.join(workDir, "cs-config.yaml");
  writeFileSync(config, ""); // without --config, code-server would write one into the home folder
  const output = execFileSync(process.execPath, [
    entry, "--config", config, "--user-data-dir", path.join(workDir, "ud"), "--extensions-dir", path.join(workDir, "exts"),
    "--install-extension", vsix, "--force",
  ], { encoding: "utf8", timeout: 60_000, env: { ...process.env } });
  if (!/successfully installed/i.test(output)) throw new Error(`installing ${vsix} into code-server failed:\n${output}`);
}
