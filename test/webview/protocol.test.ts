/**
 * The host's check of what the webview posts: well-formed requests pass through typed, anything
 * else comes back as a sentence the host can log, so a bad message never reaches the adapter.
 */
import * as assert from "node:assert/strict";
import { isAdapterRequest, parsePanelMessage, PANEL_PROTOCOL_VERSION } from "../../src/protocol/panel";

describe("panel protocol", () => {
  it("passes the ready handshake and well-formed requests", () => {
    assert.deepEqual(parsePanelMessage({ type: "ready", version: PANEL_PROTOCOL_VERSION }), { type: "ready", version: PANEL_PROTOCOL_VERSION });
    const resume = { type: "resume", requestId: "p1", args: { value: "yes" } };
    const parsed = parsePanelMessage(resume);
    assert.deepEqual(parsed, resume);
    assert.ok(typeof parsed !== "string" && isAdapterRequest(parsed), "resume goes to the adapter");
    const open = { type: "openSource", requestId: "p2", node: "tools", source: { file: "g.ts", line: 3, column: 1 } };
    const openParsed = parsePanelMessage(open);
    assert.ok(typeof openParsed !== "string" && !isAdapterRequest(openParsed), "openSource stays in the host");
  });

  it("names what is wrong with anything else", () => {
    assert.equal(parsePanelMessage(null), "panel message is not an object");
    assert.equal(parsePanelMessage({ type: "resume", args: {} }), "panel request resume has no requestId");
    assert.equal(parsePanelMessage({ type: "fork", requestId: "p3" }), "panel request fork has no args object");
    assert.equal(parsePanelMessage({ type: "openSource", requestId: "p4", node: "x" }), "openSource needs a node and a source {file, line, column}");
    assert.equal(parsePanelMessage({ type: "evaluate", requestId: "p5", args: {} }), 'unknown panel message type "evaluate"');
  });
});
