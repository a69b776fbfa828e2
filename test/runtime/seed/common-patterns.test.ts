/**
 * Seed "Common Patterns": reviewing tool calls before they run (approve, or cancel with an update),
 * multi-step approval through research/write/publish, and editing the agent's message before
 * continuing.
 */
import * as assert from "assert";
import { Annotation, END, InMemorySaver, START, StateGraph } from "../../../src/runtime";
import type { Message } from "../../../src/runtime";
import { ToolCall, agentValues, buildAgentGraph, config, lastMessage, question } from "./agent";

describe("seed: common patterns", () => {
  describe("review tool calls before execution", () => {
    it("shows the tool calls the agent wants, and runs them once approved", async () => {
      const executed: string[] = [];
      const app = buildAgentGraph(executed, { interruptBefore: ["tools"] });
      const cfg = config("approve-tools");
      await app.invoke(question("stock price"), cfg);

      const state = await app.getState(cfg);
      const toolCalls = lastMessage(agentValues(state)).tool_calls as ToolCall[];
      assert.deepStrictEqual(
        toolCalls.map((c) => c.name),
        ["search"],
      );
      const approve = (calls: ToolCall[]) => calls.every((c) => c.name === "search");
      assert.ok(approve(toolCalls));

      await app.invoke(null, cfg);
      assert.deepStrictEqual(executed, ["search(stock price)"]);
    });

    it("cancels the tool run with an update, so the tool never executes", async () => {
      const executed: string[] = [];
      const app = buildAgentGraph(executed, { interruptBefore: ["tools"] });
      const cfg = config("cancel-tools");
      await app.invoke(question("delete everything"), cfg);

      await app.updateState(cfg, { messages: [{ role: "assistant", content: "Action cancelled" }] });
      const state = await app.getState(cfg);
      assert.deepStrictEqual(state.next, [], "the cancel message has no tool calls, so the agent's route ends");
      assert.strictEqual(lastMessage(agentValues(state)).content, "Action cancelled");

      await app.invoke(null, cfg);
      assert.deepStrictEqual(executed, [], "nothing ran after the cancellation");
    });
  });

  describe("multi-step approval", () => {
    const State = Annotation.Root({
      stages: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
    });
    const buildPipeline = () =>
      new StateGraph(State)
        .addNode("research", () => ({ stages: ["research"] }))
        .addNode("write", () => ({ stages: ["write"] }))
        .addNode("publish", () => ({ stages: ["publish"] }))
        .addEdge(START, "research")
        .addEdge("research", "write")
        .addEdge("write", "publish")
        .addEdge("publish", END)
        .compile({ checkpointer: new InMemorySaver(), interruptBefore: ["research", "write", "publish"] });

    it("stops before each stage and moves on only when the human approves", async () => {
      const app = buildPipeline();
      const cfg = config("all-approved");
      await app.invoke({ stages: [] }, cfg);
      const seen: string[][] = [];
      for (const _step of ["research", "write", "publish"]) {
        const state = await app.getState(cfg);
        seen.push(state.next);
        await app.invoke(null, cfg);
      }
      assert.deepStrictEqual(seen, [["research"], ["write"], ["publish"]]);
      assert.deepStrictEqual((await app.getState(cfg)).values.stages, ["research", "write", "publish"]);
    });

    it("stays paused before publishing when the human withholds approval", async () => {
      const app = buildPipeline();
      const cfg = config("held");
      await app.invoke({ stages: [] }, cfg);
      const getHumanApproval = (next: string[]) => !next.includes("publish");
      for (const _step of ["research", "write", "publish"]) {
        const state = await app.getState(cfg);
        if (!getHumanApproval(state.next)) break;
        await app.invoke(null, cfg);
      }
      const state = await app.getState(cfg);
      assert.deepStrictEqual(state.next, ["publish"]);
      assert.deepStrictEqual(state.values.stages, ["research", "write"]);
    });
  });

  describe("edit and resume", () => {
    it("replaces the agent's message with an edited one (same id) before the run continues", async () => {
      const executed: string[] = [];
      const app = buildAgentGraph(executed, { interruptAfter: ["agent"] });
      const cfg = config("edit");
      await app.invoke(question("capital of France"), cfg);

      const state = await app.getState(cfg);
      const agentMessage = lastMessage(agentValues(state));
      const editMessage = (m: Message): Message => ({
        ...m,
        content: "Let me look that up.",
        tool_calls: [{ name: "search", args: { query: "capital of France (edited)" }, id: "call_edit" }],
      });
      await app.updateState(cfg, { messages: [editMessage(agentMessage)] });

      const edited = await app.getState(cfg);
      assert.strictEqual(agentValues(edited).messages.length, 2, "same id: the message was replaced, not appended");
      assert.strictEqual(lastMessage(agentValues(edited)).content, "Let me look that up.");

      await app.invoke(null, cfg);
      assert.deepStrictEqual(executed, ["search(capital of France (edited))"], "the tools ran the edited call");
    });

    it("appends rather than replaces when the edited message carries no id", async () => {
      const app = buildAgentGraph([], { interruptAfter: ["agent"] });
      const cfg = config("edit-no-id");
      await app.invoke(question("q"), cfg);
      await app.updateState(cfg, { messages: [{ role: "assistant", content: "edited" }] });
      const messages = agentValues(await app.getState(cfg)).messages;
      assert.strictEqual(messages.length, 3);
      assert.ok(messages[2].id, "the new message was given an id");
    });
  });
});
