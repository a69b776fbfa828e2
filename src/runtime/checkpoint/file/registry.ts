/**
 * The registry, `registry.json`: a small lowdb document listing the threads of the directory with
 * their file, creation and last-update times, newest checkpoint per namespace, and an optional
 * name. It changes in place, so it is a lowdb document rather than a log. It is an index: the
 * thread logs are the truth, a thread whose log exists but whose entry is missing (a crash between
 * the two writes) is still listed, and heads may lag the logs by a moment, because updates after
 * each step are gathered and written at most every `intervalMs` (and when the process exits), so
 * a step does not pay for rewriting the registry. Writers read-modify-write it under a lock.
 */
import * as fs from "node:fs";
import { jsonErrorByte } from "./json-error";
import { FileLock, LockTiming } from "./lock";
import { StoreLayout } from "./names";

type LowdbCore = typeof import("lowdb", { with: { "resolution-mode": "import" } });
type LowdbNode = typeof import("lowdb/node", { with: { "resolution-mode": "import" } });
// lowdb is ESM-only; Node 20.19+ loads it with require, which keeps the registry synchronous.
const { LowSync } = require("lowdb") as LowdbCore;
const { JSONFileSync } = require("lowdb/node") as LowdbNode;

export interface ThreadEntry {
  thread_id: string;
  /** The log's path relative to the directory. */
  file: string;
  created_at?: string;
  updated_at?: string;
  /** Newest checkpoint id per checkpoint namespace. */
  heads: Record<string, string>;
  name?: string;
}

export interface RegistryData {
  format: string;
  /** By log file stem (never by thread id: ids such as `__proto__` are unsafe object keys). */
  threads: Record<string, ThreadEntry>;
}

interface Patch {
  deleted?: boolean;
  entry?: ThreadEntry;
}

const live = new Set<Registry>();
let exitHookInstalled = false;

export class Registry {
  private readonly lock: FileLock;
  private readonly pending = new Map<string, Patch>();
  private timer?: NodeJS.Timeout;
  private lastWrite = 0;
  private cached?: { version: string; data: RegistryData };

  constructor(
    private readonly layout: StoreLayout,
    timing: LockTiming,
    private readonly intervalMs = 200,
  ) {
    this.lock = new FileLock(layout.registryLock, `the registry ${layout.registry}`, timing);
    installExitHook();
  }

  /** The registry as on disk now (read again only when the file changed). */
  read(): RegistryData {
    let version: string;
    try {
      const stat = fs.statSync(this.layout.registry);
      version = `${stat.ino}:${stat.size}:${stat.mtimeMs}`; // each write replaces the file (new inode)
    } catch {
      return emptyRegistry();
    }
    if (this.cached?.version !== version) this.cached = { version, data: this.load().data };
    return this.cached.data;
  }

  /** Records that a thread's log changed; written soon, gathered with other changes. */
  note(stem: string, patch: Patch): void {
    const before = this.pending.get(stem);
    if (before?.entry && patch.entry && !patch.entry.created_at) {
      patch = { entry: { ...before.entry, ...patch.entry, heads: { ...before.entry.heads, ...patch.entry.heads } } };
    }
    this.pending.set(stem, patch);
    live.add(this);
    if (this.timer) return;
    const wait = Math.max(0, this.lastWrite + this.intervalMs - Date.now());
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), wait);
    this.timer.unref();
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0 || this.storeIsGone()) return;
    if (!this.lock.tryAcquire()) await this.lock.acquire();
    try {
      this.writePending();
    } finally {
      this.lock.release();
    }
  }

  /** Sets a thread's name (written at once). */
  async rename(stem: string, threadId: string, file: string, name: string | undefined): Promise<void> {
    this.note(stem, { entry: { thread_id: threadId, file, heads: {}, name } });
    await this.flush();
  }

  releaseLock(): void {
    this.lock.releaseFile();
  }

  /** Called at process exit: writes what is pending if the lock is free right now. */
  flushSync(): void {
    if (this.pending.size === 0 || this.storeIsGone() || !this.lock.tryAcquire()) return;
    try {
      this.writePending();
    } catch {
      // the logs hold the truth; the registry catches up on the next write
    } finally {
      this.lock.release();
      this.lock.releaseFile();
    }
  }

  private writePending(): void {
    const db = this.load();
    for (const [stem, patch] of this.pending) {
      const entry = db.data.threads[stem];
      if (patch.deleted) delete db.data.threads[stem];
      else if (patch.entry) db.data.threads[stem] = merge(patch.entry.created_at ? undefined : entry, patch.entry);
    }
    this.pending.clear();
    live.delete(this);
    db.write();
    this.lastWrite = Date.now();
    this.cached = undefined;
  }

  /** The directory was removed (with its threads): there is nothing left to index. */
  private storeIsGone(): boolean {
    if (fs.existsSync(this.layout.directory)) return false;
    this.pending.clear();
    live.delete(this);
    return true;
  }

  private load() {
    const db = new LowSync<RegistryData>(new JSONFileSync<RegistryData>(this.layout.registry), emptyRegistry());
    try {
      db.read();
    } catch (error) {
      throw this.unreadable((error as Error).message);
    }
    if (typeof db.data !== "object" || db.data === null || typeof db.data.threads !== "object" || db.data.threads === null) {
      throw this.unreadable("it has no `threads` object");
    }
    return db;
  }

  private unreadable(reason: string): Error {
    const text = safeRead(this.layout.registry);
    let at = "";
    try {
      JSON.parse(text);
    } catch {
      at = ` at byte ${jsonErrorByte(text)}`;
    }
    return new Error(
      `FileSaver cannot read ${this.layout.registry}${at}: ${reason}. The file was left as it is. The thread logs in ` +
        `${this.layout.threads} are intact: move the registry away and FileSaver lists the threads from them ` +
        `(thread names are lost).`,
    );
  }
}

function merge(existing: ThreadEntry | undefined, update: ThreadEntry): ThreadEntry {
  if (!existing) return update;
  const heads = { ...existing.heads };
  for (const [ns, id] of Object.entries(update.heads)) if (!(heads[ns] >= id)) heads[ns] = id;
  const newer = (a?: string, b?: string) => (a === undefined || (b !== undefined && b > a) ? b : a);
  return { ...existing, ...update, heads, updated_at: newer(existing.updated_at, update.updated_at), name: "name" in update ? update.name : existing.name };
}

function emptyRegistry(): RegistryData {
  return { format: "langgraph-debugger/filesaver-registry@1", threads: {} };
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const registry of live) registry.flushSync();
  });
}
