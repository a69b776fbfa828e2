/**
 * Stories of breakpoints, told through a real DAP client: a gutter breakpoint on an `addNode` line
 * pauses before that node; one set inside an inline node moves to the call's line; one elsewhere
 * stays unverified and says why; function breakpoints stop before or after nodes; and breakpoints
 * stay set across resumes.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { FIXTURES, Story, lineOf, until, ENGINE } from "./helpers/story";

const TOOL_CALL = path.join(FIXTURES, "tool-call.ts");
const REVIEW = path.join(FIXTURES, "interrupt-review.ts");
const COUNTER = path.join(FIXTURES, "counter.ts");
const QUESTION = { messages: [{ role: "user", content: "weather?" }] };

describe("debug adapter: breakpoints", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("pauses before tools on a gutter breakpoint, shows the state, writes an edit, and the final state has it", async () => {
    const line = lineOf(TOOL_CALL, '.addNode("tools"');
    await story.start("launch", { program: TOOL_CALL, input: QUESTION }, { breakpoints: [{ path: TOOL_CALL, lines: [line] }] });
    assert.deepEqual(story.breakpointResults.map((bp) => [bp.verified, bp.line]), [[true, line]]);

    const stop = await story.next("stopped");
    assert.equal(stop.body.reason, "breakpoint");
    assert.equal(stop.body.description, "Paused before tools");
    const [frame] = await story.frames();
    assert.equal(frame.name, "tools");
    assert.equal(frame.line, line);
    assert.equal(frame.source?.path, TOOL_CALL);

    const messages = await story.children((await story.scope("State")).get("messages")!.variablesReference);
    assert.equal(messages.size, 2, "the question and the tool call");
    const question = await story.children(messages.get("0")!.variablesReference);
    assert.equal(question.get("content")?.value, '"weather?"');

    const runsBefore = story.pending("continued").length;
    const edit = await story.dc.setVariableRequest({ variablesReference: messages.get("0")!.variablesReference, name: "content", value: '"forecast?"' });
    assert.equal(edit.body.value, '"forecast?"');
    assert.match(story.outputText(), /Wrote the update as node "agent"/);
    assert.equal(story.pending("continued").length, runsBefore, "an edit never resumes the run");
    assert.equal((await story.next("stopped")).body.description, "Edited as agent; next tools", "the stop now tells of the edit");

    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    const final = await story.custom<{ values: { messages: Array<{ type?: string; role?: string; content: string }> } }>("snapshot");
    assert.equal(final.values.messages[0].content, "forecast?");
    // LangGraph.js makes the input's role dict a HumanMessage; the builtin engine keeps it as given.
    const asked = ENGINE === "workspace" ? "human" : "user";
    assert.deepEqual(final.values.messages.map((message) => message.type ?? message.role), [asked, "ai", "tool", "ai"]);
    // The node's stdout and the run's end travel by different channels: give the line time to arrive.
    assert.ok(await until(() => /tools: searching/.test(story.outputText())), "the node's console output reaches the Debug Console");
  });

  it("moves a breakpoint set inside an addNode call to its line, and leaves one elsewhere unverified", async () => {
    const reviewLine = lineOf(REVIEW, '.addNode("review"');
    const inside = lineOf(REVIEW, "const answer = interrupt(");
    const outside = lineOf(REVIEW, "const State = Annotation.Root");
    await story.start("launch", { program: REVIEW }, { breakpoints: [{ path: REVIEW, lines: [inside, outside] }] });
    const [moved, refused] = story.breakpointResults;
    assert.deepEqual([moved.verified, moved.line], [true, reviewLine]);
    assert.equal(refused.verified, false);
    assert.match(refused.message ?? "", /Not an addNode line.*review \(line \d+\)/);

    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Paused before review");
    assert.deepEqual(stop.body.hitBreakpointIds, [moved.id]);
  });

  it("stops after a node on `after:agent` and before it on `agent`, at every pass of a loop", async () => {
    await story.start("launch", { program: TOOL_CALL, input: QUESTION }, { functionBreakpoints: ["after:agent"] });
    assert.equal((await story.next("stopped")).body.description, "Paused after agent");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["tools"]);
    await story.dc.continueRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Paused after agent", "the breakpoint persists across the resume");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
  });

  it("stops before every node on `*`, and `next` runs one superstep at a time", async () => {
    await story.start("launch", { program: COUNTER, input: { target: 2 } }, { functionBreakpoints: ["*"] });
    const first = await story.next("stopped");
    assert.equal(first.body.description, "Paused before tick");
    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.nextRequest({ threadId: 1 });
    const step = await story.next("stopped");
    assert.equal(step.body.reason, "step");
    assert.equal(step.body.description, "Ran tick; next tick");
    assert.equal((await story.scope("State")).get("count")?.value, "1");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal((await story.custom<{ values: { count: number } }>("snapshot")).values.count, 2);
  });

  it("keeps the breakpoints compiled into the user's graph", async () => {
    await story.start("launch", { program: path.join(FIXTURES, "approval.ts") });
    const stop = await story.next("stopped");
    assert.deepEqual([stop.body.reason, stop.body.description], ["breakpoint", "Paused before send"]);
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal((await story.custom<{ values: { sent: boolean } }>("snapshot")).values.sent, true);
  });

  it("refuses a function breakpoint on a node the graph does not have, naming the nodes it has", async () => {
    await story.start("launch", { program: TOOL_CALL, input: QUESTION, stopOnEntry: true });
    await story.next("stopped");
    const response = await story.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: "tool" }, { name: "before:tools" }] });
    const [unknown, known] = response.body.breakpoints;
    assert.equal(unknown.verified, false);
    assert.match(unknown.message ?? "", /No node named "tool"\. Nodes: agent, tools/);
    assert.equal(known.verified, true);
  });
});
