/**
 * Turns a script's answer into a full reply: stable ids and token usage. Ids hash the
 * conversation without its system prompts (templates put the current time there) and without
 * the ids inside it (libraries make random tool-call ids of their own, as the supervisor's
 * hand-back messages do), so the same conversation gets the same message and tool-call ids in
 * every run, and two runs of a graph end in the same state.
 */
import { createHash } from "node:crypto";
import type { ChatRequest, Reply, ScriptReply } from "./types";
import { maskVolatile } from "./volatile";

export function buildReply(request: ChatRequest, answer: ScriptReply, idPrefix: string, callPrefix: string): Reply {
  const key = conversationKey(request);
  const toolCalls = (answer.toolCalls ?? []).map((call, i) => ({
    id: `${callPrefix}${stableHash(key, String(i), call.name)}`,
    name: call.name,
    args: call.args,
  }));
  const text = answer.text ?? "";
  const outputTokens = tokens(text) + tokens(JSON.stringify(toolCalls.map((c) => c.args)));
  return {
    id: `${idPrefix}${stableHash(key, "message")}`,
    text,
    toolCalls,
    usage: { inputTokens: tokens(JSON.stringify(request.messages)), outputTokens: Math.max(1, outputTokens) },
  };
}

export function stableHash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24);
}

/** A rough count, about four characters a token, as the real APIs roughly are. */
export function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function conversationKey(request: ChatRequest): string {
  const turns = request.messages
    .filter((m) => m.role !== "system")
    .map((m) => [m.role, maskVolatile(m.text), (m.toolCalls ?? []).map((c) => c.name).join(",")]);
  return JSON.stringify([request.model, turns, request.tools.map((t) => [t.name, t.parameters]), request.forcedTool ?? "", request.responseSchema ?? null]);
}
