/**
 * The fake model server, spoken to by the real SDKs the corpus uses (openai, @anthropic-ai/sdk):
 * scripted tool calls then answers, the streams each SDK parses (chat chunks with a usage chunk,
 * Anthropic's event sequence, Responses events), embeddings, stable ids, and the record of every
 * call. If a wire format drifted from what the SDKs expect, these stories fail first.
 */
import Anthropic from "@anthropic-ai/sdk";
import assert from "node:assert/strict";
import OpenAI from "openai";
import { makeScript, scriptedAnswer } from "../helpers/fake-models/default-script";
import { embedText } from "../helpers/fake-models/embeddings";
import { startFakeModelServer, type FakeModelServer } from "../helpers/fake-models/server";

const weather = {
  name: "get_weather",
  description: "Weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

describe("fake model server", () => {
  let server: FakeModelServer;
  let openai: OpenAI;
  let anthropic: Anthropic;

  beforeEach(async () => {
    server = await startFakeModelServer({ script: makeScript({ choices: { city: "Oslo" } }) });
    openai = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "fake", maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: server.url, apiKey: "fake", maxRetries: 0 });
  });
  afterEach(() => server.close());

  it("calls an offered tool first, then answers once the tool result is in", async () => {
    const ask = { role: "user" as const, content: "Weather in Oslo?" };
    const tools = [{ type: "function" as const, function: weather }];
    const first = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [ask], tools });
    const call = first.choices[0].message.tool_calls![0] as { id: string; function: { name: string; arguments: string } };
    assert.equal(first.choices[0].finish_reason, "tool_calls");
    assert.deepEqual([call.function.name, JSON.parse(call.function.arguments)], ["get_weather", { city: "Oslo" }]);

    const answered = [ask, first.choices[0].message, { role: "tool" as const, tool_call_id: call.id, content: "sunny" }];
    const second = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: answered, tools });
    assert.equal(second.choices[0].message.content, scriptedAnswer("gpt-4o-mini"));
    assert.ok(second.usage!.total_tokens > 0);
  });

  it("streams chat completions as chunks, with a last chunk carrying only usage", async () => {
    const stream = await openai.chat.completions.create({
      model: "gpt-4.1",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    assert.equal(text, scriptedAnswer("gpt-4.1"));
    assert.deepEqual(chunks.at(-1)!.choices, []);
    assert.ok(chunks.at(-1)!.usage!.completion_tokens > 0);
  });

  it("streams Anthropic's event sequence and a tool_use block the SDK reassembles", async () => {
    const stream = anthropic.messages.stream({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [{ role: "user", content: "Weather in Oslo?" }],
      tools: [{ name: weather.name, description: weather.description, input_schema: weather.parameters as Anthropic.Tool.InputSchema }],
    });
    const types: string[] = [];
    stream.on("streamEvent", (event) => types.push(event.type));
    const message = await stream.finalMessage();
    assert.deepEqual([...new Set(types)], ["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
    assert.equal(message.stop_reason, "tool_use");
    assert.deepEqual(message.content.map((b) => (b.type === "tool_use" ? [b.name, b.input] : b.type)), [["get_weather", { city: "Oslo" }]]);
  });

  it("answers the Responses API with output items, streamed or not, alike", async () => {
    const request = { model: "gpt-4o-mini", input: "Weather in Oslo?", tools: [{ type: "function" as const, strict: true, ...weather }] };
    const whole = await openai.responses.create(request);
    const stream = await openai.responses.create({ ...request, stream: true });
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) if (event.type === "response.completed") completed = event.response;
    const call = whole.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    assert.deepEqual([call.type, call.name, JSON.parse(call.arguments)], ["function_call", "get_weather", { city: "Oslo" }]);
    assert.deepEqual(completed!.output, whole.output);
  });

  it("embeds texts the same way every time, in base64 as the SDK asks by default", async () => {
    const result = await openai.embeddings.create({ model: "text-embedding-3-small", input: ["checkpoints", "checkpoints"] });
    assert.deepEqual(result.data[0].embedding, result.data[1].embedding);
    assert.ok(Math.abs(result.data[0].embedding[0] - embedText("checkpoints")[0]) < 1e-6);
  });

  it("gives the same request the same ids, and records every call in order", async () => {
    const ask = () => anthropic.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 50, messages: [{ role: "user", content: "hi" }] });
    const [first, second] = [await ask(), await ask()];
    assert.equal(second.id, first.id);
    assert.deepEqual(server.calls.map((c) => [c.api, c.request?.messages.at(-1)?.text, c.reply?.text]), [
      ["anthropic.messages", "hi", scriptedAnswer("claude-3-5-haiku-latest")],
      ["anthropic.messages", "hi", scriptedAnswer("claude-3-5-haiku-latest")],
    ]);
  });

  it("answers from the script it is given", async () => {
    await server.close();
    server = await startFakeModelServer({ script: (request) => ({ text: `${request.messages.length} messages seen` }) });
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "fake", maxRetries: 0 });
    const reply = await client.chat.completions.create({ model: "m", messages: [{ role: "system", content: "s" }, { role: "user", content: "u" }] });
    assert.equal(reply.choices[0].message.content, "2 messages seen");
  });
});
