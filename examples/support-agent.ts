/**
 * A `createAgent` agent from `langchain`: a support agent with one LangChain tool
 * (`lookup_order`) and a scripted chat model standing in for a real one (scripted-model.ts; no
 * key, no network). It looks the customer's order up, then answers with what the tool said.
 *
 * Try it: click the gutter on the `createAgent(...)` line and press F5. `createAgent` adds the
 * agent's nodes (`model_request`, `tools`) itself, so the debugger places them on the line that
 * called it, and the breakpoint there pauses before every step of the agent loop. At the second
 * pause, before `tools`, the last message is the model's `AIMessage` with its `tool_calls`: in the
 * graph panel's JSON, change `"orderId"` to `"A-1001"`, Apply as `model_request`, and Continue
 * twice. The tool looks up your order and the answer names it; the edited message is still an
 * `AIMessage`, so the agent routes as before.
 */
import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createAgent } from "langchain";
import { z } from "zod";
import { ScriptedChatModel } from "./scripted-model";

const ORDERS: Record<string, string> = {
  "A-1001": "delivered on Monday",
  "A-1002": "shipped on Tuesday, arriving on Thursday",
  "A-1003": "waiting for the blue jumper to come back in stock",
};

const lookupOrder = tool(async ({ orderId }) => ORDERS[orderId] ?? `there is no order ${orderId}`, {
  name: "lookup_order",
  description: "The status of a customer's order.",
  schema: z.object({ orderId: z.string().describe("The order number, e.g. A-1002") }),
});

/** Stands in for a chat model: asks for the order the customer names, then answers from the tool's result. */
const model = new ScriptedChatModel((messages) => {
  const result = messages.filter((message) => ToolMessage.isInstance(message)).at(-1);
  const call = messages.filter((message) => AIMessage.isInstance(message)).at(-1)?.tool_calls?.[0];
  if (result && call) return new AIMessage(`Order ${String(call.args.orderId)} is ${String(result.content)}.`);
  const question = messages.filter((message) => HumanMessage.isInstance(message)).at(-1)?.text ?? "";
  const orderId = /[A-Z]-\d{4}/.exec(question)?.[0] ?? "A-1002";
  return new AIMessage({ content: "", tool_calls: [{ id: "call-lookup", name: "lookup_order", args: { orderId } }] });
});

export const agent = createAgent({
  model,
  tools: [lookupOrder],
  systemPrompt: "You are a support agent for an online shop. Look an order up before you say anything about it.",
});
