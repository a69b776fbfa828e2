/**
 * The example graphs a new user debugs first must run on the LangGraph.js they install
 * (examples/package.json) and tell the story their header comments promise: pause where they say,
 * take the edit or answer they suggest, and end the way that edit or answer decides. Each story
 * drives the graph through LangGraph.js's public API, the calls the workspace engine makes, and the
 * CodeLens's idea of where each `addNode` is must match the call sites that engine records.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { findAddNodeCalls } from "../../src/extension/addNodeLines";
import { parseLanggraphJson } from "../../src/extension/langgraphJson";
import { EXAMPLES } from "./helpers/examples";
import { loadExampleOnLangGraph, nodeSites, requireFromExamples } from "./helpers/examples-langgraph";

// The examples' graphs are typed by their own packages; the stories read values as plain objects.
type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type AnyGraph = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each example file and the export langgraph.json names. */
const EXAMPLE_EXPORTS: Record<string, string> = {
  "tool-call-review.ts": "graph",
  "approval-flow.ts": "graph",
  "interrupt-review.ts": "graph",
  "edit-and-resume.ts": "graph",
  "research-report.ts": "graph",
  "weather-agent.ts": "graph",
  "support-agent.ts": "agent",
  "faq-router.ts": "graph",
};

function exportOf(file: string): AnyGraph {
  return loadExampleOnLangGraph<Record<string, AnyGraph>>(file)[EXAMPLE_EXPORTS[file]];
}

/** What the runner does with an export: the compiled graph (an agent's, for createAgent) gets a saver. */
function withSaver(file: string): AnyGraph {
  const exported = exportOf(file);
  const graph = typeof exported.getState === "function" ? exported : exported.graph;
  const { MemorySaver } = requireFromExamples("@langchain/langgraph");
  graph.checkpointer = new MemorySaver();
  return graph;
}

function thread(id: string) {
  return { configurable: { thread_id: id } };
}

/** The same message, with its first tool call's arguments replaced (as an edit in the panel makes it). */
function withArgs(message: AnyGraph, args: Record<string, unknown>): AnyGraph {
  const [call, ...rest] = message.tool_calls;
  return new message.constructor({ id: message.id, content: message.content, tool_calls: [{ ...call, args }, ...rest] });
}

const classNames = (messages: Array<{ constructor: { name: string } }>) => messages.map((message) => message.constructor.name);

