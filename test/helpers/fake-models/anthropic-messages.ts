/**
 * The Anthropic Messages wire format (`POST /v1/messages`): reads a request into the neutral
 * ChatRequest (tool results inside user turns become tool turns) and writes a Reply back, as
 * one `message` object or as the real event sequence of a stream: message_start, per block
 * content_block_start / *_delta / content_block_stop (a ping after the first start),
 * message_delta with the stop reason and output usage, message_stop.
 */
import { parseArgs, pieces, textOf } from "./openai-chat";
import type { ChatRequest, ChatTurn, JsonSchema, JsonValue, Reply, ToolSpec } from "./types";

type Body = Record<string, unknown>;
type Block = Record<string, unknown>;

export interface SseEvent {
  event: string;
  data: Body;
}

export function parseAnthropic(body: Body): ChatRequest {
  const choice = (body.tool_choice ?? {}) as { type?: string; name?: string };
  const system: ChatTurn[] = body.system === undefined ? [] : [{ role: "system", text: textOf(body.system) }];
  return {
    api: "anthropic.messages",
    model: String(body.model ?? ""),
    stream: body.stream === true,
    messages: [...system, ...((body.messages ?? []) as Body[]).flatMap(turnsOf)],
    tools: ((body.tools ?? []) as Body[]).map(toolOf),
    forcedTool: choice.type === "tool" ? choice.name : undefined,
    toolRequired: choice.type === "any",
    responseSchema: schemaOf(body),
  };
}

export function anthropicMessage(request: ChatRequest, reply: Reply): Body {
  return { ...messageShell(request, reply), content: blocksOf(reply), stop_reason: stopReason(reply), usage: usageOf(reply) };
}

export function anthropicEvents(request: ChatRequest, reply: Reply): SseEvent[] {
  const start = { ...messageShell(request, reply), content: [], stop_reason: null, usage: { ...usageOf(reply), output_tokens: 1 } };
  const events: SseEvent[] = [{ event: "message_start", data: { type: "message_start", message: start } }];
  blocksOf(reply).forEach((block, index) => {
    const empty = block.type === "text" ? { type: "text", text: "" } : { ...block, input: {} };
    events.push({ event: "content_block_start", data: { type: "content_block_start", index, content_block: empty } });
    if (index === 0) events.push({ event: "ping", data: { type: "ping" } });
    for (const delta of deltasOf(block)) events.push({ event: "content_block_delta", data: { type: "content_block_delta", index, delta } });
    events.push({ event: "content_block_stop", data: { type: "content_block_stop", index } });
  });
  const usage = { output_tokens: reply.usage.outputTokens };
  events.push({ event: "message_delta", data: { type: "message_delta", delta: { stop_reason: stopReason(reply), stop_sequence: null }, usage } });
  events.push({ event: "message_stop", data: { type: "message_stop" } });
  return events;
}

function turnsOf(message: Body): ChatTurn[] {
  const role = message.role === "assistant" ? "assistant" : "user";
  if (typeof message.content === "string") return [{ role, text: message.content }];
  const blocks = (message.content ?? []) as Block[];
  const results = blocks.filter((b) => b.type === "tool_result");
  const uses = blocks.filter((b) => b.type === "tool_use");
  const text = textOf(blocks.filter((b) => b.type === "text"));
  const turns: ChatTurn[] = results.map((b) => ({ role: "tool", text: textOf(b.content), toolCallId: String(b.tool_use_id) }));
  if (text || uses.length || !results.length) {
    const toolCalls = uses.map((b) => ({ id: String(b.id), name: String(b.name), args: (typeof b.input === "string" ? parseArgs(b.input) : b.input) as JsonValue }));
    turns.push({ role, text, ...(toolCalls.length ? { toolCalls } : {}) });
  }
  return turns;
}

function toolOf(tool: Body): ToolSpec {
  return { name: String(tool.name), description: String(tool.description ?? ""), parameters: (tool.input_schema ?? {}) as JsonSchema };
}

/** Native structured output: `output_config.format` (and the older `output_format`). */
function schemaOf(body: Body): JsonSchema | undefined {
  const config = body.output_config as { format?: { type?: string; schema?: JsonSchema } } | undefined;
  const format = config?.format ?? (body.output_format as { type?: string; schema?: JsonSchema } | undefined);
  return format?.type === "json_schema" ? (format.schema ?? {}) : undefined;
}

function messageShell(request: ChatRequest, reply: Reply): Body {
  return { id: reply.id, type: "message", role: "assistant", model: request.model, stop_sequence: null };
}

function blocksOf(reply: Reply): Block[] {
  const text: Block[] = reply.text || !reply.toolCalls.length ? [{ type: "text", text: reply.text }] : [];
  return [...text, ...reply.toolCalls.map((c) => ({ type: "tool_use", id: c.id, name: c.name, input: c.args }))];
}

function deltasOf(block: Block): Body[] {
  if (block.type === "text") return pieces(String(block.text)).map((text) => ({ type: "text_delta", text }));
  return pieces(JSON.stringify(block.input)).map((partial_json) => ({ type: "input_json_delta", partial_json }));
}

function stopReason(reply: Reply): string {
  return reply.toolCalls.length ? "tool_use" : "end_turn";
}

function usageOf(reply: Reply): Body {
  return {
    input_tokens: reply.usage.inputTokens,
    output_tokens: reply.usage.outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
}
