/**
 * The default model script: what the fake model answers when a test gives no script of its own.
 * Forced tools (structured output) get schema-valid arguments, response schemas get schema-valid
 * JSON; an agent offered tools calls one once, while the conversation has no tool result yet
 * (or, with `callTools: "each"`, every offered tool once, in order); anything else gets a short
 * text answer naming the model. Tools that would reach the internet
 * are never picked by default, so a corpus run exercises its tool loop without tripping the
 * network guard.
 */
import { sampleFromSchema, type Choices } from "./schema-sample";
import type { ChatRequest, ModelScript, ScriptReply, ToolSpec } from "./types";

export interface ScriptOptions {
  /**
   * `true` (default): call a tool when tools are offered and no tool result exists yet.
   * `"each"`: call every offered tool not yet called in this conversation, one a turn.
   * `false`: never call a tool unless the request forces one.
   */
  callTools?: boolean | "each";
  /** Tool names to prefer, in order, over the first one offered. */
  preferTools?: string[];
  /** Tool names the script never picks unless forced (besides those isNetworkTool names). */
  avoidTools?: string[];
  /** Values for schema properties, by property name (see schema-sample). */
  choices?: Choices;
  /** The text answer; default `scriptedAnswer(model)`. */
  answer?: string;
}

/** Words in a tool name that suggest a call to the outside world (whole words: "researcher" is fine). */
const NETWORK_WORDS = new Set(["search", "tavily", "web", "browse", "browser", "fetch", "http", "https", "url", "scrape", "crawl", "crawler", "google", "wikipedia"]);

export function isNetworkTool(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/);
  return words.some((word) => NETWORK_WORDS.has(word));
}

export function scriptedAnswer(model: string): string {
  return `Scripted answer from ${model}.`;
}

export function makeScript(options: ScriptOptions = {}): ModelScript {
  return (request) => replyTo(request, options);
}

export const defaultScript: ModelScript = makeScript();

function replyTo(request: ChatRequest, options: ScriptOptions): ScriptReply {
  const forced = forcedTool(request, options);
  if (forced) return callOf(forced, options);
  if (request.responseSchema) return { text: JSON.stringify(sampleFromSchema(request.responseSchema, options.choices)) };
  const tool = pickTool(uncalledTools(request, options), options);
  if (tool) return callOf(tool, options);
  return { text: options.answer ?? scriptedAnswer(request.model) };
}

function forcedTool(request: ChatRequest, options: ScriptOptions): ToolSpec | undefined {
  if (request.forcedTool) return request.tools.find((t) => t.name === request.forcedTool);
  if (request.toolRequired) return pickTool(request.tools, options) ?? request.tools[0];
  return undefined;
}

function pickTool(tools: ToolSpec[], options: ScriptOptions): ToolSpec | undefined {
  for (const name of options.preferTools ?? []) {
    const preferred = tools.find((t) => t.name === name);
    if (preferred) return preferred;
  }
  const avoid = new Set(options.avoidTools ?? []);
  return tools.find((t) => !avoid.has(t.name) && !isNetworkTool(t.name));
}

function callOf(tool: ToolSpec, options: ScriptOptions): ScriptReply {
  return { toolCalls: [{ name: tool.name, args: sampleFromSchema(tool.parameters, options.choices) }] };
}

/** The tools the script may still call in this conversation, under `callTools`. */
function uncalledTools(request: ChatRequest, options: ScriptOptions): ToolSpec[] {
  const mode = options.callTools ?? true;
  if (mode === false) return [];
  if (mode === true) return request.messages.some((m) => m.role === "tool") ? [] : request.tools;
  const called = new Set(request.messages.flatMap((m) => (m.toolCalls ?? []).map((c) => c.name)));
  return request.tools.filter((t) => !called.has(t.name));
}
