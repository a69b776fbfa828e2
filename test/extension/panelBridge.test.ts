/**
 * The graph panel's host logic against a real debug adapter (over DAP, with a real runner on the
 * tool-call example): the panel's `ready` gets the graph, breakpoints, threads, history and the
 * stop; panel requests become custom DAP requests with exactly one reply each; breakpoint toggles
 * go to the editor, not the adapter; bad messages and a finished session answer with errors.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphStateEvent, GraphView, HistoryEntry, NodeBreakpoints, SourceLocation } from "../../src/protocol/debug";
import type { HistoryPage } from "../../src/protocol/history";
import type { HostToPanel } from "../../src/protocol/panel";
import { AdapterLink, NO_SESSION, PanelBridge, PanelEditor } from "../../src/extension/panelBridge";
import { Story, lineOf } from "../debug/helpers/story";
import { EXAMPLES } from "./helpers/examples";

const PROGRAM = path.join(EXAMPLES, "tool-call-review.ts");
const TOOLS_LINE = `.addNode("tools", tools)`;

/** The editor side, recording what the bridge asks of it. */
class RecordingEditor implements PanelEditor {
  readonly posted: HostToPanel[] = [];
  readonly logged: string[] = [];
  readonly opened: SourceLocation[] = [];
  breakpoints: NodeBreakpoints = { before: ["tools"], after: [] };
  graphNodes: string[] = [];
  post(message: HostToPanel): void {
    this.posted.push(message);
  }
  nodeBreakpoints(): NodeBreakpoints {
    return this.breakpoints;
  }
  async setNodeBreakpoints(wanted: NodeBreakpoints): Promise<NodeBreakpoints> {
    this.breakpoints = wanted;
    return wanted;
  }
  async storedHistory(): Promise<HistoryPage> {
    return { entries: [], more: false };
  }
  async openSource(_node: string, source: SourceLocation): Promise<void> {
    this.opened.push(source);
  }
  async switchThread(threadId: string): Promise<void> {
    throw new Error(`cannot switch to ${threadId} in this test`);
  }
  async listThreads() {
    return [{ threadId: "older-thread" }];
  }
  graphShown(graph: { nodes: Array<{ id: string }> } | undefined): void {
    this.graphNodes = graph?.nodes.map((node) => node.id) ?? [];
  }
  log(text: string): void {
    this.logged.push(text);
  }
  take(): HostToPanel[] {
    return this.posted.splice(0);
  }
  reply(requestId: string) {
    return this.posted.find((message) => message.type === "reply" && message.requestId === requestId);
  }
}

