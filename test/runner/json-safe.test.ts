/** What the adapter sees of state values JSON cannot hold: readable stand-ins, never silence. */
import { strict as assert } from "node:assert";
import { toJsonSafe } from "../../src/runner/json-safe";

describe("runner: JSON-safe state values", () => {
  it("turns dates, maps, sets, big integers and functions into readable values", () => {
    const value = {
      when: new Date("2025-01-02T03:04:05.000Z"),
      index: new Map([["a", 1]]),
      tags: new Set(["x"]),
      big: 12n,
      run: function compute() {},
      gone: undefined,
      nan: Number.NaN,
    };
    assert.deepEqual(toJsonSafe(value), { when: "2025-01-02T03:04:05.000Z", index: { a: 1 }, tags: ["x"], big: "12n", run: "[Function compute]", nan: "NaN" });
  });

  it("marks a cycle instead of failing", () => {
    const node: Record<string, unknown> = { name: "loop" };
    node.self = node;
    assert.deepEqual(toJsonSafe(node), { name: "loop", self: "[Circular]" });
  });

  it("keeps an object shared by two keys twice, since it is no cycle", () => {
    const shared = { id: 1 };
    assert.deepEqual(toJsonSafe({ a: shared, b: shared }), { a: { id: 1 }, b: { id: 1 } });
  });
});
