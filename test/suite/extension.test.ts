/**
 * The extension inside a real VS Code (run by test/suite/index.ts in the extension host): it
 * activates with its commands, a `langgraph` launch of an example is completed by the
 * configuration provider and runs to its first pause on the inline adapter, and the graph panel
 * opens. Outside VS Code (the plain mocha run) there is no `vscode` module and the suite is skipped.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type * as vscodeApi from "vscode";

const vscode = loadVscode();
const EXTENSION_ID = "langgraph-debugger.langgraph-debugger";

function loadVscode(): typeof vscodeApi | undefined {
  try {
    return require("vscode") as typeof vscodeApi;
  } catch {
    return undefined;
  }
}

/** Resolves with the first event that `accept` keeps, or fails after `ms`. */
function waitFor<T>(event: vscodeApi.Event<T>, accept: (value: T) => boolean, what: string, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

describe("LangGraph Debugger in VS Code", function () {
  this.timeout(90_000);
  let api: typeof vscodeApi;
  let examples: string;

  before(async function () {
    if (!vscode) return this.skip();
    api = vscode;
    const extension = api.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `the extension ${EXTENSION_ID} is installed or loaded for development`);
    await extension.activate();
    examples = path.join(extension.extensionPath, "examples");
  });

  afterEach(async () => {
    if (api?.debug.activeDebugSession) await api.debug.stopDebugging();
  });

  it("activates and contributes its commands", async () => {
    assert.ok(api.extensions.getExtension(EXTENSION_ID)!.isActive);
    const commands = await api.commands.getCommands(true);
    for (const id of ["langgraph.showGraphPanel", "langgraph.debugGraphFile", "langgraph.toggleBreakBefore", "langgraph.checkpoints.refresh"]) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  it("completes a launch of an example and pauses where the graph asks for approval", async () => {
    const program = path.join(examples, "approval-flow.ts");
    const folder = api.workspace.workspaceFolders?.[0];
    const started = waitFor(api.debug.onDidStartDebugSession, (session) => session.type === "langgraph", "the session to start");
    const stopped = waitFor(api.debug.onDidReceiveDebugSessionCustomEvent, (event) => event.event === "graphState" && event.body.status === "stopped", "the first pause");
    const ok = await api.debug.startDebugging(folder, { type: "langgraph", request: "launch", name: "approval", program, input: { topic: "tests" } });
    assert.ok(ok, "the session starts");

    const session = await started;
    const expectedStore = path.join(folder?.uri.fsPath ?? path.dirname(program), ".langgraph");
    assert.equal(session.configuration.program, program);
    assert.equal(session.configuration.checkpointDir, expectedStore, "the provider puts checkpoints in the workspace store");

    const pause = await stopped;
    assert.deepEqual(pause.body.snapshot.next, ["write"]);
    const graph = await session.customRequest("graph", {});
    assert.deepEqual(graph.nodes.filter((node: { source?: unknown }) => node.source).map((node: { id: string }) => node.id), ["research", "write", "publish"]);
  });

  it("puts Break before / Break after over each addNode line, and a lens sets a gutter breakpoint", async () => {
    const uri = api.Uri.file(path.join(examples, "tool-call-review.ts"));
    await api.window.showTextDocument(uri);
    const lenses = (await api.commands.executeCommand<vscodeApi.CodeLens[]>("vscode.executeCodeLensProvider", uri)).filter((lens) => lens.command?.command.startsWith("langgraph."));
    assert.deepEqual(lenses.map((lens) => lens.command!.title), ["Break before", "Break after", "Break before", "Break after"]);

    const toolsLens = lenses[2];
    await api.commands.executeCommand(toolsLens.command!.command, ...(toolsLens.command!.arguments ?? []));
    const added = api.debug.breakpoints.filter((breakpoint): breakpoint is vscodeApi.SourceBreakpoint => breakpoint instanceof api.SourceBreakpoint && breakpoint.location.uri.fsPath === uri.fsPath);
    assert.deepEqual(added.map((breakpoint) => breakpoint.location.range.start.line), [toolsLens.range.start.line]);
    api.debug.removeBreakpoints(added);
  });

  it("opens the graph panel on a graph file", async () => {
    await api.commands.executeCommand("langgraph.showGraphPanel", api.Uri.file(path.join(examples, "interrupt-review.ts")));
    const tabs = api.window.tabGroups.all.flatMap((group) => group.tabs);
    const panel = tabs.find((tab) => tab.input instanceof api.TabInputWebview && tab.input.viewType.endsWith("langgraph.graph"));
    assert.ok(panel, `a LangGraph panel tab is open; tabs: ${tabs.map((tab) => tab.label).join(", ")}`);
  });
});
