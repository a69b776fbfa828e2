/**
 * The registry, `registry.json`: a small lowdb document listing the threads of the directory with
 * their file, creation and last-update times, newest checkpoint per namespace, and an optional
 * name. It changes in place, so it is a lowdb document rather than a log. It is an index: the
 * thread logs are the truth, a thread whose log exists but whose entry is missing (a crash between
 * the two writes) is still listed, and heads may lag the logs by a moment, because updates after
 * each step are gathered and written at most every `intervalMs` (and when the process exits), so
 * a step does not pay for rewriting the registry. Writers read-modify-write it under a lock.
 * Being an index, a registry that is not valid JSON is not a reason to stop: it is moved aside
 * (kept, renamed, and said so on stderr) and the threads are listed from their logs, as when it
 * was deleted. Only the thread names it held are missing, and they are still in the moved file.
 */
import * as fs from "node:fs";
import { jsonErrorByte } from "./json-error";
import { FileLock, LockTiming } from "./lock";
import { StoreLayout } from "./names";
import { PrivateJsonFile } from "./private-files";

type LowdbCore = typeof import("lowdb", { with: { "resolution-mode": "import" } });
// lowdb is ESM-only; Node 20.19+ loads it with require, which keeps the registry synchronous.
const { LowSync } = require("lowdb") as LowdbCore;
type RegistryDocument = InstanceType<LowdbCore["LowSync"]> & { data: RegistryData };

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
    if (this.cached?.version !== version) this.cached = { version, data: this.readUnlocked() };
    return this.cached.data;
  }

  /** The registry read without the lock; an unreadable one is moved aside under the lock, when free. */
  private readUnlocked(): RegistryData {
    const opened = this.open();
    if ("db" in opened) return opened.db.data;
    // A writer holding the lock meets the same file and moves it aside itself.
    if (!this.lock.tryAcquire()) return emptyRegistry();
    try {
      return this.load().data; // read again: another process may have replaced it meanwhile
    } finally {
      this.lock.release();
    }
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

  /** The registry document, under the lock: an unreadable one is moved aside and a new one starts empty. */
  private load(): RegistryDocument {
    const opened = this.open();
    if ("db" in opened) return opened.db;
    this.setAside(opened.problem);
    return this.document();
  }

  private document(): RegistryDocument {
    return new LowSync<RegistryData>(new PrivateJsonFile<RegistryData>(this.layout.registry), emptyRegistry()) as RegistryDocument;
  }

  private open(): { db: RegistryDocument } | { problem: string } {
    const db = this.document();
    try {
      db.read();
    } catch (error) {
      return { problem: (error as Error).message };
    }
    if (typeof db.data !== "object" || db.data === null || typeof db.data.threads !== "object" || db.data.threads === null) {
      return { problem: "it has no `threads` object" };
    }
    return { db };
  }

  /** Keeps the unreadable registry under another name, so nothing in it is lost, and says so. */
  private setAside(problem: string): void {
    const registry = this.layout.registry;
    const text = safeRead(registry);
    const aside = `${registry}.invalid-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    try {
      fs.renameSync(registry, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // already gone: nothing to keep
      throw error;
    }
    process.stderr.write(
      `FileSaver: ${registry} is not valid${invalidAt(text)}: ${problem}. It was moved to ${aside}, and the threads are ` +
        `listed from their logs in ${this.layout.threads}, as for a deleted registry; thread names are in the moved file.\n`,
    );
  }
}

/** Where JSON text stops being valid, in words (nothing for valid JSON of the wrong shape). */
function invalidAt(text: string): string {
  try {
    JSON.parse(text);
    return "";
  } catch {
    return ` JSON at byte ${jsonErrorByte(text)}`;
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
