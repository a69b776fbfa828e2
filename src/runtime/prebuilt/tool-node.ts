/**
 * `ToolNode` and `toolsCondition` of `@langchain/langgraph/prebuilt`, on our engine. A ToolNode runs
 * the tool calls of the last AI message, in parallel, each through its LangChain tool's `invoke`
 * with the tool call itself (a LangChain tool then answers with a `ToolMessage`), and returns those
 * messages. A tool that throws becomes an error `ToolMessage` the model can read, as LangGraph
 * does, unless `handleToolErrors` is false; an `interrupt()` inside a tool still stops the run.
 * The engine does not depend on `@langchain/core`: tools and messages are used by their shape.
 */
import { END } from "../constants";
import { isGraphInterrupt } from "../errors";
import { langChainClass } from "../langchain-classes";

/** A LangChain tool, by the parts a ToolNode uses. */
export interface ToolLike {
  name: string;
  invoke(input: unknown, config?: unknown): Promise<unknown>;
}

interface ToolCall {
  name: string;
  args: Record<string, unknown>;
  id?: string;
}

interface MessageLike {
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  content?: unknown;
  role?: string;
  type?: string;
  getType?(): string;
  _getType?(): string;
}

const TOOL_MESSAGE = ["langchain_core", "messages", "ToolMessage"];

export interface ToolNodeOptions {
  name?: string;
  tags?: string[];
  /** Turn a tool's error into a message for the model (default) instead of failing the node. */
  handleToolErrors?: boolean;
}

type ToolNodeInput = MessageLike[] | { messages: MessageLike[] };

export class ToolNode {
  readonly name: string;
  private readonly byName: Map<string, ToolLike>;
  private readonly handleToolErrors: boolean;

  constructor(readonly tools: ToolLike[], options: ToolNodeOptions = {}) {
    this.name = options.name ?? "tools";
    this.byName = new Map(tools.map((tool) => [tool.name, tool]));
    this.handleToolErrors = options.handleToolErrors ?? true;
  }

  /** Runs the tool calls of the last AI message that have no tool answer yet. */
  async invoke(input: ToolNodeInput, config?: unknown): Promise<unknown> {
    const messages = Array.isArray(input) ? input : input.messages;
    const answered = new Set(messages.filter((message) => typeOf(message) === "tool").map((message) => message.tool_call_id));
    const ai = [...messages].reverse().find((message) => typeOf(message) === "ai");
    if (!ai) throw new Error("ToolNode only accepts AIMessages as input.");
    const calls = (ai.tool_calls ?? []).filter((call) => call.id === undefined || !answered.has(call.id));
    const answers = await Promise.all(calls.map((call) => this.runTool(call, config)));
    return Array.isArray(input) ? answers : { messages: answers };
  }

  private async runTool(call: ToolCall, config: unknown): Promise<unknown> {
    try {
      const tool = this.byName.get(call.name);
      if (!tool) throw new Error(`Tool "${call.name}" not found.`);
      const output = await tool.invoke({ ...call, type: "tool_call" }, config);
      if (typeOf(output as MessageLike) === "tool") return output;
      return toolMessage({ status: "success", name: tool.name, content: typeof output === "string" ? output : JSON.stringify(output), tool_call_id: call.id });
    } catch (error) {
      if (!this.handleToolErrors || isGraphInterrupt(error)) throw error;
      const text = `Error: ${error instanceof Error ? error.message : String(error)}\n Please fix your mistakes.`;
      return toolMessage({ status: "error", content: text, name: call.name, tool_call_id: call.id ?? "" });
    }
  }
}

/** `"tools"` when the last message asks for tool calls, else the end: the router of an agent loop. */
export function toolsCondition(state: ToolNodeInput): "tools" | typeof END {
  const messages = Array.isArray(state) ? state : state.messages;
  return (messages[messages.length - 1]?.tool_calls?.length ?? 0) > 0 ? "tools" : END;
}

/** A LangChain `ToolMessage` when the program has `@langchain/core` (it has, if it has tools), else plain data. */
function toolMessage(fields: Record<string, unknown>): unknown {
  const ToolMessage = langChainClass(TOOL_MESSAGE);
  return ToolMessage ? new ToolMessage(fields) : { role: "tool", ...fields };
}

/** A message's type: LangChain's `getType()`, or a plain message's `role`/`type` in LangChain's words. */
function typeOf(message: MessageLike | null | undefined): string | undefined {
  if (!message || typeof message !== "object") return undefined;
  if (typeof message.getType === "function") return message.getType();
  if (typeof message._getType === "function") return message._getType();
  return message.role === "assistant" ? "ai" : message.role ?? message.type;
}
