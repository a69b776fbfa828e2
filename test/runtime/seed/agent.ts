/**
 * The small tool-calling agent the seed's examples assume ("agent" calls a model, "tools" runs the
 * tool calls), built on our runtime with a scripted model so that every run is the same: the model
 * asks for a `search` tool call when the last message is the user's, and answers from the tool
 * result otherwise. The seed's `ToolNode(tools)` becomes `runTools`, which executes the calls.
 */
import { END, InMemorySaver, MessagesAnnotation, START, StateGraph } from "../../../src/runtime";
import type { CompileOptions, Message } from "../../../src/runtime";

export type AgentState = { messages: Message[] };

export interface ToolCall {
  name: string;
  args: { query: string };
  id: string;
}

export const config = (threadId: string) => ({ configurable: { thread_id: threadId } });

/**
 * A snapshot's values as the agent's state. Our `StateSnapshot.values` is `Record<string, unknown>`
 * (LangGraph.js types it loosely enough to read `.messages` directly), hence this one cast.
 */
export function agentValues(snapshot: { values: Record<string, unknown> }): AgentState {
  return snapshot.values as AgentState;
}

export function lastMessage(state: AgentState): Message {
  return state.messages[state.messages.length - 1];
}

/** The scripted model: one tool call for a question, a final answer once the tool has answered. */
export function callModel(state: AgentState): { messages: Message[] } {
  const last = lastMessage(state);
  if (last.role === "user") {
    const call: ToolCall = { name: "search", args: { query: String(last.content) }, id: `call_${state.messages.length}` };
    return { messages: [{ role: "assistant", content: "", tool_calls: [call] }] };
  }
  return { messages: [{ role: "assistant", content: `Answer based on: ${String(last.content)}` }] };
}

/** The seed's ToolNode: runs each tool call of the last assistant message. */
export function runTools(state: AgentState, executed: string[] = []): { messages: Message[] } {
  const calls = (lastMessage(state).tool_calls ?? []) as ToolCall[];
  return {
    messages: calls.map((call) => {
      executed.push(`${call.name}(${call.args.query})`);
      return { role: "tool", content: `results for ${call.args.query}`, tool_call_id: call.id };
    }),
  };
}

export function routeAfterAgent(state: AgentState): string {
  const calls = lastMessage(state).tool_calls;
  return calls && calls.length > 0 ? "tools" : END;
}

/** agent -> (tools -> agent)* -> END, with the tool executions recorded in `executed`. */
export function buildAgentGraph(executed: string[], options: CompileOptions = {}) {
  return new StateGraph(MessagesAnnotation)
    .addNode("agent", callModel)
    .addNode("tools", (state: AgentState) => runTools(state, executed))
    .addEdge(START, "agent")
    .addConditionalEdges("agent", routeAfterAgent, ["tools", END])
    .addEdge("tools", "agent")
    .compile({ checkpointer: new InMemorySaver(), ...options });
}

export const question = (text: string) => ({ messages: [{ role: "user", content: text }] });
