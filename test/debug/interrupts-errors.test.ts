/**
 * Stories of the two exception filters: a node waiting in `interrupt()` stops the run with its
 * question and is answered with the `resume` request; a node that throws stops the run where it
 * threw. Both filters are on for a client that never sets them; turned off, an interrupt waits
 * without stopping and an error ends the session with the error in the Debug Console.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphStateEvent, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, lineOf, ENGINE } from "./helpers/story";

const REVIEW = path.join(FIXTURES, "interrupt-review.ts");
const THROWS = path.join(FIXTURES, "throws.ts");

describe("debug adapter: interrupts and node errors", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("stops on interrupt() with its question, and `resume` answers it and runs to the end", async () => {
    await story.start("launch", { program: REVIEW });
    const stop = await story.next("stopped");
    assert.equal(stop.body.reason, "exception");
    assert.equal(stop.body.description, 'interrupt() in review: {"question":"Publish this draft?","draft":"Hello, world"}');
    const info = await story.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, "interrupt");
    assert.match(info.body.description ?? "", /resume request/);
    assert.equal((await story.frames())[0].name, "review (waiting in interrupt())");
    const interrupts = await story.scope("Interrupts");
    const first = await story.children(interrupts.get("0")!.variablesReference);
    assert.equal(first.get("node")?.value, '"review"');

    await story.custom("resume", { value: "yes" });
    await story.next("terminated");
    const final = await story.custom<SnapshotView>("snapshot");
    assert.deepEqual(final.values.log, ["write", "review", "publish:yes"]);
  });

  it("says whether an edit made while a node waits in interrupt() answers it, and Continue does what it said", async () => {
    await story.start("launch", { program: REVIEW });
    await story.next("stopped");
    const state = await story.scope("State");
    const frame = (await story.frames())[0];
    const scopes = (await story.dc.scopesRequest({ frameId: frame.id })).body.scopes;
    const stateRef = scopes.find((scope) => scope.name === "State")!.variablesReference;
    assert.equal(state.get("draft")?.value, '"Hello, world"');
    await story.dc.setVariableRequest({ variablesReference: stateRef, name: "draft", value: '"Hello, team"' });
    assert.match((await story.next("stopped")).body.description ?? "", /^Edited as write/, "the stop that tells of the edit");
    await story.dc.continueRequest({ threadId: 1 });
    if (ENGINE === "builtin") {
      // The seed's rule: the edit is also the answer.
      assert.match(story.outputText(), /It is also the answer to the interrupt\(\) waiting in review: Continue resumes review with it/);
      await story.next("terminated");
      const final = await story.custom<SnapshotView>("snapshot");
      assert.equal(final.values.draft, "Hello, team");
      assert.deepEqual(final.values.log, ["write", "review", "publish:[object Object]"], "review got the update as its answer");
      return;
    }
    // LangGraph.js's rule, said where the edit is made: the node asks again.
    assert.match(story.outputText(), /review still waits in interrupt\(\): on this engine \(LangGraph\.js\) an edit does not answer it/);
    const again = await story.next("stopped");
    assert.match(again.body.description ?? "", /interrupt\(\) in review/);
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.draft, "Hello, team", "the edit is in the state");
  });

  it("with the interrupt() filter off, waits for an answer without stopping", async () => {
    await story.start("launch", { program: REVIEW }, { exceptionFilters: ["errors"] });
    let state: GraphStateEvent;
    do state = (await story.next("graphState")).body as GraphStateEvent;
    while (state.status !== "waiting");
    assert.equal(state.stop, "interrupt");
    assert.match(story.outputText(), /The graph waits for an answer/);
    assert.equal(story.pending("stopped").length, 0);

    await story.custom("resume", { value: "later" });
    await story.next("terminated");
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.verdict, "later");
  });

  it("stops on a node error at the line that threw, with the stack in exceptionInfo", async () => {
    await story.start("launch", { program: THROWS });
    const stop = await story.next("stopped");
    assert.equal(stop.body.reason, "exception");
    assert.equal(stop.body.description, "Error in boom: kaboom");
    const [frame] = await story.frames();
    assert.equal(frame.name, "boom ✖ Error");
    assert.equal(frame.line, lineOf(THROWS, 'throw new Error("kaboom")'));
    const info = await story.dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.details?.stackTrace ?? "", /throws\.ts:\d+/);
  });

  it("with the node-error filter off, ends the session and prints the error", async () => {
    await story.start("launch", { program: THROWS }, { exceptionFilters: ["interrupt"] });
    await story.next("terminated");
    const errors = story.outputs.filter((event) => event.body.category === "stderr").map((event) => event.body.output).join("");
    assert.match(errors, /Error in boom: kaboom/);
    assert.equal(story.pending("stopped").length, 0);
  });
});