describe("example graphs on the LangGraph.js they install", () => {
  it("every example is a graph of examples/node_modules' LangGraph.js, listed in langgraph.json", () => {
    const project = parseLanggraphJson(readFileSync(path.join(EXAMPLES, "langgraph.json"), "utf8"), path.join(EXAMPLES, "langgraph.json"));
    assert.deepEqual(project.graphs.map((graph) => `${path.basename(graph.program)}:${graph.exportName}`).sort(),
      Object.entries(EXAMPLE_EXPORTS).map(([file, name]) => `${file}:${name}`).sort());
    const { CompiledStateGraph } = requireFromExamples("@langchain/langgraph");
    for (const file of Object.keys(EXAMPLE_EXPORTS)) {
      const exported = exportOf(file);
      assert.ok(exported instanceof CompiledStateGraph || exported.graph instanceof CompiledStateGraph, `${file} exports a graph of the examples' own LangGraph.js`);
    }
  });

  it("the CodeLens finds each node on the line where the workspace engine saw its addNode call, subgraphs' too", () => {
    for (const file of Object.keys(EXAMPLE_EXPORTS)) {
      exportOf(file);
      const text = readFileSync(path.join(EXAMPLES, file), "utf8");
      const lines = text.split("\n");
      // Nodes a library builds (createAgent, createReactAgent) sit on the line that called it, which has no lens of its own.
      const byAddNode = nodeSites(file).filter((site) => lines[Number(site.split("@")[1]) - 1].includes(".addNode("));
      const byLine = (a: string, b: string) => Number(a.split("@")[1]) - Number(b.split("@")[1]) || a.localeCompare(b);
      assert.deepEqual(findAddNodeCalls(text).map((call) => `${call.name}@${call.line + 1}`).sort(byLine), byAddNode.sort(byLine), `addNode lines of ${file}`);
    }
  });

  it("the agents' nodes sit on the line that called createAgent / createReactAgent", () => {
    for (const [file, call, nodes] of [["support-agent.ts", "= createAgent(", ["model_request", "tools"]], ["weather-agent.ts", "= createReactAgent(", ["agent", "tools"]]] as const) {
      exportOf(file);
      const line = readFileSync(path.join(EXAMPLES, file), "utf8").split("\n").findIndex((text) => text.includes(call)) + 1;
      assert.deepEqual(nodeSites(file).sort(), nodes.map((node) => `${node}@${line}`), file);
    }
  });

  it("tool-call review: pauses before tools with an AIMessage's tool_calls, and the tool runs with the edited arguments", async () => {
    const graph = withSaver("tool-call-review.ts");
    const config = thread("tools");
    await graph.invoke({ messages: [{ role: "user", content: "Weather in Paris?" }] }, { ...config, interruptBefore: ["tools"] });
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["tools"]);
    const call = paused.values.messages.at(-1);
    assert.deepEqual([call.constructor.name, call.tool_calls[0].args], ["AIMessage", { city: "Paris" }]);

    await graph.updateState(config, { messages: [withArgs(call, { city: "Berlin" })] }, "agent");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(classNames(final.messages), ["HumanMessage", "AIMessage", "ToolMessage", "ToolMessage", "AIMessage"]);
    assert.equal(final.messages.at(-1).content, "Here is what I found: Berlin: sunny, 22°C; 391.");
  });

  it("multi-step approval: pauses before write and publish, and publishes the edited draft", async () => {
    const graph = exportOf("approval-flow.ts");
    const { Overwrite } = requireFromExamples("@langchain/langgraph");
    const config = thread("approval");
    await graph.invoke({ topic: "checkpoints" }, config);
    assert.deepEqual((await graph.getState(config)).next, ["write"]);

    const notes = (await graph.getState(config)).values.notes as string[];
    await graph.updateState(config, { notes: new Overwrite(notes.slice(0, 1)) });
    await graph.invoke(null, config);
    const beforePublish = await graph.getState(config);
    assert.deepEqual(beforePublish.next, ["publish"]);
    assert.equal(beforePublish.values.draft.split("\n").length, 2, "the draft has the one kept note");

    await graph.updateState(config, { draft: "My own words." });
    const final = (await graph.invoke(null, config)) as Values;
    assert.equal(final.published, "My own words.");
  });

  it("interrupt() review: asks the question, and the answer picks refund or decline", async () => {
    const graph = withSaver("interrupt-review.ts");
    const { Command, isInterrupted } = requireFromExamples("@langchain/langgraph");
    const ticket = { customer: "Lin", text: "Please refund me, I was charged twice", amount: 80 };
    for (const [answer, expected] of [["yes", /refunded 80 EUR/], [false, /a colleague will look/]] as const) {
      const config = thread(`review-${String(answer)}`);
      const waiting = await graph.invoke({ ticket }, config);
      assert.ok(isInterrupted(waiting), "the run waits in interrupt()");
      assert.equal(waiting.__interrupt__[0].value.question, "Refund 80 EUR to Lin?");
      const final = (await graph.invoke(new Command({ resume: answer }), config)) as Values;
      assert.match(final.reply, expected);
    }
  });

  it("interrupt() review: a run with no input works on the sample ticket", async () => {
    const graph = withSaver("interrupt-review.ts");
    const waiting = await graph.invoke({}, thread("sample"));
    assert.match(String(waiting.__interrupt__?.[0].value.question), /^Refund \d+ EUR to \w+\?$/);
  });

  it("edit and resume: pauses after agent, and executes the edited plan", async () => {
    const graph = exportOf("edit-and-resume.ts");
    const config = thread("trip");
    await graph.invoke({ request: "A weekend trip to Porto" }, config);
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["execute"]);
    assert.equal(paused.values.plan.length, 3);

    await graph.updateState(config, { plan: ["take the night bus to Porto", "sleep at a hostel"] }, "agent");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(final.done, ["done: take the night bus to Porto", "done: sleep at a hostel"]);
  });

  it("research report: the subgraphs' own keys stay inside, and the report keeps the most telling finding", async () => {
    const final = (await withSaver("research-report.ts").invoke({ topic: "tides" }, thread("report"))) as Values;
    assert.match(final.report, /^Report on tides\. 3 findings on tides; the most telling: The moon's pull/);
    assert.equal(final.checked, true, "the checker graph invoked by fact_check found nothing missing");
    assert.ok(!("queries" in final) && !("best" in final), "research's own keys never reach the report's state");
  });

  it("weather agent (createReactAgent): an edited tool call reaches the tool, and the messages keep their classes", async () => {
    const graph = withSaver("weather-agent.ts");
    const config = thread("weather");
    await graph.invoke({ messages: [{ role: "user", content: "What is the weather in Paris?" }] }, { ...config, interruptBefore: ["tools"] });
    const call = (await graph.getState(config)).values.messages.at(-1);
    assert.deepEqual(call.tool_calls[0].args, { city: "Paris" });
    await graph.updateState(config, { messages: [withArgs(call, { city: "Oslo" })] }, "agent");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(classNames(final.messages), ["HumanMessage", "AIMessage", "ToolMessage", "AIMessage"]);
    assert.equal(final.messages.at(-1).content, "The weather there: snow, -3 °C.");
  });

  it("support agent (createAgent): pauses before tools, and the answer names the order of the edited tool call", async () => {
    const graph = withSaver("support-agent.ts");
    const config = thread("support");
    await graph.invoke({ messages: [{ role: "user", content: "Where is my order A-1002?" }] }, { ...config, interruptBefore: ["tools"] });
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["tools"]);
    const call = paused.values.messages.at(-1);
    assert.deepEqual([call.constructor.name, call.tool_calls[0].name, call.tool_calls[0].args], ["AIMessage", "lookup_order", { orderId: "A-1002" }]);
    await graph.updateState(config, { messages: [withArgs(call, { orderId: "A-1001" })] }, "model_request");
    const final = (await graph.invoke(null, config)) as Values;
    assert.deepEqual(classNames(final.messages), ["HumanMessage", "AIMessage", "ToolMessage", "AIMessage"]);
    assert.equal(final.messages.at(-1).content, "Order A-1001 is delivered on Monday.");
  });

  it("FAQ router ({ stateSchema, input }): the input takes only the question, and an edited topic changes the answer", async () => {
    const graph = withSaver("faq-router.ts");
    const config = thread("faq");
    await graph.invoke({ question: "Where is my parcel?", answer: "not an input" }, { ...config, interruptBefore: ["retrieve"] });
    const paused = await graph.getState(config);
    assert.deepEqual(paused.next, ["retrieve"]);
    assert.deepEqual(paused.values, { question: "Where is my parcel?", topic: "shipping" }, "the input schema dropped `answer`");
    await graph.updateState(config, { topic: "billing" }, "classify");
    const final = (await graph.invoke(null, config)) as Values;
    assert.match(final.answer, /^About billing: You are charged when your order ships\./);
  });
});
