/**
 * The checks that stand between what a person types and what the panel sends: JSON errors placed
 * by line and column, unknown keys and nodes named, answers read as JSON or as plain text.
 */
import * as assert from "node:assert/strict";
import { changedKeys, checkStateEdit, describeAnswer, parseAnswer, parseJson } from "../../webview/state/validate";

const known = new Set(["messages", "route", "draft", "approved"]);
const nodes = ["__start__", "classify", "agent"];

describe("state edit checks", () => {
  it("places a JSON error by line and column", () => {
    const parsed = parseJson('{\n  "route": "question",\n  "draft": oops\n}');
    assert.equal(parsed.ok, false);
    assert.match((parsed as { error: string }).error, /^Invalid JSON at line 3, column 12: /);
  });

  it("accepts known keys and a graph node", () => {
    assert.deepEqual(checkStateEdit({ values: { route: "greeting" }, knownKeys: known, asNode: "classify", nodes }), []);
  });

  it("names unknown keys and lists the state's keys", () => {
    const [problem] = checkStateEdit({ values: { rout: "x", draft: "y" }, knownKeys: known, asNode: "agent", nodes });
    assert.equal(problem, 'Unknown key "rout": the state has "messages", "route", "draft", "approved".');
  });

  it("leaves keys to the adapter when the state's keys are not known", () => {
    assert.deepEqual(checkStateEdit({ values: { anything: 1 }, knownKeys: new Set(), asNode: "agent", nodes }), []);
  });

  it("names an unknown node and says which ones exist", () => {
    const [problem] = checkStateEdit({ values: {}, knownKeys: known, asNode: "agnet", nodes });
    assert.equal(problem, 'Unknown node "agnet" for "as node": choose one of __start__, classify, agent.');
  });

  it("refuses a state that is not an object", () => {
    assert.match(checkStateEdit({ values: [1, 2], knownKeys: known, asNode: "agent", nodes })[0], /must be a JSON object.*not an array/);
  });

  it("asks for a node when the default is ambiguous", () => {
    assert.match(checkStateEdit({ values: {}, knownKeys: known, asNode: undefined, nodes, ambiguous: ["agent", "tools"] })[0], /agent and tools both wrote last/);
  });

  it("counts only real changes, whatever the key order", () => {
    const original = { route: "q", messages: [{ a: 1, b: 2 }] };
    assert.deepEqual(changedKeys(original, { messages: [{ b: 2, a: 1 }], route: "q" }), []);
    assert.deepEqual(changedKeys(original, { messages: [{ a: 1, b: 3 }], route: "q" }), ["messages"]);
  });
});

describe("interrupt answer parsing", () => {
  it("sends JSON as its value", () => {
    assert.deepEqual(parseAnswer('{"approved": true}'), { ok: true, value: { approved: true }, kind: "json" });
    assert.deepEqual(parseAnswer("42"), { ok: true, value: 42, kind: "json" });
  });

  it("sends text that is not JSON as a string", () => {
    assert.deepEqual(parseAnswer("yes, send it"), { ok: true, value: "yes, send it", kind: "text" });
    assert.match(describeAnswer("yes, send it"), /as a string/);
  });

  it("refuses an empty answer", () => {
    assert.equal(parseAnswer("   ").ok, false);
  });
});
