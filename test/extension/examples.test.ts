/**
 * The example graphs a new user debugs first must run on our engine and tell the story their
 * header comments promise: pause where they say, take the edit or answer they suggest, and end
 * the way that edit or answer decides. Each story drives the graph through the public API (the
 * calls the debugger makes), with the examples' `@langchain/langgraph` import pointed at our
 * runtime, and the CodeLens's idea of where each `addNode` is must match the engine's call sites.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Command, CompiledStateGraph, DrawableGraph, DrawableNode, MemorySaver, Overwrite, StateGraph, isInterrupted } from "../../src/runtime";
import { findAddNodeCalls } from "../../src/extension/addNodeLines";
import { parseLanggraphJson } from "../../src/extension/langgraphJson";
import { EXAMPLES, loadExample } from "./helpers/examples";

// The examples' state types are their own; the stories read values as plain JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGraph = CompiledStateGraph<any>;
type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLE_FILES = ["tool-call-review.ts", "approval-flow.ts", "interrupt-review.ts", "edit-and-resume.ts", "research-report.ts", "weather-agent.ts"];

function graphOf(file: string): AnyGraph {
  return loadExample<{ graph: AnyGraph }>(file).graph;
}

/** What the runner does with a graph compiled without a checkpointer: compile it again with one. */
function withSaver(graph: AnyGraph): AnyGraph {
  return (graph.builder as StateGraph<never>).compile({ checkpointer: new MemorySaver() }) as unknown as AnyGraph;
}

function nodesWithSubgraphs(drawable: DrawableGraph): DrawableNode[] {
  return Object.values(drawable.nodes).flatMap((node) => [node, ...(node.subgraph ? nodesWithSubgraphs(node.subgraph) : [])]);
}

function thread(id: string) {
  return { configurable: { thread_id: id } };
}

