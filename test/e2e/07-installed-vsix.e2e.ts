/**
 * The packaged extension, installed as a user installs it: `npm run package` builds the .vsix,
 * `code-server --install-extension` puts it into a fresh extensions folder, and a window with no
 * development extension plays story 1 on it. The runner's command line proves the installed copy
 * ran (its path is inside that extensions folder), not this source folder.
 */
import * as assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./harness/codeServer";
import { playStory } from "./harness/between";
import { processList } from "./harness/processes";
import { copyExamples, openEditor } from "./harness/run";
import { recordMeasure } from "./harness/timings";
import { breakpointStory } from "./stories/breakpointStory";

describe("e2e 1 again, on the installed .vsix", function () {
  this.timeout(240_000);

  it("packages, installs into code-server, and pauses on a gutter breakpoint there too", async function () {
    const started = Date.now();
    const { packageVsix } = (await import(path.join(PROJECT_ROOT, "scripts", "package.mjs"))) as { packageVsix(): string };
    const vsix = packageVsix();
    recordMeasure("vsix: npm run package (ms)", Date.now() - started);
    recordMeasure("vsix: size (KB)", statSync(vsix).size / 1024);

    const session = await openEditor("vsix", copyExamples(), { vsixFiles: [vsix] });
    const extensionsDir = path.join(session.server.workDir, "exts");
    const installed = installedFiles(extensionsDir);
    for (const needed of ["package.json", "dist/extension.js", "dist/runner.js", "dist/runtime.js", "dist/webview/panel.js", "media/panel.css", "node_modules/esbuild/lib/main.js"]) {
      assert.ok(installed.includes(needed), `the installed extension has ${needed}; it has ${installed.join(", ")}`);
    }
    const extra = installed.filter((file) => /\.(ts|map)$|^(src|test|examples|webview|scripts|bench|out)\//.test(file));
    assert.deepEqual(extra, [], "no sources, tests, examples or source maps are installed (.vscodeignore)");
    await session.workbench.open(session.server.url);
    assert.equal(await session.workbench.page.title().then((title) => title.includes("Extension Development Host")), false, "no extension is loaded for development");
    await playStory(session.workbench, "7-installed-vsix", async () => {
      const result = await breakpointStory(session, {
        whileRunning: (pid) => {
          const command = processList().find((info) => info.pid === pid)?.command ?? "";
          assert.ok(command.includes(extensionsDir), `the runner is the installed copy's: ${command}`);
        },
      });
      recordMeasure("story 1: F5 to paused, installed .vsix (ms)", result.f5ToPausedMs);
    });
  });
});

/** Every file of the one langgraph-debugger folder in `extensionsDir`, relative to it. */
function installedFiles(extensionsDir: string): string[] {
  const folder = readdirSync(extensionsDir).find((name) => name.startsWith("langgraph-debugger.langgraph-debugger-"));
  assert.ok(folder, `the .vsix was installed into ${extensionsDir}`);
  const root = path.join(extensionsDir, folder);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.relative(root, path.join(dir, entry.name))]);
  return walk(root).sort();
}
