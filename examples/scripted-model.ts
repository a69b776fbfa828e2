/**
 * The chat model the examples use in place of a real one, so they run offline, without a key, and
 * the same way every time: a LangChain `BaseChatModel` whose reply is a function of the
 * conversation (the "script"). Agents treat it as any chat model: they bind tools to it, call it
 * with messages, and route on the `tool_calls` of the `AIMessage` it returns. To use a real model,
 * put e.g. `new ChatOpenAI({ model: "gpt-4o-mini" })` where an example builds this one.
 */
import { BaseChatModel, type BindToolsInput } from "@langchain/core/language_models/chat_models";
import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";

/** The model's next message, given every message it was called with (a system prompt first, if any). */
export type Script = (messages: BaseMessage[]) => AIMessage;

export class ScriptedChatModel extends BaseChatModel {
  constructor(private readonly script: Script) {
    super({});
  }

  _llmType(): string {
    return "scripted";
  }

  /** The script already knows the tools it calls; binding them changes nothing. */
  override bindTools(_tools: BindToolsInput[]): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.script(messages);
    return { generations: [{ message, text: typeof message.content === "string" ? message.content : "" }] };
  }
}
