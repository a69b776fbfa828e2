/**
 * Tool-call review: an agent → tools loop written by hand, as in LangGraph.js's own tutorials:
 * `MessagesAnnotation` state, a chat model bound to two LangChain tools, the prebuilt `ToolNode`
 * and `toolsCondition`. The model is scripted (scripted-model.ts) so it runs offline and the same
 * way every time: it asks for both tools, then answers from their results.
 *
 * Try it: click "Break before" above `.addNode("tools", ...)` (or set a breakpoint in the gutter
 * on that line), then press F5. The run pauses before the tools run: the Variables view (and the
 * graph panel) show the `AIMessage` with the `tool_calls` the model asked for. Change a call's
 * `args` (for example the city) and Continue: the tool runs with your edit.
 */
import { AIMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { ScriptedChatModel } from "./scripted-model";

const weather = tool(({ city }) => `${city}: ${city.toLowerCase() === "paris" ? "light rain, 14°C" : "sunny, 22°C"}`, {
  name: "weather",
  description: "Today's weather in a city.",
  schema: z.object({ city: z.string().describe("The city, e.g. Paris") }),
});

const calculator = tool(({ a, b }) => String(a * b), {
  name: "calculator",
  description: "Multiplies two numbers.",
  schema: z.object({ a: z.number(), b: z.number() }),
});

/** Stands in for a chat model: asks for both tools first, then answers from their results. */
const model = new ScriptedChatModel((messages) => {
  const results = messages.filter((message) => ToolMessage.isInstance(message));
  if (results.length > 0) return new AIMessage(`Here is what I found: ${results.map((result) => String(result.content)).join("; ")}.`);
  return new AIMessage({
    content: "",
    tool_calls: [
      { id: "call-weather", name: "weather", args: { city: "Paris" } },
      { id: "call-calculator", name: "calculator", args: { a: 17, b: 23 } },
    ],
  });
}).bindTools([weather, calculator]);

/** Runs the tool calls of the last AIMessage, answering each with a ToolMessage. */
const tools = new ToolNode([weather, calculator]);

async function agent(state: typeof MessagesAnnotation.State) {
  const reply = await model.invoke([new SystemMessage("Answer with the weather and calculator tools."), ...state.messages]);
  return { messages: [reply] };
}

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("agent", agent)
  .addNode("tools", tools)
  .addEdge(START, "agent")
  .addConditionalEdges("agent", toolsCondition, ["tools", END])
  .addEdge("tools", "agent")
  .compile();
