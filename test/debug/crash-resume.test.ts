/**
 * Stories of a run that dies between a step's saved writes and the checkpoint after it: the runner
 * is killed (SIGKILL, a real child process) in exactly that window, and a second launch on the
 * thread goes on from the saved writes to the graph's end, without running the finished node again.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, processAlive, until } from "./helpers/story";

const PROGRAM = path.join(FIXTURES, "crash-after-writes.ts");

describe("debug adapter: resuming after a crash between writes and checkpoint", function () {
  this.timeout(60_000);
  let first: Story;
  let second: Story | undefined;

  beforeEach(async () => (first = await Story.open()));
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await first.close();
  });

  /** Runs the thread until its runner is killed between the writes of `write` and the next checkpoint. */
  async function crash(threadId: string): Promise<Story> {
    await first.start("launch", { program: PROGRAM, threadId, input: {}, env: { CRASH_AFTER_WRITES: "1" } });
    await first.next("terminated");
    assert.match(first.outputText(), /killed \(SIGKILL\)/, "the first run died in the window");
    assert.ok(await until(() => first.runnerPids.every((pid) => !processAlive(pid))));
    await first.disconnect();
    second = await Story.open();
    return second;
  }

  it("continues the thread from the saved writes on F5, without running the node again", async () => {
    const story = await crash("crashed");
    await story.start("launch", { program: PROGRAM, threadId: "crashed", checkpointDir: first.checkpointDir });
    await story.next("terminated");
    assert.doesNotMatch(story.outputText(), /already at its end/);
    assert.match(story.outputText(), /Continuing thread crashed/);
    const head = await story.custom<SnapshotView>("snapshot");
    assert.deepEqual(head.values.log, ["write (the run that crashed)", "after"]);
    assert.deepEqual(head.next, []);
  });

  it("says so when attached to such a thread, and Continue goes on", async () => {
    const story = await crash("crashed-attach");
    await story.start("attach", { program: PROGRAM, threadId: "crashed-attach", checkpointDir: first.checkpointDir });
    const stop = await story.next("stopped");
    assert.match(stop.body.description ?? "", /the writes of write are saved but not yet checkpointed: Continue applies them/);
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.deepEqual((await story.custom<SnapshotView>("snapshot")).values.log, ["write (the run that crashed)", "after"]);
  });
});
