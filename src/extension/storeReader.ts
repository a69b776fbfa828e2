/**
 * Reads a checkpoint store (`.langgraph/` in the workspace, or a session's `checkpointDir`) for the
 * Checkpoints view, the graph panel and the launch pickers, through the store-reader process
 * (src/storeReader): the extension host never parses a thread's log nor loads a module of the
 * workspace, and a long thread costs it one page of small entries. The process is started on first
 * use, kept while reads come, and let go after a quiet minute; it never holds the host open. Reading
 * takes no lock and writes nothing, so it is safe next to a running graph.
 */
import { ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { HISTORY_PAGE_SIZE, type HistoryPage } from "../protocol/history";
import type { StoreReaderMethod, StoreReaderMethods, StoreReaderResponse, StoredThread } from "../protocol/storeReader";

export type { StoredThread };

/** A quiet reader process is let go after this long (it starts again in a few tens of ms). */
const IDLE_MS = 60_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class StoreReaderProcess {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = IDLE_MS) {}

  /** The process id while one runs (tests and the bench look at it). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  request<M extends StoreReaderMethod>(method: M, params: StoreReaderMethods[M]["params"]): Promise<StoreReaderMethods[M]["result"]> {
    const child = this.child ?? this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      holdOpen(child, true);
      child.send({ id, method, params });
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    const child = this.child;
    if (!child) return;
    this.fail(child, "the extension is closing");
    child.kill();
  }

  private start(): ChildProcess {
    const entry = readerEntry();
    // An explicit execArgv: the host's own flags (an inspector port, say) must not pass on.
    const child = fork(entry.file, [], {
      cwd: path.dirname(entry.file),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
      execArgv: entry.execArgv,
      // Its stderr (a crash's stack) goes to the host's log; a pipe would hold the host's event loop open.
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.on("message", (message: StoreReaderResponse) => this.settle(message));
    // A send on a channel that just closed is reported here, not thrown: fail what waits, start anew next time.
    child.on("error", (error) => this.fail(child, error.message));
    child.on("exit", (code, signal) => this.fail(child, `it stopped (${signal ?? `exit code ${code}`})`));
    this.child = child;
    return child;
  }

  /** The current process failed: what waits on it fails too. (One let go while quiet has nothing waiting.) */
  private fail(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(new Error(`The checkpoint store reader failed: ${why}.`));
    }
  }

  /** Lets a quiet process go: it exits when its channel closes; the next request starts another. */
  private letGo(child: ChildProcess): void {
    if (this.child === child) this.child = undefined;
    if (child.connected) child.disconnect();
  }

  private settle(message: StoreReaderResponse): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new Error(message.error));
    if (this.pending.size > 0 || !this.child) return;
    holdOpen(this.child, false);
    const child = this.child;
    this.idleTimer = setTimeout(() => this.letGo(child), this.idleMs);
    this.idleTimer.unref();
  }
}

/** While an answer is awaited the process and its channel keep the host's event loop alive; else not. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  if (hold) {
    child.ref();
    child.channel?.ref?.();
  } else {
    child.unref();
    child.channel?.unref?.();
  }
}

/** The built reader beside this file (`dist/`), or its TypeScript source run through tsx (tests). */
function readerEntry(): { file: string; execArgv: string[] } {
  const built = path.join(__dirname, "storeReader.js");
  if (existsSync(built)) return { file: built, execArgv: [] };
  const tsxHook = "tsx/cjs"; // a development dependency, resolved only when running from source
  return { file: path.join(__dirname, "..", "storeReader", "main.ts"), execArgv: ["--require", require.resolve(tsxHook)] };
}

/** The one reader process the extension's views share. */
export const storeReader = new StoreReaderProcess();

/** The threads in `checkpointDir`, most recently written first; none when the folder does not exist. */
export function listStoredThreads(checkpointDir: string): Promise<StoredThread[]> {
  return storeReader.request("listThreads", { checkpointDir });
}

/**
 * A page of one thread's checkpoints, newest first, linked by `parentId`: the newest `limit` of the
 * root graph older than `before`, then the checkpoints of the subgraph runs under them, each with
 * its namespace and the checkpoints of the graphs it ran under.
 */
export function readStoredHistory(checkpointDir: string, threadId: string, page: { limit?: number; before?: string } = {}): Promise<HistoryPage> {
  const { limit = HISTORY_PAGE_SIZE, before } = page;
  return storeReader.request("history", { checkpointDir, threadId, limit, ...(before ? { before } : {}) });
}
