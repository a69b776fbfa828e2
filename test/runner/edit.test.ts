/**
 * Editing a stopped thread through the runner: a value set inside a list replaces that value and
 * never makes the list's reducer append a second copy; the node an update was written as is
 * reported; a Debug Console expression that never ends is stopped and the runner goes on serving.
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
});