/** The next graphState the adapter sends that shows a stop (it also reports runs as they start). */
async function nextStop(story: Story, except?: string): Promise<GraphStateEvent> {
  for (;;) {
    const event = (await story.next("graphState")).body as GraphStateEvent;
    if (event.status !== "running" && event.checkpointId !== "" && event.checkpointId !== except) return event;
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the graph panel host with a real adapter", function () {
  this.timeout(60_000);
  let story: Story;
  let editor: RecordingEditor;
  let bridge: PanelBridge;
  let stop: GraphStateEvent;

  before(async () => {
    story = await Story.open();
    await story.start(
      "launch",
      { program: PROGRAM, input: { messages: [{ role: "user", content: "Weather in Paris?" }] } },
      { breakpoints: [{ path: PROGRAM, lines: [lineOf(PROGRAM, TOOLS_LINE)] }] },
    );
    await story.next("stopped");
    stop = await nextStop(story);
  });
  after(async () => story?.close());

  beforeEach(async () => {
    editor = new RecordingEditor();
    bridge = new PanelBridge(editor);
    const link: AdapterLink = { customRequest: async (name, args) => (await story.dc.customRequest(name, args)).body };
    await bridge.attach(link, stop, "Tool-call review");
  });

  it("says nothing until the panel is ready, then sends everything it shows", async () => {
    assert.deepEqual(editor.take(), []);
    await bridge.receive({ type: "ready", version: 1 });
    const posted = editor.take();
    assert.deepEqual(posted.map((message) => message.type), ["graph", "nodeBreakpoints", "threads", "history", "graphState", "session"]);

    const graph = posted[0] as Extract<HostToPanel, { type: "graph" }>;
    assert.equal(graph.title, "Tool-call review");
    assert.equal(graph.graph.nodes.find((node) => node.id === "tools")?.source?.line, lineOf(PROGRAM, TOOLS_LINE));
    assert.ok(editor.graphNodes.includes("tools"), "the host learns the graph's addNode sites");
    assert.deepEqual(posted[2], { type: "threads", threads: [{ threadId: stop.threadId, label: `${stop.threadId} (this session)` }, { threadId: "older-thread" }], current: stop.threadId });
    const history = posted[3] as Extract<HostToPanel, { type: "history" }>;
    assert.equal(history.entries[0].checkpointId, stop.headCheckpointId);
    assert.deepEqual((posted[4] as Extract<HostToPanel, { type: "graphState" }>).state.snapshot.next, ["tools"]);
    assert.deepEqual(posted[5], { type: "session", status: "stopped" });
  });

  it("relays an edit to the adapter, replies once, and refreshes the history after the new stop", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    const entriesBefore = (editor.take().find((message) => message.type === "history") as Extract<HostToPanel, { type: "history" }>).entries.length;
    const messages = structuredClone(stop.snapshot.values.messages) as Array<{ tool_calls?: Array<{ args: { city?: string } }> }>;
    messages[messages.length - 1].tool_calls![0].args.city = "Berlin";

    await bridge.receive({ type: "updateState", requestId: "p1", args: { values: { messages }, asNode: "agent" } });
    const reply = editor.reply("p1");
    assert.ok(reply && reply.type === "reply" && reply.ok, `the edit succeeded: ${JSON.stringify(reply)}`);
    assert.equal((reply.body as { asNode: string }).asNode, "agent");
    assert.equal(editor.posted.filter((message) => message.type === "reply").length, 1);

    const edited = await nextStop(story, stop.checkpointId);
    bridge.onGraphState(edited);
    await until(() => editor.posted.some((message) => message.type === "history"), "a history refresh");
    const history = editor.posted.find((message) => message.type === "history") as Extract<HostToPanel, { type: "history" }>;
    assert.equal(history.entries.length, entriesBefore + 1, "the edit is one more checkpoint");
    assert.equal(history.entries[0].source, "update");
    stop = edited;
  });

  it("answers loadHistory with the session's checkpoints older than the one named", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    const history = editor.take().find((message) => message.type === "history") as Extract<HostToPanel, { type: "history" }>;
    assert.equal(history.more, false, "a short thread fits in one page");
    const roots = history.entries.filter((entry) => !entry.checkpointNs);
    await bridge.receive({ type: "loadHistory", requestId: "older", threadId: stop.threadId, before: roots[1].checkpointId });
    const reply = editor.reply("older");
    assert.ok(reply && reply.type === "reply" && reply.ok, JSON.stringify(reply));
    const page = reply.body as HistoryPage;
    assert.deepEqual([page.entries.map((entry) => entry.checkpointId), page.more], [roots.slice(2).map((entry) => entry.checkpointId), false]);
  });

  it("answers an adapter error inline, and handles breakpoints and sources in the editor", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    const shown = editor.take().find((message) => message.type === "graph") as Extract<HostToPanel, { type: "graph" }>;
    await bridge.receive({ type: "replay", requestId: "bad", args: {} });
    const bad = editor.reply("bad");
    assert.ok(bad && bad.type === "reply" && !bad.ok && /checkpointId/.test(bad.error), JSON.stringify(bad));

    await bridge.receive({ type: "setNodeBreakpoints", requestId: "bp", args: { before: [], after: ["agent"] } });
    assert.deepEqual(editor.breakpoints, { before: [], after: ["agent"] });
    assert.deepEqual(editor.reply("bp"), { type: "reply", requestId: "bp", ok: true, body: { before: [], after: ["agent"] } });

    const source = shown.graph.nodes.find((node) => node.id === "agent")!.source!;
    await bridge.receive({ type: "openSource", requestId: "src", node: "agent", source });
    assert.deepEqual(editor.opened, [source]);
    assert.deepEqual(editor.reply("src"), { type: "reply", requestId: "src", ok: true });

    await bridge.receive({ type: "switchThread", requestId: "sw", threadId: "older-thread" });
    const switched = editor.reply("sw");
    assert.ok(switched && switched.type === "reply" && !switched.ok && switched.error === "cannot switch to older-thread in this test");
  });

  it("opens only the addNode call sites the graph reported, never another path the panel names", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    const shown = editor.take().find((message) => message.type === "graph") as Extract<HostToPanel, { type: "graph" }>;
    const tools = shown.graph.nodes.find((node) => node.id === "tools")!.source!;
    for (const [id, source] of [["secret", { file: "/etc/shadow", line: 1, column: 1 }], ["moved", { ...tools, line: tools.line + 1 }]] as const) {
      await bridge.receive({ type: "openSource", requestId: id, node: "tools", source });
      const refused = editor.reply(id);
      assert.ok(refused && refused.type === "reply" && !refused.ok && /is not a call site of the graph shown/.test(refused.error), JSON.stringify(refused));
    }
    assert.deepEqual(editor.opened, [], "nothing was opened");
    await bridge.receive({ type: "openSource", requestId: "ok", node: "tools", source: tools });
    assert.deepEqual(editor.opened, [tools]);
  });

  it("logs a message it cannot read, and refuses adapter requests once the session has ended", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    editor.take();
    await bridge.receive({ type: "fork", args: {} });
    await bridge.receive("hello");
    assert.deepEqual(editor.take(), []);
    assert.deepEqual(editor.logged, ["Graph panel: panel request fork has no requestId", "Graph panel: panel message is not an object"]);

    bridge.sessionEnded("The debug session ended.");
    await bridge.receive({ type: "resume", requestId: "late", args: { value: "yes" } });
    assert.deepEqual(editor.take(), [
      { type: "session", status: "ended", message: "The debug session ended." },
      { type: "reply", requestId: "late", ok: false, error: NO_SESSION },
    ]);
  });

  it("passes on the graph the adapter redrew during a run, and learns its new addNode sites", async () => {
    await bridge.receive({ type: "ready", version: 1 });
    editor.take();
    const redrawn = await story.custom<GraphView>("graph");
    redrawn.nodes = redrawn.nodes.filter((node) => node.id !== "tools");
    bridge.onGraph(redrawn);
    assert.deepEqual(editor.take(), [{ type: "graph", graph: redrawn, title: "Tool-call review" }]);
    assert.ok(!editor.graphNodes.includes("tools"), "the host's sites follow the graph shown");
  });
});
