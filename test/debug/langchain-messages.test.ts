/**
 * Stories of an agent built on `@langchain/core` messages, through a real DAP client and runner:
 * Variables show a message as its type and fields (not LangChain's serialization envelope), and an
 * edit of a tool call's arguments, from Set Value or from the panel's JSON, reaches the tool as an
 * `AIMessage` still (the fixture's nodes throw on plain data).
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, until } from "./helpers/story";

const AGENT = path.join(FIXTURES, "langchain-agent.ts");
const INPUT = { messages: [{ role: "user", content: "Weather?" }] };

describe("debug adapter: LangChain messages", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("shows a message as its type and fields, and a Set Value on a tool call keeps it an AIMessage", async () => {
    await story.start("launch", { program: AGENT, input: INPUT }, { functionBreakpoints: ["tools"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before tools");
    const messages = await story.children((await story.scope("State")).get("messages")!.variablesReference);
    const call = messages.get("1")!;
    const fields = await story.children(call.variablesReference);
    assert.equal(fields.get("type")?.value, '"ai"');
    assert.equal(fields.has("lc"), false, "no serialization envelope");
    const firstCall = (await story.children(fields.get("tool_calls")!.variablesReference)).get("0")!;
    const argsRef = (await story.children(firstCall.variablesReference)).get("args")!.variablesReference;
    assert.equal((await story.children(argsRef)).get("city")?.value, '"Paris"');

    await story.dc.setVariableRequest({ variablesReference: argsRef, name: "city", value: '"Berlin"' });
    await story.next("stopped");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.ok(await until(() => /tools: weather in Berlin/.test(story.outputText())), `the tool saw the edit; output: ${story.outputText()}`);
    const final = await story.custom<SnapshotView>("snapshot");
    const last = (final.values.messages as Array<{ type: string; content: string }>).at(-1)!;
    assert.deepEqual([last.type, last.content], ["ai", "The weather: sunny in Berlin."]);
  });

  it("takes the panel's JSON edit of the messages and keeps their classes", async () => {
    await story.start("launch", { program: AGENT, input: INPUT }, { functionBreakpoints: ["tools"] });
    await story.next("stopped");
    const view = await story.custom<SnapshotView>("snapshot");
    const messages = structuredClone(view.values.messages) as Array<{ tool_calls?: Array<{ args: { city: string } }> }>;
    messages[1].tool_calls![0].args.city = "Oslo";
    await story.custom("updateState", { values: { messages }, asNode: "agent" });
    await story.next("stopped");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.ok(await until(() => /tools: weather in Oslo/.test(story.outputText())), `the tool saw the edit; output: ${story.outputText()}`);
  });
});
