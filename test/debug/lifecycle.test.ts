/**
 * Stories of a session's life and death: a graph file that cannot be built or has no (or too many)
 * graphs ends the launch with a message that says what to fix; a node that hangs is paused (its
 * step abandoned, the runner restarted when the node holds its event loop); Stop kills a runner
 * that does not answer; a runner that dies on its own ends the session with a message.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphStateEvent, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, processAlive, until, ENGINE, OLDER_LANGGRAPH } from "./helpers/story";

const HANGS = path.join(FIXTURES, "hangs.ts");

describe("debug adapter: session life", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  async function launchFails(args: Record<string, unknown>): Promise<string> {
    await story.dc.initializeRequest();
    const failure = await story.dc.launchRequest({ checkpointDir: story.checkpointDir, ...args } as never).then(
      () => assert.fail("the launch should fail"),
      (error: Error) => error.message,
    );
    assert.ok(await until(() => story.runnerPids.every((pid) => !processAlive(pid))), "no runner is left behind");
    return failure;
  }

  async function untilRunning(node: string): Promise<void> {
    let state: GraphStateEvent;
    do state = (await story.next("graphState")).body as GraphStateEvent;
    while (!state.running.includes(node));
  }

  it("ends the launch of a file with a syntax error with the file, line and column", async () => {
    const message = await launchFails({ program: path.join(FIXTURES, "broken-syntax.js") });
    assert.match(message, /Could not build the graph file broken-syntax\.js/);
    assert.match(message, /broken-syntax\.js:4:\d+: Unexpected "\;"/);
  });

  it("asks which graph to debug when a module exports several, and runs the one named", async () => {
    const program = path.join(FIXTURES, "two-exports.ts");
    assert.match(await launchFails({ program }), /exports several graphs \(first, second\): set `graph`/);
    await story.close();
    story = await Story.open();
    assert.match(await launchFails({ program, graph: "third" }), /no graph export named "third": its graphs are: first, second/);
    await story.close();
    story = await Story.open();
    await story.start("launch", { program, graph: "second" });
    await story.next("terminated");
    assert.deepEqual((await story.custom<SnapshotView>("snapshot")).values.visited, ["two"]);
  });

  it("pauses a node that awaits forever by abandoning its step, in the same runner", async () => {
    await story.start("launch", { program: HANGS, graph: "waiting" });
    await untilRunning("wait");
    const pid = story.runnerPids[0];
    await story.dc.pauseRequest({ threadId: 1 });
    const stop = await story.next("stopped");
    assert.equal(stop.body.reason, "pause");
    assert.match(stop.body.description ?? "", /wait did not finish, so its step was abandoned/);
    assert.deepEqual(story.runnerPids, [pid]);
    assert.equal((await story.scope("State")).get("started")?.value, "true");
    assert.equal((await story.frames())[0].name, "wait");
  });

  it("pauses a node that never gives control back by restarting the runner, and Stop leaves no process", async () => {
    await story.start("launch", { program: HANGS, graph: "spinning" });
    await untilRunning("spin");
    const [spinning] = story.runnerPids;
    const started = Date.now();
    await story.dc.pauseRequest({ threadId: 1 });
    const stop = await story.next("stopped");
    const pauseMs = Date.now() - started;
    assert.match(stop.body.description ?? "", /spin did not finish/);
    // A guard against a pause that never comes, not a speed goal: the replacement runner loads the
    // program again, which takes longer through tsx on the workspace engine.
    assert.ok(pauseMs < (ENGINE === "workspace" ? 5000 : 2000), `paused in ${pauseMs} ms`);
    assert.equal(processAlive(spinning), false, "the spinning runner is gone");
    assert.match(story.outputText(), /the runner process was restarted/);
    assert.doesNotMatch(story.outputText(), /The runner process was killed/, "a restart on purpose is not reported as a crash");
    assert.equal(story.pending("terminated").length, 0);
    const restarted = story.runnerPids.at(-1)!;
    assert.notEqual(restarted, spinning);

    await story.dc.terminateRequest();
    await story.next("terminated");
    assert.ok(await until(() => !processAlive(restarted), 2000), "Stop ends the runner");
  });

  it("kills a spinning runner on Stop within two seconds", async () => {
    await story.start("launch", { program: HANGS, graph: "spinning" });
    await untilRunning("spin");
    const [pid] = story.runnerPids;
    const started = Date.now();
    await story.disconnect();
    assert.ok(await until(() => !processAlive(pid), 2000), "the runner is gone");
    assert.ok(Date.now() - started < 2000);
  });

  it("ends the session with a message when the runner process dies", async () => {
    await story.start("launch", { program: path.join(FIXTURES, "crash.ts") });
    await story.next("terminated");
    assert.match(story.outputText(), /The runner process exited with code 3 while exit ran\. The thread .* stays in/);
  });
});

describe("debug adapter: Pause on a graph that keeps running", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("stops at the next superstep boundary, with the step's writes kept, and Continue finishes the run", async () => {
    const target = 100_000;
    await story.start("launch", { program: path.join(FIXTURES, "counter.ts"), input: { target }, recursionLimit: target + 10 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let it run a few hundred steps
    await story.dc.pauseRequest({ threadId: 1 });
    const stop = await story.next("stopped");
    // Without RunControl (LangGraph.js 1.0) Pause abandons the step in flight instead, and says so.
    const said = OLDER_LANGGRAPH ? "Paused: tick did not finish, so its step was abandoned (Continue runs it again)" : "Paused before tick";
    assert.deepEqual([stop.body.reason, stop.body.description], ["pause", said]);
    const count = Number((await story.scope("State")).get("count")?.value);
    assert.ok(count > 0 && count < target, `paused between steps, at count ${count}`);
    await story.custom("updateState", { values: { target: count + 2 } });
    await story.next("stopped");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.equal((await story.custom<{ values: { count: number } }>("snapshot")).values.count, count + 2, "the run went on from where it paused");
  });
});
