/**
 * A prebuilt agent: `createReactAgent` from `@langchain/langgraph/prebuilt` with one LangChain tool,
 * LangChain messages throughout (`HumanMessage`, `AIMessage` with tool calls, `ToolMessage`), and a
 * scripted chat model standing in for a real one (no key, no network): it asks for the weather
 * tool once, then answers with what the tool said.
 *
 * Try it: add the function breakpoint `tools` in the Breakpoints view (or click the gutter on the
 * `createReactAgent(...)` line to stop before every step of the loop) and press F5. Before
 * `tools`, the last message is the model's tool call: in the graph panel's JSON, change its
 * `"city"` and Apply as `agent`, then Continue. The tool runs with your city, and the model's
 * answer uses it: the message stays an `AIMessage`, so the prebuilt agent's routing still works.
 */
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { z } from "zod";

const FORECASTS: Record<string, string> = { Paris: "sunny, 24 °C", Berlin: "rain, 16 °C", Oslo: "snow, -3 °C" };

const weather = tool(async ({ city }) => FORECASTS[city] ?? `no forecast for ${city}`, {
  name: "weather",
  description: "Today's weather in a city.",
  schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
});

/** A chat model with a script instead of a network call: first the tool call, then the answer. */
class ScriptedChatModel extends BaseChatModel {
  _llmType(): string {
    return "scripted";
  }

  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const answer = [...messages].reverse().find((message) => message.getType() === "tool");
    const message = answer
      ? new AIMessage(`The weather there: ${String(answer.content)}.`)
      : new AIMessage({ content: "", tool_calls: [{ id: "call-1", name: "weather", args: { city: "Paris" } }] });
    return { generations: [{ message, text: String(message.content) }] };
  }
}

export const graph = createReactAgent({
  llm: new ScriptedChatModel({}),
  tools: [weather],
  prompt: "You answer questions about the weather with the weather tool.",
});
