/**
 * What a `graphState` event carries of the state: small values as they are, large ones left out
 * and marked, judged without reading all of a large value; and the clipped state the panel draws first.
 */
import * as assert from "node:assert/strict";
import type { SnapshotView } from "../../src/protocol/debug";
import { clipStrings, isLarger, withinBudget } from "../../src/debug/event-budget";

const messages = (count: number, size: number) => Array.from({ length: count }, (_, i) => ({ id: `m${i}`, content: "x".repeat(size) }));

function snapshotOf(values: Record<string, unknown>, inner?: Record<string, unknown>): SnapshotView {
  const base = { threadId: "t", next: ["tools"], metadata: { source: "loop" as const, step: 3 }, createdAt: "" };
  const state = inner ? { ...base, checkpointId: "s1", checkpointNs: "research:1", values: inner, tasks: [] } : undefined;
  return { ...base, checkpointId: "c1", values, tasks: [{ id: "t1", name: "tools", path: [], interrupts: [], input: values, ...(state ? { checkpointNs: "research:1", state } : {}) }] };
}

describe("what a graphState event carries of the state", () => {
  it("a small state travels as it is, values and task input alike", () => {
    const small = { messages: messages(3, 50), route: "question" };
    const event = withinBudget(snapshotOf(small));
    assert.deepEqual(event.values, small);
    assert.equal(event.valuesOmitted, undefined);
    assert.deepEqual(event.tasks[0].input, small);
  });

  it("a large state is left out and marked, at the root and inside a subgraph, and the adapter's own view keeps it", () => {
    const large = { messages: messages(1000, 5000) };
    const view = snapshotOf(large, large);
    const event = withinBudget(view);
    assert.deepEqual([event.values, event.valuesOmitted, event.tasks[0].inputOmitted, "input" in event.tasks[0]], [{}, true, true, false]);
    assert.equal(event.tasks[0].state?.valuesOmitted, true);
    assert.equal(view.values, large, "only the event's copy is trimmed");
    assert.equal(view.tasks[0].input, large);
  });

  it("tells large from small by reading no more than the budget's worth", () => {
    let read = 0;
    const counted = new Proxy(messages(5_000, 100), { get: (target, key) => ((typeof key === "string" && /^\d+$/.test(key) && read++), Reflect.get(target, key)) });
    assert.equal(isLarger({ messages: counted }, 64 * 1024), true);
    assert.ok(read < 1_000, `read ${read} of 5,000 messages`);
    assert.equal(isLarger({ messages: messages(10, 10) }, 64 * 1024), false);
  });

  it("cuts long strings for the panel's first look, and says whether it cut any", () => {
    const cut = clipStrings({ messages: messages(2, 500), note: "short" }, 121);
    assert.equal(cut.clipped, true);
    const value = cut.value as { messages: { content: string }[]; note: string };
    assert.deepEqual([value.messages[1].content.length, value.note], [121, "short"]);
    assert.equal(clipStrings({ note: "short" }, 121).clipped, false);
  });
});
