/**
 * Seed "Reviewing State" and "Modifying State": what `getState` shows at a pause (next nodes,
 * values, metadata, tasks with their input), telling a pause from a finished run, and updating the
 * state as the `human` node before resuming.
 */
import * as assert from "assert";
import { Annotation, END, InMemorySaver, START, StateGraph } from "../../../src/runtime";
import { agentValues, buildAgentGraph, config, question } from "./agent";

describe("seed: reviewing and modifying state", () => {
  it("shows next nodes, current values and metadata while paused", async () => {
    const app = buildAgentGraph([], { interruptBefore: ["tools"] });
    const cfg = config("review");
    await app.invoke(question("flights to Rome"), cfg);

    const state = await app.getState(cfg);
    assert.deepStrictEqual(state.next, ["tools"]);
    assert.strictEqual(agentValues(state).messages.length, 2);
    assert.strictEqual(state.metadata?.source, "loop");
    assert.strictEqual(state.metadata?.step, 1);
  });

  it('says "Paused before" while something is next and "Execution complete" at the end', async () => {
    const app = buildAgentGraph([], { interruptBefore: ["tools"] });
    const cfg = config("status");
    const describe = async () => {
      const state = await app.getState(cfg);
      return state.next.length > 0 ? `Paused before: ${state.next.join(",")}` : "Execution complete";
    };
    await app.invoke(question("q"), cfg);
    assert.strictEqual(await describe(), "Paused before: tools");
    await app.invoke(null, cfg);
    assert.strictEqual(await describe(), "Execution complete");
  });

  it("lists the pending tasks with their names and the input each will receive", async () => {
    const app = buildAgentGraph([], { interruptBefore: ["tools"] });
    const cfg = config("tasks");
    await app.invoke(question("hotels"), cfg);

    const state = await app.getState(cfg);
    const lines = state.tasks.map((task) => `Task: ${task.name}`);
    assert.deepStrictEqual(lines, ["Task: tools"]);
    assert.deepStrictEqual(state.tasks[0].input, state.values, "a pull task's input is the state it will read");
  });

  it("records an update made as the human node, which counts as done, and resumes after it", async () => {
    const State = Annotation.Root({
      draft: Annotation<string>(),
      approved: Annotation<boolean>(),
      feedback: Annotation<string>(),
      published: Annotation<string>(),
    });
    let humanRan = false;
    const app = new StateGraph(State)
      .addNode("write", () => ({ draft: "first draft" }))
      .addNode("human", () => {
        humanRan = true;
        return {};
      })
      .addNode("publish", (s) => ({ published: s.approved ? `${s.draft} (${s.feedback})` : "held back" }))
      .addEdge(START, "write")
      .addEdge("write", "human")
      .addEdge("human", "publish")
      .addEdge("publish", END)
      .compile({ checkpointer: new InMemorySaver(), interruptBefore: ["human"] });
    const cfg = config("modify");
    await app.invoke({}, cfg);
    assert.deepStrictEqual((await app.getState(cfg)).next, ["human"]);

    await app.updateState(cfg, { approved: true, feedback: "Looks good!" }, "human");
    const updated = await app.getState(cfg);
    assert.deepStrictEqual(updated.next, ["publish"], "acting as human moves on to human's successor");
    assert.strictEqual(updated.metadata?.source, "update");

    const result = await app.invoke(null, cfg);
    assert.strictEqual(result.published, "first draft (Looks good!)");
    assert.strictEqual(humanRan, false, "the human node itself never ran: the update stood in for it");
  });
});
