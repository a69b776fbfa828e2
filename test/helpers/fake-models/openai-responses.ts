/**
 * The OpenAI Responses wire format (`POST /v1/responses`), which @langchain/openai uses for
 * `createAgent({ model: "openai:..." })` and for models or options that need it: reads the
 * `input` items (messages, function_call, function_call_output) into the neutral ChatRequest and
 * writes a Reply back as one `response` object or as the real stream of typed events
 * (response.created, output_item.added, *.delta, *.done, response.completed), each numbered.
 */
import { parseArgs, pieces, textOf } from "./openai-chat";
import { stableHash } from "./reply";
import type { ChatRequest, ChatTurn, JsonSchema, Reply, ToolSpec } from "./types";

type Body = Record<string, unknown>;

export function parseOpenAIResponses(body: Body): ChatRequest {
  const choice = body.tool_choice as { name?: string } | string | undefined;
  const instructions: ChatTurn[] = typeof body.instructions === "string" ? [{ role: "system", text: body.instructions }] : [];
  const input = typeof body.input === "string" ? [{ role: "user", content: body.input }] : ((body.input ?? []) as Body[]);
  const format = (body.text as { format?: { type?: string; schema?: JsonSchema } } | undefined)?.format;
  return {
    api: "openai.responses",
    model: String(body.model ?? ""),
    stream: body.stream === true,
    messages: [...instructions, ...input.map(turnOf)],
    tools: ((body.tools ?? []) as Body[]).filter((t) => t.type === "function").map(toolOf),
    forcedTool: typeof choice === "object" ? choice?.name : undefined,
    toolRequired: choice === "required",
    responseSchema: format?.type === "json_schema" ? (format.schema ?? {}) : undefined,
  };
}

export function openAIResponse(request: ChatRequest, reply: Reply, created: number): Body {
  return { ...shell(request, reply, created), status: "completed", output: outputOf(reply), usage: usageOf(reply) };
}

/** The events of a stream, each `{ type, sequence_number, ... }`; the server writes `event: <type>`. */
export function openAIResponseEvents(request: ChatRequest, reply: Reply, created: number): Body[] {
  const events: Body[] = [];
  const emit = (type: string, fields: Body) => events.push({ type, sequence_number: events.length, ...fields });
  const pending = { ...shell(request, reply, created), status: "in_progress", output: [], usage: null };
  emit("response.created", { response: pending });
  emit("response.in_progress", { response: pending });
  outputOf(reply).forEach((item, output_index) => {
    emit("response.output_item.added", { output_index, item: startOf(item) });
    if (item.type === "message") textEvents(emit, item, output_index);
    else argumentEvents(emit, item, output_index);
    emit("response.output_item.done", { output_index, item });
  });
  emit("response.completed", { response: openAIResponse(request, reply, created) });
  return events;
}

type Emit = (type: string, fields: Body) => void;

function textEvents(emit: Emit, item: Body, output_index: number) {
  const text = String((item.content as Body[])[0].text);
  const at = { item_id: item.id, output_index, content_index: 0 };
  emit("response.content_part.added", { ...at, part: { type: "output_text", text: "", annotations: [] } });
  for (const delta of pieces(text)) emit("response.output_text.delta", { ...at, delta, logprobs: [] });
  emit("response.output_text.done", { ...at, text, logprobs: [] });
  emit("response.content_part.done", { ...at, part: { type: "output_text", text, annotations: [] } });
}

function argumentEvents(emit: Emit, item: Body, output_index: number) {
  const args = String(item.arguments);
  for (const delta of pieces(args)) emit("response.function_call_arguments.delta", { item_id: item.id, output_index, delta });
  emit("response.function_call_arguments.done", { item_id: item.id, output_index, arguments: args });
}

function startOf(item: Body): Body {
  return item.type === "message" ? { ...item, status: "in_progress", content: [] } : { ...item, status: "in_progress", arguments: "" };
}

function turnOf(item: Body): ChatTurn {
  if (item.type === "function_call") {
    return { role: "assistant", text: "", toolCalls: [{ id: String(item.call_id), name: String(item.name), args: parseArgs(String(item.arguments)) }] };
  }
  if (item.type === "function_call_output") return { role: "tool", text: textOf(item.output), toolCallId: String(item.call_id) };
  const role = String(item.role);
  return { role: role === "system" || role === "developer" ? "system" : role === "assistant" ? "assistant" : "user", text: textOf(item.content) };
}

function toolOf(tool: Body): ToolSpec {
  return { name: String(tool.name), description: String(tool.description ?? ""), parameters: (tool.parameters ?? {}) as JsonSchema };
}

function shell(request: ChatRequest, reply: Reply, created: number): Body {
  return {
    id: reply.id,
    object: "response",
    created_at: created,
    model: request.model,
    error: null,
    incomplete_details: null,
    instructions: null,
    metadata: {},
    parallel_tool_calls: true,
    tool_choice: "auto",
    tools: [],
    text: { format: request.responseSchema ? { type: "json_schema", name: "response", schema: request.responseSchema, strict: true } : { type: "text" } },
  };
}

function outputOf(reply: Reply): Body[] {
  const message: Body[] = reply.text || !reply.toolCalls.length
    ? [{ type: "message", id: `msg_${stableHash(reply.id, "text")}`, status: "completed", role: "assistant", content: [{ type: "output_text", text: reply.text, annotations: [] }] }]
    : [];
  const calls = reply.toolCalls.map((c) => ({
    type: "function_call",
    id: `fc_${stableHash(c.id)}`,
    call_id: c.id,
    name: c.name,
    arguments: JSON.stringify(c.args),
    status: "completed",
  }));
  return [...message, ...calls];
}

function usageOf(reply: Reply): Body {
  const { inputTokens, outputTokens } = reply.usage;
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}
