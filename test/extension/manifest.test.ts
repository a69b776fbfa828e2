/**
 * package.json's `contributes` and the code must name the same things: every command the code
 * registers is contributed with a title under "LangGraph", menus point only at contributed commands,
 * the debug type, view, panel and setting ids match, the launch schema lists the attributes the
 * adapter reads, and the example launch.json starts files that exist.
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { DEBUG_TYPE } from "../../src/extension/configResolution";
import { CHECKPOINTS_VIEW, COMMANDS, OPEN_PANEL_SETTING, PANEL_VIEW_TYPE } from "../../src/extension/ids";
import { EXAMPLES, PROJECT_ROOT } from "./helpers/examples";

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    commands: Array<{ command: string; title: string; category: string }>;
    menus: Record<string, Array<{ command: string }>>;
    debuggers: Array<{ type: string; configurationAttributes: Record<string, { properties: Record<string, unknown> }> }>;
    breakpoints: Array<{ language: string }>;
    views: Record<string, Array<{ id: string }>>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as Manifest;

describe("the extension manifest", () => {
  it("contributes every command the code registers, titled under LangGraph, and menus use only those", () => {
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    assert.ok(manifest.contributes.commands.every((command) => command.category === "LangGraph" && command.title.length > 0));
    const inMenus = Object.values(manifest.contributes.menus).flat().map((item) => item.command);
    assert.deepEqual(inMenus.filter((id) => !contributed.has(id)), []);
  });

  it("names the debug type, view, panel and setting the code uses, and refuses untrusted workspaces", () => {
    const [debuggerContribution] = manifest.contributes.debuggers;
    assert.equal(debuggerContribution.type, DEBUG_TYPE);
    assert.deepEqual(manifest.contributes.views.debug.map((view) => view.id), [CHECKPOINTS_VIEW]);
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PANEL_VIEW_TYPE}`));
    assert.ok(manifest.activationEvents.includes(`onDebugResolve:${DEBUG_TYPE}`));
    assert.ok(OPEN_PANEL_SETTING in manifest.contributes.configuration.properties);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, false);
    assert.deepEqual(manifest.contributes.breakpoints.map((entry) => entry.language).sort(), ["javascript", "javascriptreact", "typescript", "typescriptreact"]);
  });

  it("documents every launch and attach attribute of the issue in the launch.json schema", () => {
    const { launch, attach } = manifest.contributes.debuggers[0].configurationAttributes;
    for (const name of ["program", "graph", "input", "threadId", "checkpointDir", "stopOnEntry", "cwd", "env"]) assert.ok(name in launch.properties, `launch.${name}`);
    for (const name of ["program", "graph", "threadId", "checkpointDir"]) assert.ok(name in attach.properties, `attach.${name}`);
  });

  it("builds its main file from src/extension", () => {
    assert.equal(manifest.main, "./dist/extension.js");
    assert.match(readFileSync(path.join(PROJECT_ROOT, "esbuild.mjs"), "utf8"), /\["src\/extension\/index\.ts", "extension"\]/);
  });

  it("the examples' launch.json starts graph files that exist", () => {
    const text = readFileSync(path.join(EXAMPLES, ".vscode", "launch.json"), "utf8").replace(/^\s*\/\/.*$/gm, "");
    const { configurations } = JSON.parse(text) as { configurations: Array<{ type: string; program: string }> };
    assert.ok(configurations.length >= 5);
    for (const config of configurations) {
      assert.equal(config.type, DEBUG_TYPE);
      if (config.program === "${file}") continue;
      assert.ok(existsSync(config.program.replace("${workspaceFolder}", EXAMPLES)), config.program);
    }
  });
});
