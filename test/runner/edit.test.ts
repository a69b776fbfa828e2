/**
 * Editing a stopped thread through the runner: a value set inside a list replaces that value and
 * never makes the list's reducer append a second copy; the node an update was written as is
 * reported; a Debug Console expression that never ends (in a loop, or in a promise callback) is
 * stopped and the runner goes on serving; edits sent at once are written one after the other.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { RunnerUnderTest, removeWorkspace, startRunner, workspace } from "./helpers";

const GRAPH = `import { Annotation, END, START, StateGraph, MessagesAnnotation } from "@langchain/langgraph";
const State = Annotation.Root({
  ...MessagesAnnotation.spec,
  log: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  mode: Annotation<string>(),
});
export const graph = new StateGraph(State)
  .addNode("first", () => ({ log: ["first"], mode: "draft", messages: [{ role: "assistant", content: "hi" }] }))
  .addNode("second", () => ({ log: ["second"] }))
  .addEdge(START, "first")
  .addEdge("first", "second")
  .addEdge("second", END)
  .compile();
`;

describe("runner: editing and evaluating", function () {
  this.timeout(30_000);
  let root: string;
  let under: RunnerUnderTest;
  const threadId = "t";

  beforeEach(async () => {
    root = workspace({ "graph.ts": GRAPH });
    under = startRunner(root);
    await under.runner.request("load", { program: path.join(root, "graph.ts"), checkpointDir: path.join(root, ".langgraph") });
    await under.runner.request("run", { threadId, input: { messages: [{ role: "user", content: "hello" }] }, interruptBefore: ["second"], interruptAfter: [] });
  });

  afterEach(async () => {
    await under.runner.stop();
    removeWorkspace(root);
  });

  async function values(): Promise<Record<string, unknown>> {
    return (await under.runner.request("getState", { threadId }))!.values;
  }

  it("sets a plain key, written as the node that ran last", async () => {
    const edit = await under.runner.request("editValue", { threadId, path: ["mode"], text: '"final"' });
    assert.equal(edit.asNode, "first");
    assert.equal((await values()).mode, "final");
  });

  it("replaces a message in place, by its id", async () => {
    await under.runner.request("editValue", { threadId, path: ["messages", 1, "content"], text: '"hello there"' });
    const messages = (await values()).messages as Array<{ content: string }>;
    assert.deepEqual(messages.map((message) => message.content), ["hello", "hello there"]);
  });

  it("never appends an edited list to itself through an appending reducer", async () => {
    const attempt = await under.runner.request("editValue", { threadId, path: ["log", 0], text: '"FIRST"' }).then(
      () => "written",
      (error: Error) => error.message,
    );
    const log = (await values()).log as string[];
    if (attempt === "written") assert.deepEqual(log, ["FIRST"]);
    else {
      assert.match(attempt, /"log" has a reducer, so this edit would be merged/);
      assert.deepEqual(log, ["first"]);
    }
  });

  it("reads JavaScript when the text is not JSON, and explains text that is neither", async () => {
    await under.runner.request("editValue", { threadId, path: ["mode"], text: "state.mode.toUpperCase()" });
    assert.equal((await values()).mode, "DRAFT");
    await assert.rejects(under.runner.request("editValue", { threadId, path: ["mode"], text: "final answer" }), /neither JSON nor a JavaScript expression.*write text in quotes/);
  });

  it("stops an expression that never ends, and keeps serving", async () => {
    await assert.rejects(under.runner.request("evaluate", { threadId, expression: "while (true) {}" }), /timed out/);
    assert.deepEqual((await under.runner.request("evaluate", { threadId, expression: "snapshot.next" })).value, ["second"]);
  });

  it("stops a promise callback that never ends, and keeps serving", async () => {
    const started = Date.now();
    await assert.rejects(under.runner.request("evaluate", { threadId, expression: "Promise.resolve().then(() => { while (true) {} })" }, 5000), /timed out/);
    assert.ok(Date.now() - started < 4000, `stopped after ${Date.now() - started} ms`);
    assert.deepEqual((await under.runner.request("evaluate", { threadId, expression: "snapshot.next" }, 2000)).value, ["second"]);
    const awaited = await under.runner.request("evaluate", { threadId, expression: "(async () => (await Promise.resolve(state.mode)) + '!')()" }, 2000);
    assert.equal(awaited.value, "draft!", "an expression may still await");
  });

  it("writes edits sent at once one after the other: the newest state holds them all", async () => {
    const before = (await under.runner.request("getState", { threadId }))!.checkpointId;
    const added = ["one", "two", "three", "four"];
    await Promise.all([
      under.runner.request("updateState", { threadId, values: { mode: "edited" } }),
      ...added.map((line) => under.runner.request("updateState", { threadId, values: { log: [line] } })),
    ]);
    const head = (await under.runner.request("getState", { threadId }))!;
    assert.equal(head.values.mode, "edited");
    assert.deepEqual(head.values.log, ["first", ...added]);
    const parentOf = new Map((await under.runner.request("history", { threadId })).map((entry) => [entry.checkpointId, entry.parentId]));
    let first = head.checkpointId;
    for (let edit = 0; edit < added.length; edit++) first = parentOf.get(first)!;
    assert.equal(parentOf.get(first), before, "each edit was written after the one before, not beside it");
  });
});
