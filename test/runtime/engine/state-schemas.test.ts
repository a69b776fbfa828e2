/**
 * State schemas the engine takes, and the one it refuses clearly: an `Annotation.Root` (or its
 * spec) defines the channels; a Zod object, which LangGraph.js also accepts, is refused at once
 * with what to write instead, rather than running with no channels and losing every write.
 */
import * as assert from "assert";
import { z } from "zod";
import { Annotation, END, START, StateGraph } from "../../../src/runtime";

describe("state schemas", () => {
  it("runs a graph over an Annotation.Root and over its bare spec alike", async () => {
    const spec = { topic: Annotation<string>(), count: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }) };
    for (const schema of [Annotation.Root(spec), spec]) {
      const graph = new StateGraph(schema).addNode("count", () => ({ count: 2 })).addEdge(START, "count").addEdge("count", END).compile();
      assert.deepStrictEqual(await graph.invoke({ topic: "tides", count: 1 }), { topic: "tides", count: 3 });
    }
  });

  it("refuses a Zod object as the state, saying how to write it with Annotation", () => {
    const zodState = z.object({ topic: z.string(), count: z.number().default(0) });
    assert.throws(() => new StateGraph(zodState as never), /a Zod schema as the state is not supported by the debugger's engine yet\. Define the state with Annotation\.Root/);
  });
});
