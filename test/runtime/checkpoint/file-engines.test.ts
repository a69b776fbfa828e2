/**
 * FileSaver under real graphs. A real `@langchain/langgraph` 1.7 app compiled with
 * `new FileSaver(dir)` pauses at an interrupt in a child process, and this process, with a new
 * FileSaver on the same directory, inspects it, resumes it, reads its history and replays from a
 * past checkpoint: everything as the same app does on LangGraph's own MemorySaver. Our engine
 * gives the same history on FileSaver as on our MemorySaver.
 */
import * as assert from "assert";
import * as fs from "node:fs";
import { Command } from "@langchain/langgraph";
import { MemorySaver as LangGraphMemorySaver } from "@langchain/langgraph-checkpoint";
import { Annotation, END, MemorySaver, START, StateGraph } from "../../../src/runtime";
import { FileSaver } from "../../../src/runtime/checkpoint/file";
import { CheckpointSaver } from "../../../src/runtime/checkpoint/types";
import { asLangGraphSaver, langGraphApp } from "./fixtures/langgraph-app";
import { collect, removeDir, runFixture, tempDir } from "./helpers";

const thread = { configurable: { thread_id: "post" } };

/** What a run looks like from outside, without ids and times (which differ run to run). */
async function observeLangGraph(app: ReturnType<typeof langGraphApp>) {
  const state = await app.getState(thread);
  const history = await collect(app.getStateHistory(thread));
  return {
    values: state.values,
    next: state.next,
    tasks: state.tasks.map((t) => ({ name: t.name, interrupts: t.interrupts.map((i) => i.value) })),
    history: history.map((s) => ({ step: s.metadata?.step, source: s.metadata?.source, next: s.next, values: s.values })),
  };
}

describe("FileSaver under real graphs", function () {
  this.timeout(60_000);
  let directory: string;
  beforeEach(() => (directory = tempDir()));
  afterEach(() => removeDir(directory));

  it("runs a real LangGraph app: interrupt in one process, inspect and resume in another, history and replay", async () => {
    const memoryApp = langGraphApp(new LangGraphMemorySaver());
    const expectedPause = await memoryApp.invoke({ topic: "otters" }, thread);
    const [paused] = await runFixture("langgraph-app", [directory, "post"]);
    const fileApp = langGraphApp(asLangGraphSaver(new FileSaver(directory)));
    assert.deepStrictEqual(stripIds(JSON.parse(paused)), stripIds(expectedPause));
    assert.deepStrictEqual(await observeLangGraph(fileApp), await observeLangGraph(memoryApp), "paused state and history");
    assert.deepStrictEqual((await fileApp.getState(thread)).next, ["review"]);

    const resumed = await fileApp.invoke(new Command({ resume: "yes" }), thread);
    assert.deepStrictEqual(resumed, await memoryApp.invoke(new Command({ resume: "yes" }), thread));
    assert.deepStrictEqual(resumed.notes, ["plan otters", "review yes", "research library", "publish (yes)"]);
    assert.deepStrictEqual(await observeLangGraph(fileApp), await observeLangGraph(memoryApp), "finished state and history");

    const replayFrom = async (app: ReturnType<typeof langGraphApp>) => {
      const beforePublish = (await collect(app.getStateHistory(thread))).find((s) => s.next.includes("publish"))!;
      return app.invoke(null, beforePublish.config);
    };
    assert.deepStrictEqual(await replayFrom(fileApp), await replayFrom(memoryApp), "replaying from a past checkpoint");
    assert.deepStrictEqual(await observeLangGraph(fileApp), await observeLangGraph(memoryApp), "history after the replay");
  });

  it("stores a message a node wrote once, in that step's writes, and reads it back in every checkpoint", async () => {
    const Chat = Annotation.Root({ messages: Annotation<Array<{ text: string }>>({ reducer: (a, b) => a.concat(b), default: () => [] }) });
    const saver = new FileSaver(directory);
    const app = new StateGraph(Chat)
      .addNode("say", (s) => ({ messages: [{ text: `unique-${s.messages.length}-${"z".repeat(50)}` }] }))
      .addEdge(START, "say")
      .addConditionalEdges("say", (s) => (s.messages.length >= 12 ? END : "say"))
      .compile({ checkpointer: saver });
    await app.invoke({ messages: [] }, thread);
    const log = fs.readFileSync(saver.threadFile("post"), "utf8");
    for (let i = 0; i < 12; i++) assert.strictEqual(log.split(`unique-${i}-`).length - 1, 1, `message ${i} is in the log once`);
    const valuesOf = async (graph: typeof app) => (await collect(graph.getStateHistory(thread))).map((s) => s.values);
    const reader = new StateGraph(Chat).addNode("say", () => ({})).addEdge(START, "say").compile({ checkpointer: new FileSaver(directory) });
    const reread = await valuesOf(reader);
    assert.deepStrictEqual(reread, await valuesOf(app));
    assert.strictEqual(reread[0].messages.length, 12);
  });

  it("gives our engine the same history on FileSaver as on MemorySaver, edits and time travel included", async () => {
    const State = Annotation.Root({ n: Annotation<number>(), log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }) });
    const build = (checkpointer: CheckpointSaver) =>
      new StateGraph(State)
        .addNode("count", (s) => ({ n: s.n + 1, log: [`n=${s.n + 1}`] }))
        .addEdge(START, "count")
        .addConditionalEdges("count", (s) => (s.n >= 5 ? END : "count"))
        .compile({ checkpointer });
    const observe = async (checkpointer: CheckpointSaver) => {
      const app = build(checkpointer);
      await app.invoke({ n: 0 }, thread);
      await app.updateState(thread, { n: 10 });
      await app.invoke(null, thread);
      // Time travel: edit a past checkpoint (a fork beside the old line) and run on from the edit.
      const past = (await collect(app.getStateHistory(thread))).find((s) => s.metadata?.step === 2)!;
      const fork = await app.updateState(past.config, { n: 3, log: ["edited"] });
      await app.invoke(null, fork);
      const history = await collect(app.getStateHistory(thread));
      return history.map((s) => ({ values: s.values, next: s.next, step: s.metadata?.step, source: s.metadata?.source, writes: s.tasks.map((t) => t.result) }));
    };
    const onFile = await observe(new FileSaver(directory));
    assert.deepStrictEqual(onFile, await observe(new MemorySaver()));
    assert.deepStrictEqual(onFile[0].values, { n: 5, log: ["n=1", "n=2", "edited", "n=4", "n=5"] });
    assert.ok(onFile.some((s) => s.source === "update" && s.values.n === 10), "the first line of history is still there");
  });
});

/** An invoke result without its interrupts' ids (random per run). */
function stripIds(result: object): unknown {
  const interrupts = (result as { __interrupt__?: Array<{ id?: string }> }).__interrupt__;
  return { ...result, __interrupt__: interrupts?.map(({ id: _, ...rest }) => rest) };
}
