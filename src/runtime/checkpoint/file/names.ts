/**
 * Where FileSaver keeps things inside its directory, and how a thread id becomes a file name. Any
 * id is safe: the name is a readable slug of the id (only `A-Z a-z 0-9 . _ -`, no leading dot, at
 * most 40 characters) followed by a hash of the id's exact UTF-16 code units, so `../x` or `a/b`
 * stay inside the directory, very long or non-ASCII ids get short names, and two ids differing
 * only in case or in characters the slug drops still get different files. The log's first line
 * records the full id, and a log whose id differs is never written to.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";

export const FORMAT = "langgraph-debugger/filesaver@1";
const SLUG_LENGTH = 40;
const HASH_LENGTH = 20;

export function threadFileStem(threadId: string): string {
  const slug =
    threadId
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^[._-]+/, "")
      .slice(0, SLUG_LENGTH) || "thread";
  const hash = createHash("sha256").update(Buffer.from(threadId, "utf16le")).digest("hex").slice(0, HASH_LENGTH);
  return `${slug}-${hash}`;
}

/** The paths of one FileSaver directory. */
export class StoreLayout {
  readonly directory: string;
  readonly registry: string;
  readonly threads: string;
  readonly locks: string;

  constructor(directory: string) {
    this.directory = path.resolve(directory);
    this.registry = path.join(this.directory, "registry.json");
    this.threads = path.join(this.directory, "threads");
    this.locks = path.join(this.directory, "locks");
  }

  threadLog(threadId: string): string {
    return path.join(this.threads, `${threadFileStem(threadId)}.jsonl`);
  }

  threadLock(threadId: string): string {
    return path.join(this.locks, `${threadFileStem(threadId)}.lock`);
  }

  get registryLock(): string {
    return path.join(this.locks, "registry.lock");
  }
}
