/**
 * The fake model server's vocabulary: a provider-neutral view of one chat request (what the
 * script reads), the reply a script gives, and what the server records per call. The OpenAI and
 * Anthropic wire formats are translated to and from these types in their own files.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema as the SDKs send it (tool parameters, structured-output formats). */
export type JsonSchema = { [key: string]: unknown };

/** Which wire API a request came in on. */
export type ModelApi = "openai.chat" | "openai.responses" | "anthropic.messages";

export interface ToolCall {
  id: string;
  name: string;
  args: JsonValue;
}

/** One message of the conversation, whatever provider sent it. */
export interface ChatTurn {
  role: "system" | "user" | "assistant" | "tool";
  text: string;
  toolCalls?: ToolCall[];
  /** For `role: "tool"`: the call this result answers. */
  toolCallId?: string;
}

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export interface ChatRequest {
  api: ModelApi;
  model: string;
  stream: boolean;
  messages: ChatTurn[];
  tools: ToolSpec[];
  /** A tool the request forces (`tool_choice` naming one, as structured output does). */
  forcedTool?: string;
  /** `tool_choice: "required"` / `{ type: "any" }`: some tool must be called. */
  toolRequired: boolean;
  /** A JSON schema the text answer must follow (response_format / output_config). */
  responseSchema?: JsonSchema;
}

/** What a script answers: text, tool calls, or both. Ids are given by the server. */
export interface ScriptReply {
  text?: string;
  toolCalls?: Array<{ name: string; args: JsonValue }>;
}

/** A reply with the ids the server gave it, as it is rendered on the wire. */
export interface Reply {
  id: string;
  text: string;
  toolCalls: ToolCall[];
  usage: { inputTokens: number; outputTokens: number };
}

/** Replies come from a script: a pure function of the request. */
export type ModelScript = (request: ChatRequest) => ScriptReply;

export interface RecordedCall {
  api: ModelApi | "openai.embeddings";
  path: string;
  /** The request body exactly as it arrived. */
  body: unknown;
  /** The neutral view the script saw (absent for embeddings). */
  request?: ChatRequest;
  reply?: Reply;
  /** The response body, or for a stream the list of SSE payloads in order. */
  response: unknown;
}
