/**
 * Stories of threads that outlive their session: a session stops in `interrupt()` and ends; a
 * second session attaches to the thread from the checkpoint store, shows where it waits, and
 * answers it; a launch with that thread's id continues it. These need the file-backed saver,
 * since each session has its own runner process.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as runtime from "../../src/runtime";
import type { GraphStateEvent, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story } from "./helpers/story";

const REVIEW = path.join(FIXTURES, "interrupt-review.ts");

describe("debug adapter: threads across sessions", function () {
  this.timeout(60_000);
  let first: Story;
  let second: Story | undefined;
  let threadId: string;

  before(function () {
    if (!("FileSaver" in runtime)) this.skip(); // until the engine exports FileSaver (issue 3)
  });

  beforeEach(async () => {
    first = await Story.open();
    await first.start("launch", { program: REVIEW });
    await first.next("stopped");
    threadId = ((await first.next("graphState")).body as GraphStateEvent).threadId;
    await first.disconnect();
  });

  afterEach(async () => {
    await second?.close();
    await first.close();
  });

  async function secondSession(): Promise<Story> {
    second = await Story.open();
    return second;
  }

  it("attaches to a thread waiting in interrupt(), shows it, and answers it", async () => {
    const story = await secondSession();
    await story.start("attach", { program: REVIEW, threadId, checkpointDir: first.checkpointDir });
    const stop = await story.next("stopped");
    assert.match(stop.body.description ?? "", /^interrupt\(\) in review/);
    assert.equal((await story.scope("State")).get("draft")?.value, '"Hello, world"');
    await story.custom("resume", { value: "approved" });
    await story.next("terminated");
    assert.deepEqual((await story.custom<SnapshotView>("snapshot")).values.log, ["write", "review", "publish:approved"]);
  });

  it("refuses to attach to a thread the store does not have", async () => {
    const story = await secondSession();
    await story.dc.initializeRequest();
    await assert.rejects(
      story.dc.attachRequest({ program: REVIEW, threadId: "no-such-thread", checkpointDir: first.checkpointDir } as never),
      /no thread "no-such-thread"/i,
    );
  });

  it("shows the saved thread after the runner was restarted to pause a node that never yields", async () => {
    const story = await secondSession();
    await story.start("launch", { program: path.join(FIXTURES, "hangs.ts"), graph: "spinning" });
    let state: GraphStateEvent;
    do state = (await story.next("graphState")).body as GraphStateEvent;
    while (!state.running.includes("spin"));
    await story.dc.pauseRequest({ threadId: 1 });
    await story.next("stopped");
    assert.equal((await story.frames())[0].name, "spin");
    assert.equal((await story.scope("State")).get("started")?.value, "true");
  });

  it("continues an existing thread when a launch names it", async () => {
    const story = await secondSession();
    await story.start("launch", { program: REVIEW, threadId, checkpointDir: first.checkpointDir });
    assert.match((await story.next("stopped")).body.description ?? "", /^interrupt\(\) in review/);
    assert.equal(((await story.next("graphState")).body as GraphStateEvent).threadId, threadId);
  });
});
