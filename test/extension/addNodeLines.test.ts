/**
 * Finding `addNode` calls in a file's text, as the CodeLens and the breakpoint sync do: chained and
 * multi-line calls, any quote style, and nothing taken from comments, strings or look-alikes.
 */
import { strict as assert } from "node:assert";
import { callAtLine, findAddNodeCalls } from "../../src/extension/addNodeLines";

const lines = (...text: string[]) => text.join("\n");

describe("finding addNode calls", () => {
  it("finds chained calls with their names, 0-based lines and columns", () => {
    const text = lines(
      'const graph = new StateGraph(State)',
      '  .addNode("agent", agent)',
      "  .addNode('tools', tools)",
      "  .addNode(`review`, review)",
      '  .addEdge(START, "agent");',
    );
    assert.deepEqual(findAddNodeCalls(text), [
      { name: "agent", line: 1, character: 3, lastLine: 1 },
      { name: "tools", line: 2, character: 3, lastLine: 2 },
      { name: "review", line: 3, character: 3, lastLine: 3 },
    ]);
  });

  it("measures a call written over several lines up to its closing parenthesis", () => {
    const text = lines(
      "builder.addNode(",
      '  "review",',
      "  (state) => {",
      '    const answer = interrupt({ question: "ok?" }); // a ")" in a comment',
      '    return { verdict: String(answer) + ")" };',
      "  },",
      ");",
      'builder.addNode("publish", publish);',
    );
    const calls = findAddNodeCalls(text);
    assert.deepEqual(calls.map((call) => [call.name, call.line, call.lastLine]), [["review", 0, 6], ["publish", 7, 7]]);
    assert.equal(callAtLine(calls, 4)?.name, "review", "a line inside the call belongs to it");
    assert.equal(callAtLine(calls, 7)?.name, "publish");
    assert.equal(callAtLine(calls, 8), undefined);
  });

  it("ignores comments, strings, other methods and computed names", () => {
    const text = lines(
      '// graph.addNode("commented", fn)',
      '/* .addNode("blocked", fn) */',
      'const help = "call .addNode(\\"quoted\\", fn) to add a node";',
      'graph.addNodes("plural", fn);',
      "addNode(\"bare\", fn); // not a method call on a graph",
      "graph.addNode(`node-${i}`, fn);",
      "graph.addNode(name, fn);",
      'graph.addNode("real", fn);',
    );
    assert.deepEqual(findAddNodeCalls(text).map((call) => call.name), ["real"]);
  });

  it("reads escaped quotes in a name and a comment between the parenthesis and the name", () => {
    const text = 'g.addNode( /* the agent */ "say \\"hi\\"", fn).addNode  ("x", fn)';
    assert.deepEqual(findAddNodeCalls(text).map((call) => call.name), ['say "hi"', "x"]);
  });

  it("survives an unfinished file while the person is typing", () => {
    const text = lines('g.addNode("agent", agent)', '  .addNode("tools", (state) => {', "    return {");
    const calls = findAddNodeCalls(text);
    assert.deepEqual(calls.map((call) => call.name), ["agent", "tools"]);
    assert.equal(calls[1].lastLine, 2, "an unclosed call runs to the end of the text");
  });
});
