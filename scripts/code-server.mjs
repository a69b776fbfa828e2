// A real VS Code for this machine: code-server 4.100.3 (VS Code 1.100.3) from npm, installed once
// into ~/.cache/langgraph-debugger/code-server, with its native modules built against Debian's Node
// headers and Debian's ripgrep in place of the one it would download. `ensureCodeServer()` installs
// what is missing; `startCodeServer()` runs it on a loopback port with the extension loaded from
// source through the workbench's `payload` parameter (code-server rejects --extensionDevelopmentPath).
import { execSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const CODE_SERVER_VERSION = "4.100.3";
const home = process.env.LANGGRAPH_DEBUGGER_CACHE ?? join(homedir(), ".cache", "langgraph-debugger");
export const serverDir = join(home, `code-server-${CODE_SERVER_VERSION}`);
const entry = join(serverDir, "node_modules", "code-server", "out", "node", "entry.js");
const env = { ...process.env, npm_config_nodedir: "/usr", npm_config_yes: "true" };

function sh(command, cwd, why) {
  console.log(`code-server: ${why}\n  $ ${command}`);
  execSync(command, { cwd, stdio: "inherit", env });
}

function ensureDebian(packages) {
  const missing = packages.filter(([, probe]) => !existsSync(probe)).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`code-server needs Debian packages: sudo apt-get install -y ${missing.join(" ")}`);
  sh("apt-get update -qq", "/", "refreshing Debian's package lists");
  sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, "/", `installing ${missing.join(", ")}`);
}

export function ensureCodeServer() {
  ensureDebian([["libkrb5-dev", "/usr/include/krb5.h"], ["ripgrep", "/usr/bin/rg"], ["chromium", "/usr/bin/chromium"]]);
  if (existsSync(join(serverDir, ".complete"))) return entry;
  mkdirSync(serverDir, { recursive: true });
  writeFileSync(join(serverDir, "package.json"), JSON.stringify({ name: "code-server-host", private: true }));
  sh(`npm install --ignore-scripts --no-audit --no-fund code-server@${CODE_SERVER_VERSION}`, serverDir, "installing code-server from npm");
  const vscodeDir = join(serverDir, "node_modules", "code-server", "lib", "vscode");
  sh("npm install --omit=dev --ignore-scripts --no-audit --no-fund", vscodeDir, "installing VS Code's server dependencies");
  sh("npm rebuild kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid", vscodeDir, "building native modules (about 30 s)");
  mkdirSync(join(vscodeDir, "node_modules", "@vscode", "ripgrep", "bin"), { recursive: true });
  sh("ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg && ln -sfn node_modules node_modules.asar", vscodeDir, "using Debian's ripgrep");
  sh("npm install --omit=dev --ignore-scripts --no-audit --no-fund", join(vscodeDir, "extensions"), "installing built-in extensions");
  sh("npm rebuild argon2", serverDir, "building argon2");
  writeFileSync(join(serverDir, ".complete"), new Date().toISOString());
  return entry;
}

/**
 * Starts code-server; resolves with its address and a stop function once /healthz answers.
 * `extensionPath` is loaded as a development extension; `testsPath` (optional) runs in its host.
 */
export async function startCodeServer({ port, workDir, folder, extensionPath, testsPath, extraEnv = {} }) {
  const entryPath = ensureCodeServer();
  mkdirSync(join(workDir, "ud", "User"), { recursive: true });
  writeFileSync(join(workDir, "cs-config.yaml"), "");
  writeFileSync(join(workDir, "ud", "User", "settings.json"), JSON.stringify({
    "workbench.startupEditor": "none", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
    "telemetry.telemetryLevel": "off", "security.workspace.trust.enabled": false,
  }));
  const args = [entryPath, "--config", join(workDir, "cs-config.yaml"), "--auth", "none", "--bind-addr", `127.0.0.1:${port}`,
    "--user-data-dir", join(workDir, "ud"), "--extensions-dir", join(workDir, "exts"), "--disable-telemetry",
    "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened"];
  const server = spawn(process.execPath, args, { env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  // Always drain both pipes (a full pipe would stall the server) into a log beside its data.
  const log = createWriteStream(join(workDir, "server.log"));
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });
  const host = `127.0.0.1:${port}`;
  const payload = [];
  if (extensionPath) payload.push(["extensionDevelopmentPath", `vscode-remote://${host}${extensionPath}`]);
  if (testsPath) payload.push(["extensionTestsPath", `vscode-remote://${host}${testsPath}`]);
  const url = `http://${host}/?folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ""}`;
  for (let i = 0; i < 100; i++) {
    if (await healthy(host)) return { url, server, logFile: join(workDir, "server.log"), stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`code-server did not answer on ${host} within 20 s; see ${join(workDir, "server.log")}`);
}

async function healthy(host) {
  try {
    return (await fetch(`http://${host}/healthz`)).ok;
  } catch {
    return false;
  }
}
