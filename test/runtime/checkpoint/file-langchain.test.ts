/**
 * LangChain messages in FileSaver, as an agent built on `@langchain/core` produces them: they are
 * stored with their class and fields, come back as instances of their classes (tool calls and
 * ids intact), in this process and in a fresh one that has never met the classes, and a message
 * class no process can find comes back as its fields, so a store can still be read and shown.
 */
import * as assert from "assert";
import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import { Codec } from "../../../src/runtime/checkpoint/file/codec";
import { END, MessagesAnnotation, START, StateGraph } from "../../../src/runtime";
import { removeDir, runFixture, tempDir } from "./helpers";

describe("FileSaver with LangChain messages", function () {
  this.timeout(30_000);
  let directory: string;
  beforeEach(() => (directory = tempDir()));
  afterEach(() => removeDir(directory));

  function agent() {
    return new StateGraph(MessagesAnnotation)
      .addNode("agent", () => ({ messages: [new AIMessage({ content: "", tool_calls: [{ name: "tide_table", args: { port: "Brest" }, id: "call-1" }] })] }))
      .addNode("tools", () => ({ messages: [new ToolMessage({ content: "high water 06:12", tool_call_id: "call-1" })] }))
      .addEdge(START, "agent")
      .addEdge("agent", "tools")
      .addEdge("tools", END)
      .compile({ checkpointer: new FileSaver(directory) });
  }

  it("keeps each message's class, tool calls and id through a run and its history", async () => {
    const config = { configurable: { thread_id: "brest" } };
    const result = await agent().invoke({ messages: [new HumanMessage("When is high tide in Brest?")] }, config);
    assert.deepStrictEqual(result.messages.map((message) => message.constructor.name), ["HumanMessage", "AIMessage", "ToolMessage"]);

    const reopened = agent();
    const stored = (await reopened.getState(config)).values.messages as unknown as Array<AIMessage | ToolMessage>;
    assert.ok(stored[1] instanceof AIMessage);
    assert.deepStrictEqual(stored[1].tool_calls?.map((call) => [call.name, call.args]), [["tide_table", { port: "Brest" }]]);
    assert.equal((stored[2] as ToolMessage).tool_call_id, "call-1");
    assert.deepStrictEqual(stored.map((message) => message.id), result.messages.map((message) => message.id), "ids given by the reducer are kept");
  });

  it("brings the classes back in a fresh process that never met them", async () => {
    await agent().invoke({ messages: [new HumanMessage("When is high tide in Brest?")] }, { configurable: { thread_id: "fresh" } });
    const [line] = await runFixture("message-reader", [directory, "fresh"]);
    const seen = JSON.parse(line) as Array<{ class: string; type: string; tool_calls?: Array<{ name: string }> }>;
    assert.deepStrictEqual(seen.map((message) => [message.class, message.type]), [["HumanMessage", "human"], ["AIMessage", "ai"], ["ToolMessage", "tool"]]);
    assert.equal(seen[1].tool_calls?.[0].name, "tide_table");
  });

  it("gives back the fields of a LangChain class it cannot find, with its id, instead of failing", () => {
    const codec = new Codec();
    const stored = JSON.parse(JSON.stringify({ $type: "LangChain", value: { id: ["langchain_core", "no_such_module", "Gone"], kwargs: { content: "kept" } } }));
    assert.deepStrictEqual(codec.decode(stored), { lc_id: ["langchain_core", "no_such_module", "Gone"], content: "kept" });
  });
});
