/**
 * The stream modes the engine has, and the ones it refuses clearly: LangGraph's `custom` (a node's
 * `getWriter()`) and `messages` (a model's tokens) are not in the engine yet, so asking for them
 * fails with the modes it does stream, instead of a stream that silently yields nothing.
 */
import * as assert from "assert";
import { Annotation, END, START, StateGraph } from "../../../src/runtime";

const graph = new StateGraph(Annotation.Root({ count: Annotation<number>() }))
  .addNode("count", (state) => ({ count: state.count + 1 }))
  .addEdge(START, "count")
  .addEdge("count", END)
  .compile();

describe("stream modes", () => {
  it("streams the modes it has, alone or together", async () => {
    const chunks: unknown[] = [];
    for await (const chunk of await graph.stream({ count: 1 }, { streamMode: ["values", "updates"] })) chunks.push(chunk);
    assert.deepStrictEqual(chunks, [["values", { count: 1 }], ["updates", { count: { count: 2 } }], ["values", { count: 2 }]]);
  });

  for (const mode of ["custom", "messages"]) {
    it(`refuses "${mode}", naming the modes it streams`, async () => {
      await assert.rejects(async () => graph.stream({ count: 1 }, { streamMode: mode as never }), /Stream mode "(custom|messages)" is not supported by the debugger's engine yet: it streams "values", "updates", "debug", "tasks" and "checkpoints"/);
      await assert.rejects(async () => graph.stream({ count: 1 }, { streamMode: ["values", mode] as never }), new RegExp(`Stream mode "${mode}"`));
    });
  }
});
