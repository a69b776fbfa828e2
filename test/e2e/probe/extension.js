// A test-only VS Code extension loaded beside the LangGraph Debugger in the end-to-end runs. It
// watches every `langgraph` debug session through a DebugAdapterTracker and appends what the adapter
// sends (the runner's pid from the `process` event, stops, exits) to the JSON-lines file named by
// LANGGRAPH_E2E_PROBE_LOG, so the driver can check the machine's process list for the runner's pid.
// It changes nothing in the sessions it watches. Plain JavaScript: it is loaded as is, unbuilt.
"use strict";
const fs = require("node:fs");
const vscode = require("vscode");

const RECORDED_EVENTS = new Set(["process", "stopped", "continued", "terminated", "exited", "output"]);

function record(entry) {
  const file = process.env.LANGGRAPH_E2E_PROBE_LOG;
  if (file) fs.appendFileSync(file, JSON.stringify({ time: Date.now(), ...entry }) + "\n");
}

function activate(context) {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterTrackerFactory("langgraph", {
      createDebugAdapterTracker(session) {
        return {
          onDidSendMessage(message) {
            if (message.type === "event" && RECORDED_EVENTS.has(message.event)) {
              record({ session: session.id, name: session.name, event: message.event, body: message.body });
            }
          },
          onExit(code, signal) {
            record({ session: session.id, event: "adapterExit", body: { code, signal } });
          },
        };
      },
    }),
    vscode.debug.onDidStartDebugSession((session) => record({ session: session.id, event: "sessionStart", body: { type: session.type } })),
    vscode.debug.onDidTerminateDebugSession((session) => record({ session: session.id, event: "sessionEnd", body: { type: session.type } })),
  );
  record({ event: "probeActive", body: {} });
}

module.exports = { activate, deactivate() {} };
