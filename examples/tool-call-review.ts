/**
 * Tool-call review: an agent loop that asks for tools, with a scripted stand-in for the model so
 * it runs offline and the same way every time. `agent` reads the conversation and either calls
 * tools or answers; `tools` runs the calls; the loop ends when the agent answers.
 *
 * Try it: click "Break before" above `.addNode("tools", ...)` (or set a breakpoint in the gutter
 * on that line), then press F5. The run pauses before the tools run: the Variables view (and the
 * graph panel) show the tool calls the agent asked for. Change a call's `args` (for example the
 * city) and Continue: the tool runs with your edit.
 */
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

export interface ChatMessage {
  role: "user" | "assistant" | "tool";
  content: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
}

const State = Annotation.Root({
  messages: Annotation<ChatMessage[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
});

type AgentState = typeof State.State;

const TOOLS: Record<string, (args: Record<string, unknown>) => string> = {
  weather: (args) => `${String(args.city)}: ${String(args.city).toLowerCase() === "paris" ? "light rain, 14°C" : "sunny, 22°C"}`,
  calculator: (args) => String(Number(args.a) * Number(args.b)),
};

/** Stands in for a chat model: asks for both tools first, then answers from their results. */
function scriptedModel(messages: ChatMessage[]): ChatMessage {
  const results = messages.filter((message) => message.role === "tool");
  if (results.length === 0) {
    return {
      role: "assistant",
      content: "",
      toolCalls: [
        { id: "call-weather", name: "weather", args: { city: "Paris" } },
        { id: "call-calculator", name: "calculator", args: { a: 17, b: 23 } },
      ],
    };
  }
  return { role: "assistant", content: `Here is what I found: ${results.map((result) => result.content).join("; ")}.` };
}

function agent(state: AgentState) {
  return { messages: [scriptedModel(state.messages)] };
}

function tools(state: AgentState) {
  const last = state.messages[state.messages.length - 1];
  const results = (last.toolCalls ?? []).map((call): ChatMessage => {
    const tool = TOOLS[call.name];
    const content = tool ? tool(call.args) : `Unknown tool ${call.name}`;
    return { role: "tool", content, toolCallId: call.id };
  });
  return { messages: results };
}

function shouldCallTools(state: AgentState) {
  const last = state.messages[state.messages.length - 1];
  return last.toolCalls && last.toolCalls.length > 0 ? "tools" : END;
}

export const graph = new StateGraph(State)
  .addNode("agent", agent)
  .addNode("tools", tools)
  .addEdge(START, "agent")
  .addConditionalEdges("agent", shouldCallTools, ["tools", END])
  .addEdge("tools", "agent")
  .compile();
