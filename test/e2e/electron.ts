/**
 * The same extension-host suite (test/suite) under @vscode/test-electron, for machines that can
 * download VS Code: it fetches a desktop VS Code (cached in .vscode-test/), opens a copy of
 * examples/ with this folder as the development extension, and runs out/test/suite/index.js in
 * its extension host. Here, where VS Code cannot be downloaded, `npm run test:e2e` runs the suite
 * in code-server instead (00-extension-host-suite.e2e.ts). Run with `npm run test:electron`.
 */
import { runTests } from "@vscode/test-electron";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

async function main(): Promise<void> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), "langgraph-electron-"));
  cpSync(path.join(root, "examples"), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? "stable",
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, "out", "test", "suite", "index.js"),
      launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes"],
      extensionTestsEnv: { LANGGRAPH_TEST_RESULTS: path.join(root, "test-artifacts", "electron", "results.json") },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`test:electron: ${error.message}`);
  console.error("test:electron needs to download VS Code; where it cannot, `npm run test:e2e` runs the same suite in code-server.");
  process.exit(1);
});
