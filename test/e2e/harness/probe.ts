/**
 * Reads what the test-only probe extension (test/e2e/probe) recorded about `langgraph` debug
 * sessions: the runner pid of each `process` event, stops and exits, one JSON object per line.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

export const PROBE_EXTENSION = path.join(__dirname, "..", "probe");

export interface ProbeEntry {
  time: number;
  session?: string;
  name?: string;
  event: string;
  body: Record<string, unknown>;
}

export class ProbeLog {
  constructor(readonly file: string) {}

  entries(): ProbeEntry[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as ProbeEntry);
  }

  /** Runner pids announced by the adapter (DAP `process` events), oldest first. */
  runnerPids(since = 0): number[] {
    return this.entries()
      .filter((entry) => entry.event === "process" && entry.time >= since)
      .map((entry) => Number(entry.body.systemProcessId));
  }

  /**
   * The pid of the newest runner announced since `since`, waiting up to 10 s for it (the probe
   * writes the event a moment after the adapter sends it).
   */
  async announcedRunner(since: number): Promise<number> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pids = this.runnerPids(since);
      if (pids.length > 0) return pids[pids.length - 1];
      if (Date.now() > deadline) throw new Error("the adapter announced no runner (DAP process event) within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
