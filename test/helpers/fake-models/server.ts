/**
 * The fake model server: a Node `http` server on 127.0.0.1 (port 0) that speaks the OpenAI Chat
 * Completions, Responses and Embeddings APIs and the Anthropic Messages API, streaming or not. Every chat
 * reply comes from a script (a function of the request), and every request and reply is recorded
 * in `calls`, in order, so a test can read back what a graph asked its models.
 */
import http from "node:http";
import { anthropicEvents, anthropicMessage, parseAnthropic } from "./anthropic-messages";
import { defaultScript } from "./default-script";
import { embeddingsResponse } from "./embeddings";
import { listenOnLoopback, readBody, sendJson, sendSse } from "./http-util";
import { openAIChatChunks, openAIChatCompletion, parseOpenAIChat } from "./openai-chat";
import { openAIResponse, openAIResponseEvents, parseOpenAIResponses } from "./openai-responses";
import { buildReply } from "./reply";
import type { ChatRequest, ModelScript, RecordedCall, Reply } from "./types";

export interface FakeModelServer {
  /** The origin, `http://127.0.0.1:<port>` (OpenAI clients want `${url}/v1`; see env.ts). */
  url: string;
  port: number;
  calls: RecordedCall[];
  close(): Promise<void>;
}

export interface FakeModelServerOptions {
  script?: ModelScript;
}

type Body = Record<string, unknown>;
type Handler = (body: Body, res: http.ServerResponse, path: string) => RecordedCall;

export async function startFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const script = options.script ?? defaultScript;
  const calls: RecordedCall[] = [];
  const routes: Record<string, Handler> = {
    "/v1/chat/completions": (body, res, path) => openAIChat(script, body, res, path),
    "/v1/responses": (body, res, path) => openAIResponses(script, body, res, path),
    "/v1/messages": (body, res, path) => anthropic(script, body, res, path),
    "/v1/embeddings": (body, res, path) => embeddings(body, res, path),
  };
  const server = http.createServer((req, res) => {
    void serve(req, res, routes, calls);
  });
  const listening = await listenOnLoopback(server);
  return { url: listening.url, port: listening.port, calls, close: listening.close };
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, routes: Record<string, Handler>, calls: RecordedCall[]) {
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  const route = req.method === "POST" ? routes[path] : undefined;
  if (!route) return sendJson(res, 404, { error: { type: "not_found", message: `fake model server: no ${req.method} ${path}` } });
  try {
    calls.push(route(JSON.parse(await readBody(req)) as Body, res, path));
  } catch (error) {
    sendJson(res, 500, { error: { type: "fake_server_error", message: String((error as Error).stack ?? error) } });
  }
}

function openAIChat(script: ModelScript, body: Body, res: http.ServerResponse, path: string): RecordedCall {
  const request = parseOpenAIChat(body);
  const reply = answer(script, request, "chatcmpl-", "call_");
  const created = Math.floor(Date.now() / 1000);
  if (!request.stream) return respondJson(res, { api: request.api, path, body, request, reply }, openAIChatCompletion(request, reply, created));
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const chunks = openAIChatChunks(request, reply, created, includeUsage);
  sendSse(res, [...chunks.map((c) => ({ data: JSON.stringify(c) })), { data: "[DONE]" }]);
  return { api: request.api, path, body, request, reply, response: chunks };
}

function openAIResponses(script: ModelScript, body: Body, res: http.ServerResponse, path: string): RecordedCall {
  const request = parseOpenAIResponses(body);
  const reply = answer(script, request, "resp_", "call_");
  const created = Math.floor(Date.now() / 1000);
  if (!request.stream) return respondJson(res, { api: request.api, path, body, request, reply }, openAIResponse(request, reply, created));
  const events = openAIResponseEvents(request, reply, created);
  sendSse(res, events.map((e) => ({ event: String(e.type), data: JSON.stringify(e) })));
  return { api: request.api, path, body, request, reply, response: events };
}

function anthropic(script: ModelScript, body: Body, res: http.ServerResponse, path: string): RecordedCall {
  const request = parseAnthropic(body);
  const reply = answer(script, request, "msg_", "toolu_");
  if (!request.stream) return respondJson(res, { api: request.api, path, body, request, reply }, anthropicMessage(request, reply));
  const events = anthropicEvents(request, reply);
  sendSse(res, events.map((e) => ({ event: e.event, data: JSON.stringify(e.data) })));
  return { api: request.api, path, body, request, reply, response: events };
}

function embeddings(body: Body, res: http.ServerResponse, path: string): RecordedCall {
  return respondJson(res, { api: "openai.embeddings", path, body }, embeddingsResponse(body));
}

function answer(script: ModelScript, request: ChatRequest, idPrefix: string, callPrefix: string): Reply {
  return buildReply(request, script(request), idPrefix, callPrefix);
}

function respondJson(res: http.ServerResponse, call: Omit<RecordedCall, "response">, response: Body): RecordedCall {
  sendJson(res, 200, response);
  return { ...call, response };
}
