/**
 * A prebuilt agent: `createReactAgent` from `@langchain/langgraph/prebuilt` (LangGraph.js's agent
 * before `langchain`'s `createAgent`, see support-agent.ts; code written with it debugs the same
 * way) with one LangChain tool, LangChain messages throughout (`HumanMessage`, `AIMessage` with
 * tool calls, `ToolMessage`), and a scripted chat model standing in for a real one (no key, no
 * network): it asks for the weather tool once, then answers with what the tool said.
 *
 * Try it: add the function breakpoint `tools` in the Breakpoints view (or click the gutter on the
 * `createReactAgent(...)` line to stop before every step of the loop) and press F5. Before
 * `tools`, the last message is the model's tool call: in the graph panel's JSON, change its
 * `"city"` and Apply as `agent`, then Continue. The tool runs with your city, and the model's
 * answer uses it: the message stays an `AIMessage`, so the prebuilt agent's routing still works.
 */
import { AIMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { ScriptedChatModel } from "./scripted-model";

const FORECASTS: Record<string, string> = { Paris: "sunny, 24 °C", Berlin: "rain, 16 °C", Oslo: "snow, -3 °C" };

const weather = tool(async ({ city }) => FORECASTS[city] ?? `no forecast for ${city}`, {
  name: "weather",
  description: "Today's weather in a city.",
  schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
});

/** Stands in for a chat model: first the tool call, then the answer from the tool's result. */
const model = new ScriptedChatModel((messages) => {
  const answer = messages.filter((message) => ToolMessage.isInstance(message)).at(-1);
  if (answer) return new AIMessage(`The weather there: ${String(answer.content)}.`);
  return new AIMessage({ content: "", tool_calls: [{ id: "call-1", name: "weather", args: { city: "Paris" } }] });
});

export const graph = createReactAgent({
  llm: model,
  tools: [weather],
  prompt: "You answer questions about the weather with the weather tool.",
});
