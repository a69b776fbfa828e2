/**
 * The extension-host test suite (test/suite, mocha inside VS Code's extension host with the real
 * `vscode` API) run in code-server the way @vscode/test-electron runs it in desktop VS Code: the
 * workbench loads the extension from this folder and `require`s out/test/suite/index.js as
 * `extensionTestsPath`, awaits its `run()`, and reports the exit code through
 * `window.codeAutomationExit`. The suite's own JSON summary (LANGGRAPH_TEST_RESULTS) says which
 * tests passed; the extension host's console is in test-artifacts/e2e/host-suite-workbench.log.
 */
import * as assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./harness/codeServer";
import { ARTIFACTS, copyExamples, openEditor } from "./harness/run";

interface SuiteSummary {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
  skipped: string[];
}

const SUITE_TIMEOUT_MS = 240_000;

describe("e2e 0: the extension-host suite (test/suite) inside code-server", function () {
  this.timeout(SUITE_TIMEOUT_MS + 60_000);

  it("runs every test of test/suite with the real vscode API, and all pass", async function () {
    const { buildSuite } = (await import(path.join(__dirname, "build-suite.mjs"))) as { buildSuite(): Promise<string> };
    const testsPath = path.join(await buildSuite(), "index.js");
    const results = path.join(ARTIFACTS, "host-suite-results.json");
    rmSync(results, { force: true });
    const { server, workbench } = await openEditor("host-suite", copyExamples(), {
      developmentPath: PROJECT_ROOT, testsPath, env: { LANGGRAPH_TEST_RESULTS: results },
    });
    const exit = await workbench.openTests(server.url, SUITE_TIMEOUT_MS);
    const summary = existsSync(results) ? (JSON.parse(readFileSync(results, "utf8")) as SuiteSummary) : undefined;
    const failures = summary?.failed.map((failure) => `  ✗ ${failure.title}\n${failure.error}`).join("\n") ?? "";
    assert.notEqual(exit, "timeout", `the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s; see ${workbench.logFile}`);
    assert.ok(summary, `the suite wrote no summary to ${results}; see ${workbench.logFile}`);
    assert.equal(summary.failed.length, 0, `extension-host tests failed:\n${failures}`);
    assert.equal(exit, 0, `the extension host reported exit code ${exit}; see ${workbench.logFile}`);
    assert.ok(summary.passed.length > 0, "at least one test ran (none were skipped for want of the vscode API)");
    console.log(`      extension host: ${summary.passed.length} passed, ${summary.skipped.length} skipped`);
  });
});
