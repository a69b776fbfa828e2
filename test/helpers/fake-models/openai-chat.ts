/**
 * The OpenAI Chat Completions wire format (`POST /v1/chat/completions`): reads a request into the
 * neutral ChatRequest and writes a Reply back, as one `chat.completion` object or as the
 * `chat.completion.chunk` sequence of a stream (role, content, tool-call deltas, finish reason,
 * and with `stream_options.include_usage` a last chunk carrying only `usage`).
 */
import type { ChatRequest, ChatTurn, JsonSchema, JsonValue, Reply, ToolSpec } from "./types";

type Body = Record<string, unknown>;

export function parseOpenAIChat(body: Body): ChatRequest {
  const choice = body.tool_choice;
  const named = typeof choice === "object" && choice !== null ? (choice as { function?: { name?: string } }).function?.name : undefined;
  return {
    api: "openai.chat",
    model: String(body.model ?? ""),
    stream: body.stream === true,
    messages: ((body.messages ?? []) as Body[]).map(turnOf),
    tools: ((body.tools ?? []) as Body[]).map(toolOf),
    forcedTool: named,
    toolRequired: choice === "required",
    responseSchema: responseSchemaOf(body.response_format),
  };
}

export function openAIChatCompletion(request: ChatRequest, reply: Reply, created: number): Body {
  return {
    id: reply.id,
    object: "chat.completion",
    created,
    model: request.model,
    choices: [{ index: 0, message: messageOf(reply), logprobs: null, finish_reason: finishReason(reply) }],
    usage: usageOf(reply),
    system_fingerprint: "fp_fake_corpus",
  };
}

/** The payloads of a stream, in order; the server writes each as `data: ...` then `[DONE]`. */
export function openAIChatChunks(request: ChatRequest, reply: Reply, created: number, includeUsage: boolean): Body[] {
  const chunk = (delta: Body, finish: string | null): Body => ({
    id: reply.id,
    object: "chat.completion.chunk",
    created,
    model: request.model,
    system_fingerprint: "fp_fake_corpus",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks = [chunk({ role: "assistant", content: "", refusal: null }, null)];
  for (const piece of pieces(reply.text)) chunks.push(chunk({ content: piece }, null));
  reply.toolCalls.forEach((call, index) => {
    const head = { index, id: call.id, type: "function", function: { name: call.name, arguments: "" } };
    chunks.push(chunk({ tool_calls: [head] }, null));
    for (const piece of pieces(JSON.stringify(call.args))) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
    }
  });
  chunks.push(chunk({}, finishReason(reply)));
  if (includeUsage) chunks.push({ ...chunk({}, null), choices: [], usage: usageOf(reply) });
  return chunks;
}

/** Splits text the way a stream delivers it: a few words a chunk. */
export function pieces(text: string): string[] {
  return text.match(/.{1,16}/gs) ?? [];
}

function turnOf(message: Body): ChatTurn {
  const role = String(message.role);
  const calls = (message.tool_calls ?? []) as Array<{ id: string; function: { name: string; arguments: string } }>;
  return {
    role: role === "developer" || role === "system" ? "system" : role === "tool" || role === "function" ? "tool" : role === "assistant" ? "assistant" : "user",
    text: textOf(message.content),
    ...(calls.length ? { toolCalls: calls.map((c) => ({ id: c.id, name: c.function.name, args: parseArgs(c.function.arguments) })) } : {}),
    ...(typeof message.tool_call_id === "string" ? { toolCallId: message.tool_call_id } : {}),
  };
}

function toolOf(tool: Body): ToolSpec {
  const fn = (tool.function ?? tool) as Body;
  return { name: String(fn.name), description: String(fn.description ?? ""), parameters: (fn.parameters ?? {}) as JsonSchema };
}

function responseSchemaOf(format: unknown): JsonSchema | undefined {
  const f = format as { type?: string; json_schema?: { schema?: JsonSchema } } | undefined;
  if (f?.type === "json_schema") return f.json_schema?.schema ?? {};
  if (f?.type === "json_object") return { type: "object" };
  return undefined;
}

function messageOf(reply: Reply): Body {
  return {
    role: "assistant",
    content: reply.toolCalls.length && !reply.text ? null : reply.text,
    refusal: null,
    ...(reply.toolCalls.length
      ? { tool_calls: reply.toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } })) }
      : {}),
  };
}

function finishReason(reply: Reply): string {
  return reply.toolCalls.length ? "tool_calls" : "stop";
}

function usageOf(reply: Reply): Body {
  const { inputTokens, outputTokens } = reply.usage;
  return { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
}

export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (typeof part === "string" ? part : typeof part?.text === "string" ? part.text : ""))
    .join("");
}

export function parseArgs(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
