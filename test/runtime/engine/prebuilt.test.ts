/**
 * Our `@langchain/langgraph/prebuilt` against the real one: the same scripted model and tools, one
 * agent made by LangGraph.js's `createReactAgent` on its engine and one by ours, must produce the
 * same conversation (message types, contents, tool answers and their status), including a tool
 * that throws and a call to a tool that does not exist; `toolsCondition` routes alike.
 */
import * as assert from "assert";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { tool } from "@langchain/core/tools";
import * as real from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import * as ours from "../../../src/runtime/prebuilt";

const tideTable = tool(async ({ port }) => `high water at ${port}: 06:12`, {
  name: "tide_table",
  description: "High water times.",
  schema: z.object({ port: z.string() }),
});
const broken = tool(async (): Promise<string> => {
  throw new Error("the tide gauge is offline");
}, { name: "gauge", description: "Live gauge.", schema: z.object({}) });

/** A chat model that asks for three tool calls (one fine, one failing, one unknown), then answers with what it got. */
class ScriptedChatModel extends BaseChatModel {
  _llmType(): string {
    return "scripted";
  }

  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const answers = messages.filter((message) => message.getType() === "tool");
    const message = answers.length > 0
      ? new AIMessage(`Got ${answers.length} answers.`)
      : new AIMessage({
        content: "",
        tool_calls: [
          { id: "c1", name: "tide_table", args: { port: "Brest" } },
          { id: "c2", name: "gauge", args: {} },
          { id: "c3", name: "almanac", args: {} },
        ],
      });
    return { generations: [{ message, text: String(message.content) }] };
  }
}

const scriptedModel = () => new ScriptedChatModel({});

type Conversation = Array<{ type: string; content: unknown; status?: unknown; tool_call_id?: unknown }>;

function conversation(messages: BaseMessage[]): Conversation {
  return messages.map((message) => {
    const m = message as BaseMessage & { status?: unknown; tool_call_id?: unknown };
    return { type: m.getType(), content: m.content, status: m.status, tool_call_id: m.tool_call_id };
  });
}

describe("prebuilt agents: ours against LangGraph.js", () => {
  it("createReactAgent holds the same conversation, tool errors and unknown tools included", async () => {
    const input = { messages: [new HumanMessage("When is high tide in Brest?")] };
    const theirs = await real.createReactAgent({ llm: scriptedModel(), tools: [tideTable, broken] }).invoke(input);
    const mine = (await ours.createReactAgent({ llm: scriptedModel(), tools: [tideTable, broken] }).invoke(input)) as { messages: BaseMessage[] };
    assert.deepStrictEqual(conversation(mine.messages), conversation(theirs.messages as BaseMessage[]));
    assert.match(String(mine.messages[3].content), /^Error: the tide gauge is offline\n Please fix your mistakes\.$/);
  });

  it("a ToolNode with handleToolErrors false lets the error through, as LangGraph's does", async () => {
    const ask = { messages: [new AIMessage({ content: "", tool_calls: [{ id: "c2", name: "gauge", args: {} }] })] };
    await assert.rejects(new real.ToolNode([broken], { handleToolErrors: false }).invoke(ask), /offline/);
    await assert.rejects(new ours.ToolNode([broken], { handleToolErrors: false }).invoke(ask), /offline/);
  });

  it("toolsCondition routes to tools while the last message asks for them, else to the end", () => {
    const asks = { messages: [new AIMessage({ content: "", tool_calls: [{ id: "c1", name: "tide_table", args: { port: "Brest" } }] })] };
    const done = { messages: [new AIMessage("All done.")] };
    assert.deepStrictEqual([ours.toolsCondition(asks), ours.toolsCondition(done)], [real.toolsCondition(asks), real.toolsCondition(done)]);
  });
});
