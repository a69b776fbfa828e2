/**
 * The runner process: started by the debug adapter with `fork` (an IPC channel for the RPC, piped
 * stdout and stderr for the user's console output), it serves `RunnerHost` until told to shut down
 * or until the adapter goes away (watchdog.ts notices that even while a node holds the main
 * thread). Source maps are switched on here too, so stack traces and `addNode` call sites name
 * TypeScript lines even when the flag was not passed.
 */
import type { RunnerEvent, RunnerMessage, RunnerMethod, RunnerRequest } from "../protocol/runner";
import { DeltaStream } from "../protocol/value-delta";
import { failure } from "./errors";
import { RunnerHost } from "./host";
import { watchParent } from "./watchdog";

process.setSourceMapsEnabled(true);
watchParent();

function send(message: RunnerMessage): void {
  if (process.connected) process.send?.(message);
}

const host = new RunnerHost(
  (body) => send({ kind: "event", event: "progress", body } satisfies RunnerEvent),
  () => process.exit(0),
  (text) => process.stdout.write(text),
);

/** Answers that carry the thread's state go as their difference from the last one (value-delta.ts). */
const DELTA_METHODS: ReadonlySet<RunnerMethod> = new Set(["run", "getState"]);
const deltas = new DeltaStream();

function answer(id: number, method: RunnerMethod, result: unknown): RunnerMessage {
  if (!DELTA_METHODS.has(method)) return { kind: "response", id, ok: true, result };
  return { kind: "response", id, ok: true, method, delta: deltas.encode(method, result) };
}

process.on("message", (message: RunnerRequest) => {
  if (message?.kind !== "request") return;
  // Only the declared methods: `constructor` or `toString` must not reach what every object inherits.
  const handler = Object.hasOwn(host.handlers, message.method) ? (host.handlers[message.method] as (params: unknown) => Promise<unknown>) : undefined;
  if (!handler) {
    send({ kind: "response", id: message.id, ok: false, error: { name: "Error", message: `Unknown runner method "${message.method}"` } });
    return;
  }
  handler(message.params).then(
    (result) => send(answer(message.id, message.method, result)),
    (error) => send({ kind: "response", id: message.id, ok: false, error: failure(error) }),
  );
});

// The adapter is gone (it exited or was killed): nothing is left to serve.
process.on("disconnect", () => process.exit(0));

// A node's stray rejection must not kill the session; it is reported as the user's own output.
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`Unhandled promise rejection in the graph: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});
