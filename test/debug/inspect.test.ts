/**
 * Stories of looking at a paused graph and steering it from the panel's requests: evaluate in
 * watch, hover and the Debug Console; set a value by expression; long lists come a page at a time;
 * the `graph`, `updateState` and `setNodeBreakpoints` requests, with the `graphState` and
 * `invalidated` events that tell the views to refresh; a request named as something every
 * object inherits (`constructor`, `__proto__`) is unknown, not a silent success.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphStateEvent, GraphView, NodeBreakpoints, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, lineOf, ENGINE } from "./helpers/story";

const TOOL_CALL = path.join(FIXTURES, "tool-call.ts");
const COUNTER = path.join(FIXTURES, "counter.ts");
const QUESTION = { messages: [{ role: "user", content: "weather?" }] };

describe("debug adapter: inspecting and steering", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("evaluates expressions over state in watch, hover and the Debug Console", async () => {
    await story.start("launch", { program: TOOL_CALL, input: QUESTION, stopOnEntry: true });
    const entry = await story.next("stopped");
    assert.equal(entry.body.reason, "entry");
    const watch = await story.dc.evaluateRequest({ expression: "state.messages.length", context: "watch" });
    assert.equal(watch.body.result, "1");
    const repl = await story.dc.evaluateRequest({ expression: "state.messages[0]", context: "repl" });
    assert.ok(repl.body.variablesReference > 0, "an object comes back expandable");
    const question = await story.children(repl.body.variablesReference);
    // LangGraph.js makes the input's role dict a HumanMessage; the builtin engine keeps it as given.
    if (ENGINE === "workspace") assert.equal(question.get("type")?.value, '"human"');
    else assert.equal(question.get("role")?.value, '"user"');
    const next = await story.dc.evaluateRequest({ expression: "snapshot.next.join()", context: "repl" });
    assert.equal(next.body.result, '"agent"');
    await assert.rejects(story.dc.evaluateRequest({ expression: "nothing.here", context: "repl" }), /nothing is not defined/);
  });

  it("sets a value by expression and tells which node the update was written as", async () => {
    await story.start("launch", { program: COUNTER, input: { target: 2 } }, { functionBreakpoints: ["tick"] });
    await story.next("stopped");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("stopped");
    await story.dc.customRequest("setExpression", { expression: "state.target", value: "state.count + 4" });
    assert.match(story.outputText(), /Wrote the update as node "tick"/);
    assert.equal((await story.dc.evaluateRequest({ expression: "state.target", context: "watch" })).body.result, "5");
    await assert.rejects(story.dc.customRequest("setExpression", { expression: "target + 1", value: "3" }), /Only values inside the state/);
  });

  it("pages a long list of the state", async () => {
    const log = Array.from({ length: 105 }, (_, index) => `line ${index}`);
    await story.start("launch", { program: COUNTER, input: { target: 200, log }, stopOnEntry: true });
    await story.next("stopped");
    const list = (await story.scope("State")).get("log")!;
    assert.equal(list.indexedVariables, 105);
    const page = await story.dc.variablesRequest({ variablesReference: list.variablesReference, filter: "indexed", start: 100, count: 5 });
    assert.deepEqual(page.body.variables.map((variable) => variable.name), ["100", "101", "102", "103", "104"]);
    assert.equal(page.body.variables[4].value, '"line 104"');
  });

  it("answers the panel: the graph with call sites, updateState as a chosen node, node breakpoints", async () => {
    await story.start("launch", { program: TOOL_CALL, input: QUESTION, stopOnEntry: true });
    await story.next("stopped");
    const graph = await story.custom<GraphView>("graph");
    const tools = graph.nodes.find((node) => node.id === "tools");
    assert.equal(tools?.source?.line, lineOf(TOOL_CALL, '.addNode("tools"'));
    assert.ok(graph.edges.some((edge) => edge.source === "agent" && edge.target === "tools" && edge.conditional));

    const runsBefore = story.pending("continued").length;
    const update = await story.custom<{ asNode: string; checkpointId: string }>("updateState", {
      values: { messages: [{ role: "user", content: "and tomorrow?" }] },
      asNode: "tools",
    });
    assert.equal(update.asNode, "tools");
    const restop = await story.next("stopped");
    assert.equal(restop.body.description, "Edited as tools; next agent", "the Call Stack's header tells of the edit");
    const view = await story.custom<SnapshotView>("snapshot");
    assert.equal(view.checkpointId, update.checkpointId);
    assert.deepEqual(view.next, ["agent"], "written as tools, the tools→agent edge decides what runs next");
    assert.equal(story.pending("continued").length, runsBefore, "the edit did not resume the run");

    const lists = await story.custom<NodeBreakpoints>("setNodeBreakpoints", { before: ["tools"], after: [] });
    assert.deepEqual(lists, { before: ["tools"], after: [] });
    assert.deepEqual((await story.next("nodeBreakpoints")).body, { before: ["tools"], after: [] });
    await story.dc.continueRequest({ threadId: 1 });
    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Paused before tools");
    const states = story.pending("graphState").map((event) => event.body as GraphStateEvent);
    const last = states.at(-1)!;
    assert.deepEqual([last.stop, last.status, last.snapshot.next], ["breakpoint-before", "stopped", ["tools"]]);
  });

  it("refuses custom requests named as what every object inherits, and still serves its own", async () => {
    await story.start("launch", { program: COUNTER, input: {}, stopOnEntry: true });
    await story.next("stopped");
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      await assert.rejects(story.dc.customRequest(name, {}), new RegExp(`Unknown request "${name}"\\. Known: graph, snapshot, `), name);
    }
    assert.deepEqual((await story.custom<SnapshotView>("snapshot")).next, ["tick"]);
  });
});
