/**
 * The lines an `addNode(...)` call spans, so a breakpoint inside an inline node moves to the call:
 * parentheses inside strings, templates and comments do not end the call early.
 */
import { strict as assert } from "node:assert";
import { callSpan } from "../../src/debug/call-extent";

const SOURCE = [
  "graph", // 1
  '  .addNode("tools", async (state) => {', // 2
  '    const text = ")" + `(${state.x})`;', // 3
  "    // a comment with )", // 4
  "    /* and ) here */", // 5
  "    return { text };", // 6
  "  })", // 7
  '  .addNode("next", next)', // 8
].join("\n");

describe("debug adapter: the extent of an addNode call", () => {
  it("spans from the call to its closing parenthesis, past strings, templates and comments", () => {
    assert.deepEqual(callSpan(SOURCE, 2, 4), { first: 2, last: 7 });
  });

  it("is one line for a call on one line", () => {
    assert.deepEqual(callSpan(SOURCE, 8, 4), { first: 8, last: 8 });
  });

  it("is the call's line alone when the text ends before the call does", () => {
    assert.deepEqual(callSpan('x.addNode("a", (s) => {', 1, 3), { first: 1, last: 1 });
  });
});
