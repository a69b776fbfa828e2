/**
 * Stories of stops whose state is large, or grows stop after stop: the `graphState` event leaves a
 * large state out and says so, while Variables and the `values` request still give all of it; and
 * the state the runner sends as a difference from its last answer is, at every stop, the state as
 * it is (checked against the thread's own count of messages).
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphStateEvent } from "../../src/protocol/debug";
import { PROJECT_ROOT } from "./helpers/build";
import { Story, ENGINE } from "./helpers/story";

const LARGE = path.join(PROJECT_ROOT, "bench", "fixtures", "large-state.ts");
const RING = path.join(PROJECT_ROOT, "bench", "fixtures", "ring-chat.ts");

/** The next `graphState` that reports a stop (runs starting report too). */
async function stopState(story: Story): Promise<GraphStateEvent> {
  for (;;) {
    const event = (await story.next("graphState")).body as GraphStateEvent;
    if (event.status === "stopped") return event;
  }
}

describe("debug adapter: large and growing states", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("a state too large for the event is left out of it, marked, and still whole in Variables and the values request", async () => {
    await story.start("launch", { program: LARGE, input: { count: 100 } }, { functionBreakpoints: ["answer"] });
    await story.next("stopped");
    const event = await stopState(story);
    assert.deepEqual([event.snapshot.valuesOmitted, event.snapshot.values], [true, {}]);
    // Our engine gives each task its input (the same state); LangGraph.js's snapshots carry none.
    if (ENGINE === "builtin") assert.equal(event.snapshot.tasks[0].inputOmitted, true, "the task's input is the same state");
    assert.ok(JSON.stringify(event).length < 10_000, "the event stays small");

    const messages = (await story.scope("State")).get("messages")!;
    assert.equal(messages.value, "Array(100)");
    const last = await story.children((await story.children(messages.variablesReference)).get("99")!.variablesReference);
    assert.match(last.get("content")!.value, /^"99: lorem ipsum/);

    const whole = await story.custom<{ values: { messages: { content: string }[] }; clipped: boolean }>("values", { checkpointId: event.checkpointId });
    assert.deepEqual([whole.clipped, whole.values.messages.length, whole.values.messages[99].content.length], [false, 100, 5000 + "99: ".length]);
    const preview = await story.custom<{ values: { messages: { content: string }[] }; clipped: boolean }>("values", { checkpointId: event.checkpointId, clip: 50 });
    assert.deepEqual([preview.clipped, preview.values.messages.length, preview.values.messages[99].content.length], [true, 100, 50]);
  });

  it("stop after stop, and back and forth in time, Variables show the state as it is at that checkpoint", async () => {
    await story.start("launch", { program: RING, input: { target: 50 } }, { functionBreakpoints: ["n0"] });
    await story.next("stopped");
    const shown = async () => {
      const state = await story.scope("State");
      const list = await story.children(state.get("messages")!.variablesReference);
      return { count: Number(state.get("count")!.value), messages: list.size };
    };
    for (const count of [10, 20, 30]) {
      await story.dc.continueRequest({ threadId: 1 });
      await story.next("stopped");
      assert.deepEqual(await shown(), { count, messages: count });
    }
    await story.dc.stepBackRequest({ threadId: 1 });
    await story.next("stopped");
    assert.deepEqual(await shown(), { count: 29, messages: 29 }, "one checkpoint back");
    const latest = story.pending("graphState").at(-1)!.body as GraphStateEvent;
    await story.dc.customRequest("selectCheckpoint", { checkpointId: latest.headCheckpointId });
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("stopped");
    assert.deepEqual(await shown(), { count: 40, messages: 40 });
  });
});
