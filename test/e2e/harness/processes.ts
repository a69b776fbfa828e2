/**
 * The machine's process list, read from /proc: which processes descend from the code-server we
 * started, whether a process still exists, and how to end a whole tree. The end-to-end tests use
 * it to prove that a debug session leaves no runner behind, and the harness uses it so that a
 * failed run never leaves a server, an extension host or a runner alive on a shared machine.
 */
import { readFileSync, readdirSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

/** Every process we can read, with its parent and command line. */
export function processList(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in `stat` is in parentheses and may hold spaces: the ppid follows the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const command = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ").trim();
      list.push({ pid: Number(name), ppid, command });
    } catch {
      // the process ended while we read it
    }
  }
  return list;
}

/** The processes below `root` (children, grandchildren, ...), not `root` itself. */
export function descendants(root: number, list = processList()): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = list.filter((candidate) => frontier.includes(candidate.ppid));
    found.push(...children);
    frontier = children.map((child) => child.pid);
  }
  return found;
}

/** Whether a process with this id exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Runner processes (our `runner.js`) below `root`. */
export function runnersBelow(root: number): ProcessInfo[] {
  return descendants(root).filter((info) => /\brunner\.js\b/.test(info.command));
}

/** Polls `check` every 100 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Ends `root` and everything below it: SIGTERM first so code-server can close its sockets, SIGKILL
 * to whatever is left after `graceMs`. The tree is read before the first signal, because children
 * re-parented to init would no longer be found under `root`.
 */
export async function killTree(root: number, graceMs = 3000): Promise<void> {
  const tree = [root, ...descendants(root).map((info) => info.pid)];
  signal(root, "SIGTERM");
  await eventually(() => tree.every((pid) => !isAlive(pid)), graceMs);
  for (const pid of tree) if (isAlive(pid)) signal(pid, "SIGKILL");
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** CPU time (user + system) a process has used so far, in clock ticks (usually 1/100 s). */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime and stime: fields 14 and 15 of stat(5)
  } catch {
    return 0;
  }
}

/**
 * Waits until `pid` is busy: at least `share` of one core over a 500 ms window, which is how a
 * node spinning in a loop that never awaits shows from outside.
 */
export async function waitBusy(pid: number, timeoutMs: number, share = 0.6): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpuTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuTicks(pid) - before >= share * 50) return true;
  }
  return false;
}

/** SIGKILLs `root` and everything below it at once: for `process.on("exit")`, where nothing can wait. */
export function killTreeNow(root: number): void {
  for (const pid of [root, ...descendants(root).map((info) => info.pid)]) signal(pid, "SIGKILL");
}
