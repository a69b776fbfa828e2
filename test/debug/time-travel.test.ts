/**
 * Stories of time travel: Step Back and Reverse Continue look at earlier checkpoints without
 * changing the thread; Continue from a past checkpoint forks the thread and says so; the `fork`
 * request edits the past into a new branch; `restartFrame` replays from the checkpoint in view.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story } from "./helpers/story";

const COUNTER = path.join(FIXTURES, "counter.ts");

describe("debug adapter: time travel", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  async function history(): Promise<HistoryEntry[]> {
    return (await story.custom<{ entries: HistoryEntry[] }>("history")).entries;
  }

  /** Runs the counter to 3 with a breakpoint before every tick, and stops at the third. */
  async function stopAtThirdTick(): Promise<SnapshotView> {
    await story.start("launch", { program: COUNTER, input: { target: 3 } }, { functionBreakpoints: ["tick"] });
    await story.next("stopped");
    for (let pass = 0; pass < 2; pass++) {
      await story.dc.continueRequest({ threadId: 1 });
      await story.next("stopped");
    }
    return story.custom<SnapshotView>("snapshot");
  }

  it("steps back to earlier checkpoints without changing the thread", async () => {
    const head = await stopAtThirdTick();
    assert.equal(head.values.count, 2);
    const before = await history();

    await story.dc.stepBackRequest({ threadId: 1 });
    const back = await story.next("stopped");
    assert.match(back.body.description ?? "", /^Step 1, before tick \(a past checkpoint/);
    assert.equal((await story.scope("State")).get("count")?.value, "1");
    assert.match((await story.frames())[0].name, /tick \(past: step 1\)/);

    await story.dc.reverseContinueRequest({ threadId: 1 });
    await story.next("stopped");
    assert.equal((await story.scope("State")).get("count")?.value, "0", "the breakpoint before the first tick");

    assert.deepEqual(await history(), before, "looking at the past wrote nothing");
    const event = story.pending("graphState").at(-1)!.body as { checkpointId: string; headCheckpointId: string };
    assert.notEqual(event.checkpointId, event.headCheckpointId);
  });

  it("forks the thread when Continue starts from a past checkpoint, and says so", async () => {
    await stopAtThirdTick();
    await story.dc.stepBackRequest({ threadId: 1 });
    await story.next("stopped");
    const past = await story.custom<SnapshotView>("snapshot", { checkpointId: undefined });

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.match(story.outputText(), /forks the thread: a new branch starts there/);
    const entries = await history();
    const children = entries.filter((entry) => entry.parentId === past.checkpointId);
    assert.ok(children.length >= 2, `two branches leave the checkpoint at step ${past.metadata.step}`);
    assert.equal((await story.custom<SnapshotView>("snapshot")).values.count, 3);
  });

  it("edits the past with the fork request, and Continue runs the new branch", async () => {
    await stopAtThirdTick();
    const entries = await history();
    const first = entries.find((entry) => entry.step === 1)!;
    const forked = await story.custom<{ checkpointId: string }>("fork", { checkpointId: first.checkpointId, values: { target: 5 } });
    assert.match(story.outputText(), /It forks the thread from checkpoint/);
    const view = await story.custom<SnapshotView>("snapshot");
    assert.equal(view.checkpointId, forked.checkpointId);
    assert.equal(view.parentCheckpointId, first.checkpointId);

    await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    const final = await story.custom<SnapshotView>("snapshot");
    assert.deepEqual([final.values.count, final.values.target], [5, 5]);
  });

  it("replays from the checkpoint in view with restartFrame, and selectCheckpoint moves the view", async () => {
    await stopAtThirdTick();
    const first = (await history()).find((entry) => entry.step === 1)!;
    const selected = await story.custom<SnapshotView>("selectCheckpoint", { checkpointId: first.checkpointId });
    assert.equal(selected.values.count, 1);
    await story.next("invalidated");
    assert.equal((await story.scope("State")).get("count")?.value, "1");

    const [frame] = await story.frames();
    await story.dc.restartFrameRequest({ frameId: frame.id });
    const stop = await story.next("stopped");
    assert.equal(stop.body.description, "Paused before tick");
    assert.match(story.outputText(), /Replaying from step 1/);
    assert.equal((await story.scope("State")).get("count")?.value, "2", "the replay ran tick again from count 1");
  });
});
