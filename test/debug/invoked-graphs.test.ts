/**
 * Stories of a graph that a node invokes from its function (examples/research-report.ts: the
 * `fact_check` node calls `checker.invoke(...)`), told through a real DAP client and a real runner.
 * Nothing tells the debugger which node invokes the checker until that node runs, yet a gutter
 * breakpoint on the checker's `addNode` line stops there on the first run; the Call Stack nests the
 * checker's task inside `fact_check`; Step Into enters the invoked graph; and once it has run, the
 * graph view draws it inside `fact_check` and names its nodes by path.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphView } from "../../src/protocol/debug";
import { PROJECT_ROOT } from "./helpers/build";
import { FIXTURES, Story, lineOf } from "./helpers/story";

const REPORT = path.join(PROJECT_ROOT, "examples", "research-report.ts");
const TOPIC = { topic: "tides" };
const PER_ITEM = path.join(FIXTURES, "invoked-per-item.ts");

describe("debug adapter: a graph invoked inside a node", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("stops on a gutter breakpoint in the invoked graph on the first run, nested in the node that invoked it", async () => {
    const checkLine = lineOf(REPORT, '.addNode("check"');
    const corpusLine = lineOf(REPORT, "const CORPUS");
    await story.start("launch", { program: REPORT, input: TOPIC }, { breakpoints: [{ path: REPORT, lines: [checkLine, corpusLine] }] });
    assert.deepEqual(story.breakpointResults.map((bp) => [bp.verified, bp.line]), [[true, checkLine], [false, corpusLine]], "a line of a graph no node is known to use yet");
    const checkerLine = lineOf(REPORT, "const checker = new StateGraph");
    assert.match(story.breakpointResults[1].message ?? "", new RegExp(`check of the graph compiled at line ${checkerLine + 4} \\(line ${checkLine}\\)`), "the checker's node, named for people");

    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Paused before fact_check/check");
    assert.deepEqual(stop.body.hitBreakpointIds, [story.breakpointResults[0].id]);
    const frames = await story.frames();
    assert.deepEqual(frames.map((frame) => [frame.name, frame.line]), [
      ["fact_check/check", checkLine],
      ["fact_check", lineOf(REPORT, '.addNode("fact_check"')],
    ]);
    const scopes = (await story.dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
    const inner = await story.children(scopes.find((scope) => scope.name === "State")!.variablesReference);
    assert.equal(inner.has("topic"), false, "the checker's own state, not the report's");
    assert.match(inner.get("text")?.value ?? "", /^"Report on tides\./);

    const changed = (await story.next("graph")).body as GraphView;
    const factCheck = changed.nodes.find((node) => node.id === "fact_check")!;
    assert.equal(factCheck.invoked, true, "the panel is told the node invokes a graph");
    assert.deepEqual(factCheck.subgraph?.nodes.map((node) => node.id), ["__start__", "check", "__end__"]);

    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
  });

  it("steps into the invoked graph, and accepts a breakpoint by path before the graph is known", async () => {
    await story.start("launch", { program: REPORT, input: TOPIC }, { functionBreakpoints: ["fact_check", "fact_check/check"] });
    assert.equal(story.functionBreakpointResults[0].verified, true);
    assert.match(story.functionBreakpointResults[1].message ?? "", /"fact_check" has no subgraph yet: this stops in a graph its function invokes/);
    assert.equal((await story.next("stopped")).body.description, "Paused before fact_check");

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.stepInRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Stepped; next fact_check/check");
    assert.deepEqual((await story.frames()).map((frame) => frame.name), ["fact_check/check", "fact_check"]);

    await story.dc.stepOutRequest({ threadId: 1 });
    await story.next("terminated");
    const final = await story.custom<{ values: Record<string, unknown> }>("snapshot");
    assert.equal(final.values.checked, true, "the node got the invoked graph's answer");
  });

  it("a graph invoked once per item stops in each call, showing that call's own input", async () => {
    await story.start("launch", { program: PER_ITEM, input: { claims: ["the moon pulls", "the earth is flat"] } }, { functionBreakpoints: ["check_all/check"] });
    const claimAtStop = async () => {
      assert.equal((await story.next("stopped")).body.description, "Paused before check_all/check");
      const frames = await story.frames();
      assert.deepEqual(frames.map((frame) => frame.name), ["check_all/check", "check_all"]);
      const scopes = (await story.dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
      return (await story.children(scopes.find((scope) => scope.name === "State")!.variablesReference)).get("claim")?.value;
    };
    assert.equal(await claimAtStop(), '"the moon pulls"');
    await story.dc.continueRequest({ threadId: 1 });
    assert.equal(await claimAtStop(), '"the earth is flat"', "the second call runs from its own input, not on from the first");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.deepEqual((await story.custom<{ values: Record<string, unknown> }>("snapshot")).values.verdicts, [true, false]);
  });
});
