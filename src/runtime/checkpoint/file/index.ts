/**
 * FileSaver's public face: the saver, its options, the value types it can be taught, and the
 * errors a caller may want to tell apart (a value that cannot be stored, a damaged log, a lock
 * held too long by another process).
 */
export { FileSaver } from "./saver";
export type { FileSaverOptions, FsyncMode, ThreadInfo } from "./saver";
export type { CheckpointSummary, SummaryPage, SummaryPageOptions } from "./checkpoint-index";
export { UnstorableValueError } from "./codec";
export type { StorableType } from "./codec";
export { CorruptLogError } from "./log";
export { LockTimeoutError } from "./lock";
