/**
 * The runner's watchdog: ends the runner when the process that started it (the debug adapter, or
 * the extension host running it inline) is gone. The main thread already exits on the IPC
 * channel's `disconnect`, but a node that spins in a loop holds the main thread, so that event
 * never runs and the runner would spin forever with nobody to stop it. The watch therefore runs in
 * a worker thread, which has its own event loop: it polls for the parent and, once the parent is
 * gone and the main thread has had a moment to exit by itself, kills the whole process.
 */
import { Worker } from "node:worker_threads";

/** How often the worker looks for the parent, and how long it then leaves the main thread to exit cleanly. */
const POLL_MS = 200;
const GRACE_MS = 300;

// Plain JavaScript run with `eval`: the bundled runner has no separate file a worker could load.
const WATCH = `
const { workerData } = require("node:worker_threads");
const { parentPid, pollMs, graceMs } = workerData;

function parentGone() {
  // A child whose parent died is handed to another process (init, a subreaper): its ppid changes.
  if (process.ppid !== parentPid) return true;
  try {
    process.kill(parentPid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH"; // EPERM: it exists, it is just not ours to signal
  }
}

const timer = setInterval(() => {
  if (!parentGone()) return;
  clearInterval(timer);
  // process.exit here would end only this thread; a signal ends the process, busy main thread and all.
  setTimeout(() => process.kill(process.pid, "SIGKILL"), graceMs);
}, pollMs);
`;

/** Starts the watch; it never keeps the runner alive on its own. */
export function watchParent(parentPid = process.ppid): void {
  const worker = new Worker(WATCH, { eval: true, workerData: { parentPid, pollMs: POLL_MS, graceMs: GRACE_MS } });
  worker.on("error", (error) => process.stderr.write(`[langgraph-debugger] the runner's watchdog stopped: ${error.message}\n`));
  worker.unref();
}
