/**
 * The default model script and the state normaliser, in small stories: what the fake model
 * answers for forced tools, response schemas and tool offers, that it never picks a tool that
 * would reach the internet, and what `normalisedState` removes.
 */
import assert from "node:assert/strict";
import { defaultScript, isNetworkTool, makeScript, scriptedAnswer } from "../helpers/fake-models/default-script";
import type { ChatRequest, ChatTurn, ToolSpec } from "../helpers/fake-models/types";
import { normalisedState } from "./plain-run";

const tool = (name: string, properties: Record<string, unknown> = {}): ToolSpec => ({
  name,
  description: "",
  parameters: { type: "object", properties, required: Object.keys(properties) },
});

function request(messages: ChatTurn[], tools: ToolSpec[] = [], extra: Partial<ChatRequest> = {}): ChatRequest {
  return { api: "openai.chat", model: "m", stream: false, messages, tools, toolRequired: false, ...extra };
}

const user: ChatTurn = { role: "user", text: "go" };
const calledRoll: ChatTurn = { role: "assistant", text: "", toolCalls: [{ id: "1", name: "roll", args: {} }] };
const rolled: ChatTurn = { role: "tool", text: "4", toolCallId: "1" };

describe("default model script", () => {
  it("fills a forced tool's arguments from its schema, following $refs and choices", () => {
    const extract = {
      name: "extract",
      description: "",
      parameters: { type: "object", properties: { plan: { $ref: "#/$defs/Plan" } }, required: ["plan"], $defs: { Plan: { type: "object", properties: { steps: { type: "array", items: { type: "string" } }, kind: { enum: ["a", "b"] } }, required: ["steps", "kind"] } } },
    };
    const reply = makeScript({ choices: { kind: "b" } })(request([user], [extract], { forcedTool: "extract" }));
    assert.deepEqual(reply.toolCalls, [{ name: "extract", args: { plan: { steps: ["step value"], kind: "b" } } }]);
  });

  it("answers a response schema with JSON that fits it", () => {
    const reply = defaultScript(request([user], [], { responseSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] } }));
    assert.deepEqual(JSON.parse(reply.text!), { n: 1 });
  });

  it("calls one offered tool until a tool result is in, then answers", () => {
    const tools = [tool("roll"), tool("flip")];
    assert.deepEqual(defaultScript(request([user], tools)).toolCalls?.map((c) => c.name), ["roll"]);
    assert.deepEqual(defaultScript(request([user, calledRoll, rolled], tools)), { text: scriptedAnswer("m") });
  });

  it("with callTools 'each', calls every tool once before answering", () => {
    const each = makeScript({ callTools: "each" });
    assert.deepEqual(each(request([user, calledRoll, rolled], [tool("roll"), tool("flip")])).toolCalls?.map((c) => c.name), ["flip"]);
  });

  it("never picks a tool whose name says it goes online", () => {
    assert.deepEqual(defaultScript(request([user], [tool("web_search"), tool("tavilySearch")])), { text: scriptedAnswer("m") });
    assert.deepEqual([isNetworkTool("transfer_to_researcher"), isNetworkTool("fetchUrl")], [false, true]);
  });
});

describe("normalisedState", () => {
  it("drops ids and clock readings, and masks UUIDs and ISO times inside text", () => {
    const state = {
      messages: [{ _type: "ToolMessage", id: "run-1", content: "Stored memory 3f2b1c9e-7d4a-4e3b-9c1d-2a6b8e0f4c21 at 2026-12-03T10:44:27.123Z" }],
      files: { "/a.md": { content: ["x"], created_at: "2026-12-03T10:44:27Z" } },
    };
    assert.deepEqual(normalisedState(state), {
      messages: [{ _type: "ToolMessage", content: "Stored memory <uuid> at <time>" }],
      files: { "/a.md": { content: ["x"] } },
    });
  });
});
