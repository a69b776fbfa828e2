/**
 * Bad input, on our engine: graphs naming nodes that do not exist fail at compile time and say which
 * name is wrong; runs that need a checkpointer or a thread_id fail with LangGraph's own wording (read
 * from the real library in the same test, not copied here); a node returning something other than
 * an object is an InvalidUpdateError naming the node; a rejected call leaves saved history intact.
 */
import * as assert from "assert";
import { loadOurs, loadReal } from "./engines";
import { GraphLib } from "./lib";
import { historyOf } from "./observe";
import { chain, logNode, logState, thread } from "./scenarios/common";

/** The error `fn` throws (sync or async); fails the test if it throws nothing. */
async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  return assert.fail("expected an error, but the call succeeded");
}


describe("bad input on our engine", () => {
  let real: GraphLib;
  let ours: GraphLib;
  before(async function () {
    const engine = loadOurs();
    if ("missing" in engine) this.skip();
    if ("brokenLoad" in engine) throw new Error(`src/runtime/index.ts failed to load: ${String(engine.brokenLoad)}`);
    real = await loadReal();
    ours = engine.lib;
  });

  /** Runs `fn` on both engines and checks ours throws with the real library's message. */
  async function sameMessage(fn: (lib: GraphLib) => unknown): Promise<Error> {
    const expected = await thrown(() => fn(real));
    const actual = await thrown(() => fn(ours));
    assert.strictEqual(actual.message, expected.message);
    return actual;
  }

  describe("unknown node names fail at compile time, naming the node", () => {
    const cases: Array<[string, (lib: GraphLib) => { compile(): unknown }, string]> = [
      ["an edge to a node that was never added", (lib) => chain(lib, ["a"], []).addEdge("a", "ghost"), "ghost"],
      ["an edge from a node that was never added", (lib) => chain(lib, ["a"], []).addEdge("ghost", "a"), "ghost"],
      [
        "a path map pointing at a missing node",
        (lib) =>
          new lib.StateGraph(logState(lib))
            .addNode("a", logNode("a", []))
            .addEdge(lib.START, "a")
            .addConditionalEdges("a", () => "go", { go: "ghost" }),
        "ghost",
      ],
    ];
    for (const [story, build, name] of cases) {
      it(`${story}: building is allowed, compile names "${name}"`, async () => {
        const builder = build(ours);
        const error = await thrown(() => builder.compile());
        assert.match(error.message, new RegExp(`\\b${name}\\b`));
        await sameMessage((lib) => build(lib).compile());
      });
    }

    it("an interruptBefore list with an unknown node", async () => {
      const error = await sameMessage((lib) => chain(lib, ["a"], []).compile({ interruptBefore: ["a", "nope"] }));
      assert.match(error.message, /nope/);
    });

    it("an interruptAfter list with an unknown node", async () => {
      const error = await sameMessage((lib) => chain(lib, ["a"], []).compile({ interruptAfter: ["later"] }));
      assert.match(error.message, /later/);
    });
  });

  describe("a graph compiled without a checkpointer", () => {
    const noSaver = (lib: GraphLib) => chain(lib, ["a"], []).compile();

    it("refuses getState with LangGraph's GraphValueError", async () => {
      const error = await sameMessage((lib) => noSaver(lib).getState(thread("t")));
      assert.ok(error instanceof ours.GraphValueError);
      assert.strictEqual(error.name, "GraphValueError");
    });

    it("refuses updateState and getStateHistory the same way", async () => {
      await sameMessage((lib) => noSaver(lib).updateState(thread("t"), { x: 1 }));
      await sameMessage((lib) => historyOf(noSaver(lib), thread("t")));
    });

    it("refuses a Command resume", async () => {
      await sameMessage((lib) => noSaver(lib).invoke(new lib.Command({ resume: "yes" })));
    });

    it("refuses a node that calls interrupt()", async () => {
      await sameMessage((lib) =>
        new lib.StateGraph(logState(lib))
          .addNode("ask", () => ({ x: lib.interrupt("q?") }))
          .addEdge(lib.START, "ask")
          .compile()
          .invoke({ log: [] }),
      );
    });
  });

  it("a checkpointer without a thread_id fails with LangGraph's message about thread_id", async () => {
    const error = await sameMessage((lib) => chain(lib, ["a"], []).compile({ checkpointer: new lib.MemorySaver() }).invoke({ log: [] }));
    assert.match(error.message, /thread_id/);
  });

  it("invoke(null) on a thread that never ran is an EmptyInputError", async () => {
    const error = await sameMessage((lib) =>
      chain(lib, ["a"], []).compile({ checkpointer: new lib.MemorySaver() }).invoke(null, thread("empty")),
    );
    assert.ok(error instanceof ours.EmptyInputError);
  });

  for (const [what, value] of [
    ["a string", "done"],
    ["a number", 42],
    ["an array of plain values", [{ log: ["x"] }]],
  ] as Array<[string, unknown]>) {
    it(`a node returning ${what} is an InvalidUpdateError naming the node`, async () => {
      const error = await sameMessage((lib) =>
        new lib.StateGraph(logState(lib)).addNode("summarize", () => value).addEdge(lib.START, "summarize").compile().invoke({ log: [] }),
      );
      assert.ok(error instanceof ours.InvalidUpdateError);
      assert.strictEqual(error.name, "InvalidUpdateError");
      assert.match(error.message, /"summarize"/);
    });
  }

  it("a rejected updateState (unknown asNode) leaves the saved history as it was", async () => {
    const app = chain(ours, ["a", "b"], []).compile({ checkpointer: new ours.MemorySaver(), interruptBefore: ["b"] });
    await app.invoke({ log: ["in"] }, thread("keep"));
    const before = await historyOf(app, thread("keep"));
    const error = await thrown(() => app.updateState(thread("keep"), { x: 1 }, "nope"));
    assert.match(error.message, /nope/);
    const after = await historyOf(app, thread("keep"));
    assert.deepStrictEqual(after, before);
    const resumed = await app.invoke(null, thread("keep"));
    assert.deepStrictEqual(resumed.log, ["in", "a", "b"], "the paused run still resumes");
  });
});
