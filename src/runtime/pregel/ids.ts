/**
 * Identifiers. Checkpoint ids are UUIDv6: they sort by time, so "newest first" is a string sort,
 * and their fourth group carries the step (0x8000 + step), as LangGraph's do. Task ids are
 * derived from the checkpoint, step and task path, so the same task planned twice from one
 * checkpoint (a resume) finds the writes it saved the first time.
 */
import { createHash, randomBytes } from "node:crypto";

/** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET = 122192928000000000n;
/** The UUID "node" field: random once per process, as a v6 id's node stands for its machine. */
const PROCESS_NODE = randomBytes(6).toString("hex");
let lastTicks = 0n;

export function checkpointId(step: number): string {
  let ticks = BigInt(Date.now()) * 10000n + GREGORIAN_OFFSET;
  if (ticks <= lastTicks) ticks = lastTicks + 1n;
  lastTicks = ticks;
  const hex = ticks.toString(16).padStart(15, "0");
  const clockSeq = ((0x8000 | step) & 0xffff).toString(16).padStart(4, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-6${hex.slice(12, 15)}-${clockSeq}-${PROCESS_NODE}`;
}

/** A name-based id in UUID form (like uuid5): the same parts always give the same id. */
export function derivedId(...parts: Array<string | number>): string {
  const hex = createHash("sha1").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An interrupt's id: 32 hex characters from its task and its place among the task's `interrupt()`
 * calls, so a re-run that asks again keeps the id ( and an answer keyed by it still finds the task), as in LangGraph.js.
 */
export function interruptId(taskId: string, index: number): string {
  return createHash("sha256").update(`interrupt:${taskId}:${index}`).digest("hex").slice(0, 32);
}
