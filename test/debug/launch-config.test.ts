/**
 * The adapter reads `engine` and `configurable` from a launch configuration: `auto` when left out,
 * a wrong value refused with the values it takes, and a `configurable` that would take over the
 * debugger's own keys refused with what to use instead.
 */
import { strict as assert } from "node:assert";
import { ConfigError, resolveConfig } from "../../src/debug/launch-config";

describe("debug adapter: the engine and configurable launch attributes", () => {
  it("runs on the engine `auto` picks unless the launch names one", () => {
    assert.equal(resolveConfig("launch", { program: "/ws/graph.ts" }).engine, "auto");
    assert.equal(resolveConfig("launch", { program: "/ws/graph.ts", engine: "builtin" }).engine, "builtin");
  });

  it("refuses an engine it does not know, listing those it does", () => {
    assert.throws(() => resolveConfig("launch", { program: "/ws/graph.ts", engine: "python" as never }), (error: Error) =>
      error instanceof ConfigError && /"auto", "workspace", "builtin"/.test(error.message));
  });

  it("passes configurable values on, and refuses the keys that address a thread", () => {
    assert.deepEqual(resolveConfig("launch", { program: "/ws/graph.ts", configurable: { model: "openai/gpt-4o-mini" } }).configurable, { model: "openai/gpt-4o-mini" });
    assert.throws(() => resolveConfig("launch", { program: "/ws/graph.ts", configurable: { thread_id: "t" } }), /use "threadId"/);
    assert.throws(() => resolveConfig("launch", { program: "/ws/graph.ts", configurable: [] as never }), /must be an object/);
  });
});