describe("example graphs on our engine", () => {
  it("every example is a compiled graph of our runtime, listed in langgraph.json", () => {
    const project = parseLanggraphJson(readFileSync(path.join(EXAMPLES, "langgraph.json"), "utf8"), path.join(EXAMPLES, "langgraph.json"));
    assert.deepEqual(project.graphs.map((graph) => path.basename(graph.program)).sort(), [...EXAMPLE_FILES].sort());
    for (const file of EXAMPLE_FILES) assert.ok(graphOf(file) instanceof CompiledStateGraph, `${file} exports a compiled graph`);
  });

  it("the CodeLens finds each node on the line where the engine saw its addNode call, subgraphs' too", async () => {
    // A graph invoked inside a node is drawn under it once the node has run.
    await withSaver(graphOf("research-report.ts")).invoke({}, thread("draw"));
    for (const file of EXAMPLE_FILES) {
      const text = readFileSync(path.join(EXAMPLES, file), "utf8");
      const calls = findAddNodeCalls(text);
      // Nodes made by a prebuilt agent sit on its createReactAgent line, which has no lens of its own.
      const lines = text.split("\n");
      const drawn = nodesWithSubgraphs(graphOf(file).getGraph()).filter((node) => node.source && lines[node.source.line - 1].includes(".addNode("));
      assert.deepEqual(
        calls.map((call) => `${call.name}@${call.line + 1}`),
        drawn.map((node) => `${node.id}@${node.source!.line}`).sort((a, b) => Number(a.split("@")[1]) - Number(b.split("@")[1])),
        `addNode lines of ${file}`,
      );
    }
  });

  it("tool-call review: pauses before tools, and the tool runs with the edited arguments", async () => {
    const graph = withSaver(graphOf("tool-call-review.ts"));
    const config = thread("tools");
    await graph.invoke({ messages: [{ role: "user", content: "Weather in Paris?" }] }, { ...config, interruptBefore: ["tools"] });
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["tools"]);

    const messages = structuredClone((paused.values as Values).messages);
    const call = messages[messages.length - 1].toolCalls[0];
    assert.deepEqual(call.args, { city: "Paris" });
    call.args.city = "Berlin";
    await graph.updateState(config, { messages: new Overwrite(messages) }, "agent");

    const final = (await graph.invoke(null, { ...config, interruptBefore: ["tools"] })) as Values;
    const answer = final.messages[final.messages.length - 1].content as string;
    assert.match(answer, /Berlin: sunny/);
    assert.doesNotMatch(answer, /Paris/);
  });

  it("multi-step approval: pauses before write and publish, and publishes the edited draft", async () => {
    const graph = graphOf("approval-flow.ts");
    const config = thread("approval");
    await graph.invoke({ topic: "checkpoints" }, config);
    assert.deepEqual((await graph.getState(config)).next, ["write"]);

    const notes = ((await graph.getState(config)).values as Values).notes as string[];
    await graph.updateState(config, { notes: new Overwrite(notes.slice(0, 1)) });
    await graph.invoke(null, config);
    const beforePublish = await graph.getState(config);
    assert.deepEqual(beforePublish.next, ["publish"]);
    assert.equal((beforePublish.values as Values).draft.split("\n").length, 2, "the draft has the one kept note");

    await graph.updateState(config, { draft: "My own words." });
    const final = (await graph.invoke(null, config)) as Values;
    assert.equal(final.published, "My own words.");
  });

  it("interrupt() review: asks the question, and the answer picks refund or decline", async () => {
    const graph = withSaver(graphOf("interrupt-review.ts"));
    const ticket = { customer: "Lin", text: "Please refund me, I was charged twice", amount: 80 };
    for (const [answer, expected] of [["yes", /refunded 80 EUR/], [false, /a colleague will look/]] as const) {
      const config = thread(`review-${String(answer)}`);
      const waiting = await graph.invoke({ ticket }, config);
      assert.ok(isInterrupted(waiting), "the run waits in interrupt()");
      assert.equal((waiting.__interrupt__[0].value as { question: string }).question, "Refund 80 EUR to Lin?");
      const final = (await graph.invoke(new Command({ resume: answer }), config)) as Values;
      assert.match(final.reply, expected);
    }
  });

  it("interrupt() review: a run with no input works on the sample ticket", async () => {
    const graph = withSaver(graphOf("interrupt-review.ts"));
    const waiting = await graph.invoke({}, thread("sample"));
    assert.ok(isInterrupted(waiting));
    assert.match(String((waiting.__interrupt__[0].value as { question: string }).question), /^Refund \d+ EUR to \w+\?$/);
  });

  it("edit and resume: pauses after agent, and executes the edited plan", async () => {
    const graph = graphOf("edit-and-resume.ts");
    const config = thread("trip");
    await graph.invoke({ request: "A weekend trip to Porto" }, config);
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["execute"]);
    assert.equal((paused.values as Values).plan.length, 3);

    await graph.updateState(config, { plan: ["take the night bus to Porto", "sleep at a hostel"] }, "agent");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(final.done, ["done: take the night bus to Porto", "done: sleep at a hostel"]);
  });

  it("research report: breaks inside the subgraph two deep, and the report keeps the most telling finding", async () => {
    const graph = withSaver(graphOf("research-report.ts"));
    const config = thread("report");
    await graph.invoke({ topic: "tides" }, { ...config, interruptBefore: ["research/rank"] });
    const paused = await graph.getState(config, { subgraphs: true });
    const research = paused.tasks[0].state as { next: string[]; values: Values };
    assert.deepEqual(research.next, ["rank"]);
    assert.equal(research.values.queries.length, 3, "the nested search subgraph wrote the subgraph's own key");
    const final = (await graph.invoke(null, config)) as Values;
    assert.match(final.report, /^Report on tides\. 3 findings on tides; the most telling: The moon's pull/);
    assert.equal(final.checked, true, "the checker graph invoked by fact_check found nothing missing");
  });

  it("weather agent: an edited tool call reaches the tool, and the messages keep their classes", async () => {
    const graph = withSaver(graphOf("weather-agent.ts"));
    const config = thread("weather");
    await graph.invoke({ messages: [{ role: "user", content: "What is the weather in Paris?" }] }, { ...config, interruptBefore: ["tools"] });
    const paused = (await graph.getState(config)).values as Values;
    const call = paused.messages.at(-1);
    assert.equal(call.constructor.name, "AIMessage");
    assert.deepEqual(call.tool_calls[0].args, { city: "Paris" });
    const edited = new call.constructor({ ...call.lc_kwargs, tool_calls: [{ ...call.tool_calls[0], args: { city: "Oslo" } }] });
    await graph.updateState(config, { messages: [edited] }, "agent");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(final.messages.map((message: { constructor: { name: string } }) => message.constructor.name), ["Object", "AIMessage", "ToolMessage", "AIMessage"]);
    assert.equal(final.messages.at(-1).content, "The weather there: snow, -3 °C.");
  });
});
