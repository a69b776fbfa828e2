/**
 * Stories of a graph with a subgraph, told through a real DAP client and a real runner: a
 * breakpoint on a node inside the subgraph (gutter, function `research/search`, the panel's node
 * list) stops there; the Call Stack shows the subgraph's task above its parent's; each frame's
 * Variables show its own graph's state; Step Into enters the subgraph and Step Out leaves it; edits
 * at the subgraph's level go into its own checkpoints; and time travel reaches the subgraph's
 * checkpoints, a replay from one of them going on from there instead of from the subgraph's start.
 */
import { strict as assert } from "node:assert";
import type { DebugProtocol } from "@vscode/debugprotocol";
import * as path from "node:path";
import type { GraphStateEvent, GraphView, HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, lineOf, until, notOnOlder, ENGINE } from "./helpers/story";

const SUBGRAPH = path.join(FIXTURES, "subgraph.ts");
const REVIEW = path.join(FIXTURES, "subgraph-review.ts");
const MEMORY = path.join(FIXTURES, "subgraph-memory.ts");
const TOPIC = { topic: "tides" };

describe("debug adapter: subgraphs", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  /** The variables of scope `name` of the frame at `index` (0 is the top). */
  async function scopeOfFrame(index: number, name: string): Promise<Map<string, DebugProtocol.Variable>> {
    const frame = (await story.frames())[index];
    const scopes = (await story.dc.scopesRequest({ frameId: frame.id })).body.scopes;
    return story.children(scopes.find((scope) => scope.name === name)!.variablesReference);
  }

  function timesRan(node: string): number {
    return story.outputText().split("\n").filter((line) => line.startsWith(`${node} ran`)).length;
  }

  /**
   * How often `node` ran, once its printed lines have arrived: the runner's stdout and its stop
   * reach the adapter by two channels, so a line may trail the stop it preceded.
   */
  async function ran(node: string, expected: number): Promise<number> {
    await until(() => timesRan(node) >= expected, 3000);
    return timesRan(node);
  }

  async function descriptionAfter(request: Promise<unknown>): Promise<string | undefined> {
    await request;
    return (await story.next("stopped")).body.description;
  }

  it("stops on a gutter breakpoint inside the subgraph, shows the nesting, and each frame shows its own graph's state", async () => {
    const summarizeLine = lineOf(SUBGRAPH, '.addNode("summarize"');
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { breakpoints: [{ path: SUBGRAPH, lines: [summarizeLine] }] });
    assert.deepEqual(story.breakpointResults.map((bp) => [bp.verified, bp.line]), [[true, summarizeLine]]);

    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Paused before research/summarize");
    assert.deepEqual(stop.body.hitBreakpointIds, [story.breakpointResults[0].id]);
    const frames = await story.frames();
    assert.deepEqual(frames.map((frame) => [frame.name, frame.line]), [
      ["research/summarize", summarizeLine],
      ["research", lineOf(SUBGRAPH, '.addNode("research"')],
    ]);

    const atStop = story.pending("graphState").at(-1)!.body as GraphStateEvent;
    assert.deepEqual(atStop.level?.path, ["research"], "the panel is told the level the stop is at");
    assert.deepEqual(atStop.level?.snapshot.next, ["summarize"]);
    assert.deepEqual(atStop.snapshot.tasks[0].state?.next, ["summarize"], "and sees the subgraph inside the parent's task");

    const inside = await scopeOfFrame(0, "State");
    assert.equal(inside.get("queries")?.value, "Array(1)", "the subgraph's own key");
    assert.equal(inside.get("findings")?.value, "Array(2)");
    const outside = await scopeOfFrame(1, "State");
    assert.equal(outside.has("queries"), false, "the parent's state has no such key");
    assert.equal(outside.get("findings")?.value, "Array(0)", "the parent has not received the findings yet");

    const panelLevel = await story.custom<SnapshotView>("snapshot", { checkpointNs: (await story.custom<SnapshotView>("snapshot")).tasks[0].checkpointNs });
    assert.deepEqual(panelLevel.values.queries, ["about tides"]);
    const afterParentFrame = story.pending("graphState").at(-1)!.body as GraphStateEvent;
    assert.equal(afterParentFrame.level, undefined, "selecting the parent's frame moves the panel to the root graph");

    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.report, "Report: 2 findings on tides");
    assert.equal(await ran("search", 1), 1, "the subgraph resumed where it stopped");
  });

  it("stops on the function breakpoint research/search and on the panel's after-breakpoint inside the subgraph", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["research/search"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before research/search");
    const typo = await story.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: "research/serch" }] });
    assert.equal(typo.body.breakpoints[0].verified, false);
    assert.match(typo.body.breakpoints[0].message ?? "", /Nodes: plan, research, research\/search, research\/summarize, write/);

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.custom("setNodeBreakpoints", { before: [], after: ["research/search"] });
    assert.equal(await descriptionAfter(story.dc.continueRequest({ threadId: 1 })), "Paused after research/search");
    assert.equal(await ran("search", 1), 1);
    assert.equal((await story.frames())[0].name, "research/summarize");
    await story.custom("setNodeBreakpoints", { before: [], after: [] });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
  });

  it("stops before every node inside the subgraph on research/*, and nowhere else", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["research/*"] });
    assert.equal(story.functionBreakpointResults[0].verified, true);
    const first = await story.next("stopped");
    assert.equal(first.body.description, "Paused before research/search");
    assert.deepEqual(first.body.hitBreakpointIds, [story.functionBreakpointResults[0].id]);
    assert.equal(await descriptionAfter(story.dc.continueRequest({ threadId: 1 })), "Paused before research/summarize");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal(await ran("write", 1), 1, "write, outside the subgraph, ran without a stop");
  });

  it("stops after a subgraph's last node inside the subgraph, at its end, with its own state in view", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["after:research/summarize"] });
    assert.equal((await story.next("stopped")).body.description, "Paused after research/summarize");
    const atStop = story.pending("graphState").at(-1)!.body as GraphStateEvent;
    assert.deepEqual(atStop.level?.path, ["research"], "the panel is at the subgraph's level");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["research at its end", "research"]);
    const inside = await scopeOfFrame(0, "State");
    assert.equal(inside.get("summary")?.value, '"2 findings on tides"', "the subgraph's final state, before the parent has it");
    assert.equal((await scopeOfFrame(1, "State")).has("summary"), false);

    assert.equal(await descriptionAfter(story.dc.nextRequest({ threadId: 1 })), "Ran research; next write");
    assert.equal(await ran("summarize", 1), 1, "the parent took the subgraph's result without running it again");
  });

  notOnOlder("a fork from a past checkpoint there does not run the subgraph again")("steps over a subgraph with Next, into it with Step Into, and out of it with Step Out", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC, stopOnEntry: true });
    assert.equal((await story.next("stopped")).body.description, "Paused before plan");
    assert.equal(await descriptionAfter(story.dc.nextRequest({ threadId: 1 })), "Ran plan; next research");

    assert.equal(await descriptionAfter(story.dc.stepInRequest({ threadId: 1 })), "Stepped; next research/search");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["research/search", "research"]);
    assert.equal(await descriptionAfter(story.dc.nextRequest({ threadId: 1 })), "Ran research/search; next research/summarize");
    assert.equal(await descriptionAfter(story.dc.stepOutRequest({ threadId: 1 })), "Ran research; next write");
    assert.deepEqual([await ran("search", 1), await ran("summarize", 1), await ran("write", 0)], [1, 1, 0]);

    await story.dc.stepBackRequest({ threadId: 1 });
    await story.next("stopped");
    await story.dc.nextRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Ran research; next write", "Next from before research runs the whole subgraph");
    assert.equal(await ran("search", 2), 2, "the fork from the past ran the subgraph again");
  });

  it("edits the subgraph's own state from its frame, and evaluates at each frame's level", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["research/summarize"] });
    await story.next("stopped");
    const [inner, outer] = await story.frames();
    const evaluate = async (expression: string, frameId: number) => (await story.dc.evaluateRequest({ expression, frameId, context: "watch" })).body.result;
    assert.equal(await evaluate("state.queries.length", inner.id), "1");
    assert.equal(await evaluate("'queries' in state", outer.id), "false");

    const stateRef = (await story.dc.scopesRequest({ frameId: inner.id })).body.scopes.find((scope) => scope.name === "State")!.variablesReference;
    const edit = await story.dc.setVariableRequest({ variablesReference: stateRef, name: "topic", value: '"moons"' });
    assert.equal(edit.body.value, '"moons"');
    assert.match(story.outputText(), /Wrote the update as node "search" in research: .* next: summarize\./);
    assert.equal((await scopeOfFrame(0, "State")).get("topic")?.value, '"moons"');
    assert.equal((await scopeOfFrame(1, "State")).get("topic")?.value, '"tides"', "the parent's state is untouched");

    const checkpointNs = (await story.custom<SnapshotView>("snapshot")).tasks[0].checkpointNs;
    await story.custom("updateState", { values: { queries: ["about moons"] }, asNode: "search", checkpointNs });
    assert.deepEqual((await story.custom<SnapshotView>("snapshot", { checkpointNs })).values.queries, ["about tides", "about moons"], "the panel writes a key only the subgraph has");

    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.report, "Report: 2 findings on moons");
  });

  it("steps back through the subgraph's checkpoints and out of it, before the parent's task began", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["research/summarize"] });
    await story.next("stopped");
    assert.equal(await descriptionAfter(story.dc.stepBackRequest({ threadId: 1 })), "Step 0 of research, before research/search (a past checkpoint: Continue forks the thread from here)");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["research/search (past: step 0)", "research (past: step 1)"]);
    assert.equal((await scopeOfFrame(0, "State")).get("queries")?.value, "Array(0)");

    assert.match((await descriptionAfter(story.dc.stepBackRequest({ threadId: 1 }))) ?? "", /^Step 0, before plan \(a past checkpoint/);
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["plan (past: step 0)"]);
  });

  notOnOlder("its replay of a subgraph from the root checkpoint does not run the subgraph's tasks again")("goes back into a finished subgraph with Reverse Continue, and Continue from there forks inside it", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["write"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before write");
    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: "write" }, { name: "research/search" }] });
    assert.equal(await descriptionAfter(story.dc.reverseContinueRequest({ threadId: 1 })), "Step 0 of research, before research/search (a past checkpoint: Continue forks the thread from here)");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["research/search (past: step 0)", "research (past: step 1)"]);

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    if (ENGINE === "workspace") {
      // LangGraph.js goes on only from a subgraph's newest checkpoint: the fork is the parent's, and says so.
      assert.match(story.outputText(), /LangGraph\.js cannot go on from a chosen checkpoint inside research: the run forks at step \d+ of the graph/);
      assert.deepEqual([await ran("plan", 1), await ran("search", 2), await ran("write", 1)], [1, 2, 1], "LangGraph.js replayed research from its own checkpoint before search");
    } else {
      assert.match(story.outputText(), /Continuing from step 0 of research \(checkpoint \w+\) forks the thread/);
      assert.deepEqual([await ran("plan", 1), await ran("search", 2), await ran("write", 1)], [1, 2, 1], "the fork went on from inside the subgraph");
    }
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.report, "Report: 2 findings on tides");
  });

  notOnOlder("its replay of a subgraph from the root checkpoint does not run the subgraph's tasks again")("travels to a subgraph checkpoint after the subgraph ended, and replays from there, not from its start", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["write"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before write");
    const rootEntries = (await story.custom<{ entries: HistoryEntry[] }>("history")).entries;
    const beforeResearch = await story.custom<SnapshotView>("snapshot", { checkpointId: rootEntries.find((entry) => entry.next[0] === "research")!.checkpointId });
    const checkpointNs = beforeResearch.tasks[0].checkpointNs!;
    const inner = await story.custom<{ entries: HistoryEntry[]; checkpointNs: string }>("history", { checkpointNs });
    const beforeSummarize = inner.entries.find((entry) => entry.next[0] === "summarize")!;
    assert.equal(beforeSummarize.checkpointNs, checkpointNs);
    assert.equal(beforeSummarize.parents?.[""], beforeResearch.checkpointId, "the parent's checkpoint it ran under");
    const whole = (await story.custom<{ entries: HistoryEntry[] }>("history", { subgraphs: true })).entries;
    const ids = (entries: HistoryEntry[]) => entries.map((entry) => entry.checkpointId).sort();
    assert.deepEqual(ids(whole), ids([...rootEntries, ...inner.entries]), "with subgraphs: the root's checkpoints and the subgraph's, once each");

    const selected = await story.custom<SnapshotView>("selectCheckpoint", { checkpointId: beforeSummarize.checkpointId });
    assert.deepEqual(selected.values.queries, ["about tides"], "the subgraph's own snapshot");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["research/summarize (past: step 1)", "research (past: step 1)"]);

    const frame = (await story.frames())[0];
    await story.dc.customRequest("restartFrame", { frameId: frame.id });
    assert.equal((await story.next("stopped")).body.description, "Paused before write");
    if (ENGINE === "workspace") {
      assert.match(story.outputText(), /LangGraph\.js cannot go on from a chosen checkpoint inside research: the run forks/);
      assert.deepEqual([await ran("search", 2), await ran("summarize", 2)], [2, 2], "LangGraph.js replayed research from before search, not from the checkpoint chosen");
    } else {
      assert.match(story.outputText(), /Replaying from step 1 of research/);
      assert.deepEqual([await ran("search", 1), await ran("summarize", 2)], [1, 2], "only summarize ran again");
    }
    const forks = (await story.custom<{ entries: HistoryEntry[] }>("history")).entries.filter((entry) => entry.source === "fork");
    assert.equal(forks.length, 1, "the parent forked once, so the first run stays in the history");
  });

  it("stops on an interrupt() inside the subgraph, names it by path, and the answer reaches it", async () => {
    await story.start("launch", { program: REVIEW, input: {} });
    const stop = await story.next("stopped");
    assert.equal(stop.body.reason, "exception");
    assert.match(stop.body.description ?? "", /^interrupt\(\) in review\/ask: \{"question":"Publish this\?"/);
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["review/ask (waiting in interrupt())", "review"]);
    const interrupts = await scopeOfFrame(0, "Interrupts");
    assert.equal(interrupts.size, 1);

    await story.custom("resume", { value: "yes" });
    await story.next("terminated");
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.text, "Tides follow the moon. (yes)");
  });

  notOnOlder("its task stream reports the error at the node of the subgraph")("stops on an error thrown inside the subgraph, at the line that threw", async () => {
    await story.start("launch", { program: REVIEW, input: {} });
    await story.next("stopped");
    await story.custom("resume", { value: "no" });
    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Error in review/ask: The reviewer refused the draft");
    const [inner, outer] = await story.frames();
    assert.deepEqual([inner.name, inner.line], ["review/ask ✖ Error", lineOf(REVIEW, "throw new Error")]);
    assert.equal(outer.name, "review ✖ Error");
  });

  it("attaches in a new session to a thread stopped inside the subgraph, and goes on from there", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC }, { functionBreakpoints: ["research/summarize"] });
    await story.next("stopped");
    const threadId = ((await story.next("graphState")).body as GraphStateEvent).threadId;
    await story.disconnect();

    const second = await Story.open();
    try {
      await second.start("attach", { program: SUBGRAPH, threadId, checkpointDir: story.checkpointDir });
      assert.equal((await second.next("stopped")).body.description, `Attached to thread ${threadId} at step 1; next: research/summarize`);
      assert.deepEqual((await second.frames()).map((frame) => frame.name), ["research/summarize", "research"]);
      await second.dc.continueRequest({ threadId: 1 });
      await second.next("terminated");
      assert.equal((await second.custom<SnapshotView>("snapshot")).values.report, "Report: 2 findings on tides");
      assert.ok(await until(() => /summarize ran/.test(second.outputText())), "summarize ran");
      assert.doesNotMatch(second.outputText(), /search ran/, "the subgraph went on from its saved checkpoint");
    } finally {
      await second.close();
    }
  });

  it("draws the subgraph inside its node in the graph request, with its call sites", async () => {
    await story.start("launch", { program: SUBGRAPH, input: TOPIC, stopOnEntry: true });
    await story.next("stopped");
    const graph = await story.custom<GraphView>("graph");
    const research = graph.nodes.find((node) => node.id === "research")!;
    const inner = research.subgraph!.nodes.map((node) => [node.id, node.source?.line]);
    assert.deepEqual(inner.filter(([id]) => !String(id).startsWith("__")), [
      ["search", lineOf(SUBGRAPH, '.addNode("search"')],
      ["summarize", lineOf(SUBGRAPH, '.addNode("summarize"')],
    ]);
  });

  notOnOlder("its checkpointer: true subgraph keeps its history elsewhere")("a subgraph compiled with checkpointer: true goes on from its last run: its second stop shows what it remembers", async () => {
    await story.start("launch", { program: MEMORY, input: { questions: ["why tides?", "why two a day?"] } }, { functionBreakpoints: ["desk/reply"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before desk/reply");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["desk/reply", "desk"]);
    assert.equal((await scopeOfFrame(0, "State")).get("memory")?.value, "Array(0)", "nothing remembered on the first run");

    await story.dc.continueRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Paused before desk/reply");
    const inside = await scopeOfFrame(0, "State");
    assert.equal(inside.get("memory")?.value, "Array(1)", "the second run starts from the first run's state");
    assert.equal((await scopeOfFrame(1, "State")).has("memory"), false, "a key only the desk has");
    const desk = (await story.custom<{ entries: HistoryEntry[] }>("history", { subgraphs: true })).entries.filter((entry) => entry.checkpointNs);
    assert.deepEqual([...new Set(desk.map((entry) => entry.checkpointNs))], ["desk"], "one namespace for every run, as LangGraph names it");
    assert.equal(new Set(desk.map((entry) => entry.parents?.[""])).size, 2, "each run under the parent checkpoint it ran from");

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.deepEqual((await story.custom<SnapshotView>("snapshot")).values.answers, ["answer 1: why tides?", "answer 2: why two a day?"]);
    assert.equal(await ran("reply", 2), 2);
  });
});
