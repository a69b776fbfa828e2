/**
 * Seed "Basic Interrupts": pausing before a node, after a node, and before every node, then
 * resuming with `invoke(null)`. The graph is the seed's agent with a tools step.
 */
import * as assert from "assert";
import { Annotation, END, InMemorySaver, START, StateGraph } from "../../../src/runtime";
import { agentValues, buildAgentGraph, config, lastMessage, question } from "./agent";

describe("seed: basic interrupts", () => {
  it("pauses before the tools run, shows tools as next, and runs them on invoke(null)", async () => {
    const executed: string[] = [];
    const app = buildAgentGraph(executed, { interruptBefore: ["tools"] });
    const cfg = config("thread-1");

    await app.invoke(question("weather in Paris"), cfg);
    const state = await app.getState(cfg);
    assert.deepStrictEqual(state.next, ["tools"]);
    assert.deepStrictEqual(executed, [], "the tool must not have run yet");

    const result = await app.invoke(null, cfg);
    assert.deepStrictEqual(executed, ["search(weather in Paris)"]);
    assert.strictEqual(lastMessage(result).content, "Answer based on: results for weather in Paris");
    assert.deepStrictEqual((await app.getState(cfg)).next, []);
  });

  it("pauses after the agent ran, so its output can be reviewed before continuing", async () => {
    const executed: string[] = [];
    const app = buildAgentGraph(executed, { interruptAfter: ["agent"] });
    const cfg = config("thread-after");

    await app.invoke(question("news"), cfg);
    const state = await app.getState(cfg);
    const messages = agentValues(state).messages;
    assert.strictEqual(messages.length, 2, "the agent's reply is in the state");
    assert.strictEqual(messages[1].role, "assistant");
    assert.deepStrictEqual(state.next, ["tools"]);

    await app.invoke(null, cfg);
    assert.deepStrictEqual(executed, ["search(news)"]);
    assert.deepStrictEqual((await app.getState(cfg)).next, [], "runs on to the agent's answer and pauses after it");
    const final = await app.getState(cfg);
    assert.match(String(lastMessage(agentValues(final)).content), /^Answer based on/);
  });

  it('pauses before every node with interruptBefore "*", one node per invoke(null)', async () => {
    const State = Annotation.Root({
      visited: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    });
    const visit = (name: string) => () => ({ visited: [name] });
    const app = new StateGraph(State)
      .addNode("plan", visit("plan"))
      .addNode("act", visit("act"))
      .addNode("report", visit("report"))
      .addEdge(START, "plan")
      .addEdge("plan", "act")
      .addEdge("act", "report")
      .addEdge("report", END)
      .compile({ checkpointer: new InMemorySaver(), interruptBefore: "*" });
    const cfg = config("debug-all");

    const pausedBefore: string[][] = [];
    await app.invoke({ visited: [] }, cfg);
    for (let state = await app.getState(cfg); state.next.length > 0; state = await app.getState(cfg)) {
      pausedBefore.push(state.next);
      await app.invoke(null, cfg);
    }
    assert.deepStrictEqual(pausedBefore, [["plan"], ["act"], ["report"]]);
    assert.deepStrictEqual((await app.getState(cfg)).values.visited, ["plan", "act", "report"]);
  });
});
