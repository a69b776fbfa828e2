/**
 * The runner process: started by the debug adapter with `fork` (an IPC channel for the RPC, piped
 * stdout and stderr for the user's console output), it serves `RunnerHost` until told to shut down
 * or until the adapter goes away. Source maps are switched on here too, so stack traces and
 * `addNode` call sites name TypeScript lines even when the flag was not passed.
 */
import type { RunnerEvent, RunnerMessage, RunnerRequest } from "../protocol/runner";
import { failure } from "./errors";
import { RunnerHost } from "./host";

process.setSourceMapsEnabled(true);

function send(message: RunnerMessage): void {
  if (process.connected) process.send?.(message);
}

const host = new RunnerHost(
  (body) => send({ kind: "event", event: "progress", body } satisfies RunnerEvent),
  () => process.exit(0),
);

process.on("message", (message: RunnerRequest) => {
  if (message?.kind !== "request") return;
  const handler = host.handlers[message.method] as (params: unknown) => Promise<unknown>;
  if (!handler) {
    send({ kind: "response", id: message.id, ok: false, error: { name: "Error", message: `Unknown runner method "${message.method}"` } });
    return;
  }
  handler(message.params).then(
    (result) => send({ kind: "response", id: message.id, ok: true, result }),
    (error) => send({ kind: "response", id: message.id, ok: false, error: failure(error) }),
  );
});

// The adapter is gone (it exited or was killed): nothing is left to serve.
process.on("disconnect", () => process.exit(0));

// A node's stray rejection must not kill the session; it is reported as the user's own output.
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`Unhandled promise rejection in the graph: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});
