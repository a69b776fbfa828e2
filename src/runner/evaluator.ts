/**
 * Where Debug Console, watch and hover expressions run: a worker thread, over a copy of the state.
 * An expression may loop forever, synchronously or in a promise callback
 * (`Promise.resolve().then(() => { while (true) {} })`). vm's `timeout` stops only the first kind;
 * its `microtaskMode: "afterEvaluate"` would stop the second, but stopping a promise job leaves
 * Node's async-context stack unbalanced, and with async hooks on (LangGraph's AsyncLocalStorage
 * always is) the process then aborts (nodejs/node#38503). A worker has its own event loop and
 * isolate: when the time is up it is terminated, whatever it runs, and the next expression gets
 * a fresh one. Since it cannot share the graph's objects, it sees the state as the Variables view
 * shows it (`toJsonSafe`), which also means an expression cannot change the live state.
 */
import { Worker } from "node:worker_threads";
import type { EvaluateResult } from "../protocol/runner";

// Plain JavaScript run with `eval`: the bundled runner has no separate file a worker could load.
const EVALUATE = `
const { parentPort } = require("node:worker_threads");
const vm = require("node:vm");

/** The value if it can be posted as it is, else its JSON form with functions and symbols named. */
function postable(value) {
  try {
    structuredClone(value);
    return value;
  } catch {
    const named = (_key, item) => (typeof item === "function" ? "[Function " + (item.name || "anonymous") + "]" : typeof item === "symbol" || typeof item === "bigint" ? String(item) : item);
    const text = JSON.stringify(value, named);
    return text === undefined ? String(value) : JSON.parse(text);
  }
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "Array";
  return typeof value === "object" ? (value.constructor && value.constructor.name) || "Object" : typeof value;
}

parentPort.on("message", async ({ id, expression, scope }) => {
  try {
    let value = vm.runInNewContext(expression, scope, { filename: "debug-console" });
    if (value && typeof value.then === "function") value = await value;
    parentPort.postMessage({ id, ok: true, value: postable(value), type: typeOf(value) });
  } catch (error) {
    const failure = error instanceof Error || (error && typeof error.message === "string") ? error : { name: "Error", message: String(error) };
    parentPort.postMessage({ id, ok: false, name: failure.name || "Error", message: failure.message });
  }
});
`;

type Answer = { id: number; ok: true; value: unknown; type: string } | { id: number; ok: false; name: string; message: string };

interface Pending {
  resolve(result: EvaluateResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Runs `expression` with the names of `scope` in a fresh global; ends it after `timeoutMs`. */
export function evaluateIsolated(expression: string, scope: Record<string, unknown>, timeoutMs: number): Promise<EvaluateResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => timedOut(id, timeoutMs), timeoutMs);
    pending.set(id, { resolve, reject, timer });
    evaluatorWorker().postMessage({ id, expression, scope });
  });
}

function evaluatorWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(EVALUATE, { eval: true });
  started.on("message", (answer: Answer) => settle(answer.id, answer.ok ? { result: { value: answer.value, type: answer.type } } : { error: named(answer) }));
  started.on("error", (error) => stop(started, () => error));
  started.on("exit", () => stop(started, () => new Error("The expression evaluator stopped.")));
  started.unref(); // an idle evaluator never keeps the runner alive
  worker = started;
  return started;
}

function timedOut(id: number, timeoutMs: number): void {
  settle(id, { error: new Error(`The expression timed out: it did not finish within ${timeoutMs} ms (a loop, or a promise that never settles?).`) });
  if (!worker) return;
  // Whatever still runs there is stopped with it; the expressions queued behind it are told why.
  const stopped = worker;
  stop(stopped, () => new Error("The expression was stopped along with another that did not finish in time: evaluate it again."));
  void stopped.terminate();
}

/** Forgets `which` as the evaluator (the next expression starts a new one) and fails what it still owed. */
function stop(which: Worker, reason: () => Error): void {
  if (worker !== which) return;
  worker = undefined;
  for (const id of [...pending.keys()]) settle(id, { error: reason() });
}

function settle(id: number, outcome: { result: EvaluateResult } | { error: Error }): void {
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  clearTimeout(entry.timer);
  if ("error" in outcome) entry.reject(outcome.error);
  else entry.resolve(outcome.result);
}

function named(answer: { name: string; message: string }): Error {
  const error = new Error(answer.message);
  error.name = answer.name;
  return error;
}
