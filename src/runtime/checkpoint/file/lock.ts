/**
 * A lock shared by processes: a file created with O_EXCL that names its holder (pid, host, process
 * start time). Two writers on one thread never interleave records because both take the thread's
 * lock first. A lock whose holder died (its pid is gone, a zombie, or reused by a process that
 * started later) is broken by the next process that wants it; breaking goes through a second
 * `.break` file so two processes cannot both break it and then remove each other's fresh lock.
 *
 * Creating and removing a file costs about as much as the append itself, so a process keeps a lock
 * file for a short while after its last use (`lingerMs`) and reuses it; after `maxHoldMs` of
 * continuous holding it lets go for a moment so other processes get their turn. Within one process
 * the lock is a plain queue. Lock files still held when the process exits are removed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FILE_MODE, makePrivateFolder } from "./private-files";

export interface LockTiming {
  /** How long `acquire` waits before failing. */
  timeoutMs: number;
  /** How long an unused lock file is kept for reuse. */
  lingerMs: number;
  /** After holding the lock file this long, give it up once so others can take it. */
  maxHoldMs: number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = { timeoutMs: 15_000, lingerMs: 100, maxHoldMs: 2_000 };

interface Holder {
  pid: number;
  host: string;
  started: string | null;
  since: string;
}

/** What this process knows about one lock path (shared by every FileSaver of the process). */
interface Slot {
  fileHeld: boolean;
  heldSince: number;
  inUse: boolean;
  waiters: Array<() => void>;
  lingerTimer?: NodeJS.Timeout;
  lastUsed: number;
  cooldownUntil: number;
  /** Who in this process wrote last while the lock file has been held without a break. */
  lastWriter?: object;
}

const slots = new Map<string, Slot>();
const BREAK_STALE_MS = 5_000;
const COOLDOWN_MS = 15;
let exitHookInstalled = false;

export class LockTimeoutError extends Error {
  constructor(readonly file: string, what: string, waitedMs: number) {
    const holder = readHolder(file);
    const by = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.since})` : "another process";
    super(
      `Timed out after ${Math.round(waitedMs / 1000)} s waiting for ${what}: the lock ${file} is held by ${by}. ` +
        `If that process is gone, delete the lock file.`,
    );
    this.name = "LockTimeoutError";
  }
}

export class FileLock {
  private readonly slot: Slot;

  constructor(
    readonly file: string,
    private readonly what: string,
    private readonly timing: LockTiming = DEFAULT_LOCK_TIMING,
  ) {
    const key = path.resolve(file);
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { fileHeld: false, heldSince: 0, inUse: false, waiters: [], lastUsed: 0, cooldownUntil: 0 }));
    this.slot = slot;
    installExitHook();
  }

  /** Takes the lock if that needs no waiting. */
  tryAcquire(): boolean {
    const slot = this.slot;
    if (slot.inUse) return false;
    if (slot.fileHeld) {
      slot.inUse = true; // the linger timer, if armed, sees it in use and leaves the file
      return true;
    }
    if (Date.now() < slot.cooldownUntil) return false;
    if (!createLockFile(this.file) && !(breakIfStale(this.file) && createLockFile(this.file))) return false;
    slot.fileHeld = true;
    slot.heldSince = Date.now();
    slot.inUse = true;
    return true;
  }

  async acquire(): Promise<void> {
    const started = Date.now();
    let delay = 1;
    while (!this.tryAcquire()) {
      const waited = Date.now() - started;
      if (waited > this.timing.timeoutMs) throw new LockTimeoutError(this.file, this.what, waited);
      if (this.slot.inUse) {
        await new Promise<void>((resolve) => this.slot.waiters.push(resolve));
      } else {
        await sleep(delay * (0.5 + Math.random()));
        delay = Math.min(delay * 2, 10);
      }
    }
  }

  release(): void {
    const slot = this.slot;
    slot.inUse = false;
    slot.lastUsed = Date.now();
    if (slot.fileHeld && slot.lastUsed - slot.heldSince > this.timing.maxHoldMs) {
      this.releaseFile();
      slot.cooldownUntil = slot.lastUsed + COOLDOWN_MS;
    } else if (slot.fileHeld && !slot.lingerTimer) {
      this.lingerFor(this.timing.lingerMs);
    }
    slot.waiters.shift()?.();
  }

  /** Gives the lock file back now (when nobody in this process is using it). */
  releaseFile(): void {
    const slot = this.slot;
    clearTimeout(slot.lingerTimer);
    slot.lingerTimer = undefined;
    if (slot.inUse || !slot.fileHeld) return;
    slot.fileHeld = false;
    slot.lastWriter = undefined;
    removeQuietly(this.file);
  }

  /** Notes that `writer` appended under this lock (see `untouchedSince`). */
  wroteAs(writer: object): void {
    this.slot.lastWriter = writer;
  }

  /**
   * True when `writer` was the last to write and the lock file has been ours ever since: then no
   * one else can have changed what the lock guards, and the writer may skip checking.
   */
  untouchedSince(writer: object): boolean {
    return this.slot.fileHeld && this.slot.lastWriter === writer;
  }

  /** One timer per idle spell, not one per use: it gives the file back once unused for lingerMs. */
  private lingerFor(ms: number): void {
    const slot = this.slot;
    slot.lingerTimer = setTimeout(() => {
      slot.lingerTimer = undefined;
      if (slot.inUse) return; // release() arms it again
      const idle = Date.now() - slot.lastUsed;
      if (idle >= this.timing.lingerMs) this.releaseFile();
      else this.lingerFor(this.timing.lingerMs - idle);
    }, ms);
    slot.lingerTimer.unref();
  }
}

function createLockFile(file: string): boolean {
  const holder: Holder = { pid: process.pid, host: os.hostname(), started: processStart(process.pid), since: new Date().toISOString() };
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "ENOENT") throw error;
    makePrivateFolder(path.dirname(file));
    return createLockFile(file);
  }
  try {
    fs.writeSync(fd, JSON.stringify(holder));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** Removes the lock if its holder is dead; true if the lock is gone now. */
function breakIfStale(file: string): boolean {
  const seen = readText(file);
  if (seen === undefined) return true;
  if (!isStale(seen, file)) return false;
  const breaker = `${file}.break`;
  try {
    fs.closeSync(fs.openSync(breaker, "wx", FILE_MODE));
  } catch {
    if (ageMs(breaker) > BREAK_STALE_MS) removeQuietly(breaker);
    return false;
  }
  try {
    if (readText(file) === seen) removeQuietly(file);
    return true;
  } finally {
    removeQuietly(breaker);
  }
}

function isStale(text: string, file: string): boolean {
  const holder = parseHolder(text);
  if (!holder) return ageMs(file) > BREAK_STALE_MS; // being written right now, or left half-written by a crash
  if (holder.host !== os.hostname()) return false; // cannot see other machines' processes
  if (!processAlive(holder.pid)) return true;
  return holder.started !== null && processStart(holder.pid) !== holder.started;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return processState(pid) !== "Z"; // a killed child its parent has not reaped yet is dead
}

/** Linux's /proc/<pid>/stat fields after the command name: state, ppid, ..., starttime (22nd). */
function procStat(pid: number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function processState(pid: number): string | undefined {
  return procStat(pid)?.[0];
}

function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

function readHolder(file: string): Holder | undefined {
  const text = readText(file);
  return text === undefined ? undefined : parseHolder(text);
}

function parseHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [file, slot] of slots) {
      if (!slot.fileHeld) continue;
      removeQuietly(file);
      slot.fileHeld = false;
      slot.inUse = false;
    }
  });
}
