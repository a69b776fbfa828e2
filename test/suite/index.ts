/**
 * The mocha runner inside a real VS Code's extension host (the @vscode/test-electron model, also
 * used with code-server; see shared/e2e-recipe.md): VS Code `require`s this file as
 * `extensionTestsPath` and awaits `run()`, which resolves when every test passed and rejects
 * otherwise. It runs the `*.test.js` files beside it once compiled (or the `.ts` ones when a
 * TypeScript loader is present). With `LANGGRAPH_TEST_RESULTS` set, it also writes a JSON summary
 * to that path: the extension host's console does not always reach the driver, files always do.
 */
import Mocha from "mocha";
import * as fs from "node:fs";
import * as path from "node:path";

interface Summary {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
  skipped: string[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec" });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const summary: Summary = { passed: [], failed: [], skipped: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeSummary(summary);
      if (failures > 0) reject(new Error(`${failures} of ${summary.passed.length + failures} VS Code tests failed.`));
      else resolve();
    });
    runner.on("pass", (test) => summary.passed.push(test.fullTitle()));
    runner.on("pending", (test) => summary.skipped.push(test.fullTitle()));
    runner.on("fail", (test, error: Error) => summary.failed.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
  });
}

/** The compiled tests when there are any, else the TypeScript ones. */
function testFiles(dir: string): string[] {
  const names = fs.readdirSync(dir);
  const compiled = names.filter((name) => name.endsWith(".test.js"));
  const chosen = compiled.length > 0 ? compiled : names.filter((name) => name.endsWith(".test.ts"));
  return chosen.sort().map((name) => path.join(dir, name));
}

function writeSummary(summary: Summary): void {
  const target = process.env.LANGGRAPH_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(summary, null, 2));
}
