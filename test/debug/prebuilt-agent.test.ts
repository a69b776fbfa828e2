/**
 * An agent made with `createReactAgent` (`@langchain/langgraph/prebuilt`), debugged through a real
 * DAP client and runner: its `agent` and `tools` nodes take breakpoints by name and by the line
 * that created the agent, the tool call can be edited before the tool runs, and the run ends with
 * the model's answer.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { GraphView, SnapshotView } from "../../src/protocol/debug";
import { FIXTURES, Story, lineOf, until } from "./helpers/story";

const AGENT = path.join(FIXTURES, "react-agent.ts");
const INPUT = { messages: [{ role: "user", content: "When is high tide in Brest?" }] };

describe("debug adapter: a createReactAgent agent", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  it("stops before tools, takes an edited tool call, and ends with the answer", async () => {
    await story.start("launch", { program: AGENT, input: INPUT }, { functionBreakpoints: ["tools"] });
    assert.equal((await story.next("stopped")).body.description, "Paused before tools");
    const graph = await story.custom<GraphView>("graph");
    assert.deepEqual(graph.nodes.map((node) => node.id).sort(), ["__end__", "__start__", "agent", "tools"], "the nodes, in whichever order the engine added them");

    const messages = structuredClone((await story.custom<SnapshotView>("snapshot")).values.messages) as Array<{ tool_calls?: Array<{ args: { port: string } }> }>;
    messages[1].tool_calls![0].args.port = "Saint-Malo";
    await story.custom("updateState", { values: { messages }, asNode: "agent" });
    await story.next("stopped");
    await story.dc.continueRequest({ threadId: 1 });
    await story.next("terminated");
    assert.ok(await until(() => /tide_table: Saint-Malo/.test(story.outputText())), `the tool ran with the edit; output: ${story.outputText()}`);
    const last = ((await story.custom<SnapshotView>("snapshot")).values.messages as Array<{ type: string; content: string }>).at(-1)!;
    assert.deepEqual([last.type, last.content], ["ai", "The tide: high water at Saint-Malo: 06:12."]);
  });

  it("stops before each step of the loop on a gutter breakpoint on the createReactAgent line", async () => {
    const line = lineOf(AGENT, "export const graph = createReactAgent");
    await story.start("launch", { program: AGENT, input: INPUT }, { breakpoints: [{ path: AGENT, lines: [line] }] });
    assert.deepEqual(story.breakpointResults.map((bp) => [bp.verified, bp.line]), [[true, line]]);
    assert.equal((await story.next("stopped")).body.description, "Paused before agent");
    assert.equal((await story.frames())[0].line, line);
    await story.dc.continueRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Paused before tools");
    await story.dc.continueRequest({ threadId: 1 });
    assert.equal((await story.next("stopped")).body.description, "Paused before agent");
  });
});
