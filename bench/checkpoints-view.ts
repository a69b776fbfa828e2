/**
 * Checkpoints view benchmark (issue 13). A 30,000-step chat thread with 2 KB messages (a 75 MB log,
 * bench/long-thread.ts) is opened the way the Checkpoints view opens it (the threads, the newest
 * page, the tree, then "Load more" once, then a refresh), in a fresh process standing in for the
 * extension host. Measured there: the longest stretch its event loop was blocked (perf_hooks'
 * monitorEventLoopDelay at 1 ms resolution, cross-checked by the largest gap of a 1 ms timer), its
 * peak RSS (the kernel's high-water mark) and heap, and how long each step took; and the store
 * reader process's own peak RSS. The peer, in the same run and on the same store: the path before
 * issue 13, the whole history read inside the host through FileSaver.list (every checkpoint built
 * with its values) and laid out as one tree. Goal: the host never blocked more than 50 ms.
 * Run alone: `node --import tsx bench/checkpoints-view.ts` (`--steps N` for another length).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { checkpointTree } from "../src/extension/checkpointTree";
import { listStoredThreads, storeReader } from "../src/extension/storeReader";
import { ThreadPages, storePages } from "../src/extension/threadPages";
import type { CheckpointSourceView, HistoryEntry } from "../src/protocol/debug";
import { FileSaver } from "../src/runtime/checkpoint/file";
import type { CheckpointTuple } from "../src/runtime/checkpoint/types";
import { writers } from "../src/runner/views";
import { THREAD_ID, longThread } from "./long-thread";

const BLOCK_GOAL_MS = 50;
const MB = 1024 * 1024;

type Mode = "after" | "before";

interface Measured {
  mode: Mode;
  /** Milliseconds per step of the opening, by name. */
  steps: Record<string, number>;
  checkpointsShown: number;
  longestBlockMs: number;
  longestTimerGapMs: number;
  baselineRssMB: number;
  peakRssMB: number;
  peakHeapMB: number;
  readerPeakRssMB?: number;
}

/** Samples what can only be sampled: the largest gap of a 1 ms timer, and the heap's high point. */
function sampler() {
  let last = performance.now();
  let gap = 0;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last - 1);
    last = now;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 1);
  return {
    note: () => (heap = Math.max(heap, process.memoryUsage().heapUsed)),
    stop: () => {
      clearInterval(timer);
      return { gap, heap };
    },
  };
}

/** The Checkpoints view's own path: store reader process, pages, tree. */
interface Opened {
  steps: Record<string, number>;
  shown: number;
  readerPeakRssMB?: number;
}

async function openAsTheViewDoes(directory: string, note: () => void): Promise<Opened> {
  const steps: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    steps[name] = performance.now() - started;
    note();
    return result;
  };
  const [thread] = await timed("list threads", () => listStoredThreads(directory));
  const pages = new ThreadPages();
  const source = storePages(directory, thread.threadId);
  await timed("open the thread (newest page + tree)", async () => checkpointTree((await pages.newest(source)).entries, { showNext: false }));
  await timed("Load more (older page + tree)", async () => checkpointTree((await pages.older(source))!.entries, { showNext: false }));
  const again = await timed("refresh (newest page again + tree)", async () => {
    const loaded = await pages.newest(source);
    checkpointTree(loaded.entries, { showNext: false });
    return loaded;
  });
  return { steps, shown: again.entries.length, readerPeakRssMB: peakRssOf(storeReader.pid) };
}

/** Before issue 13: the whole history read in the host (storeReader.ts of then), one tree of it. */
async function openAsBefore(directory: string, note: () => void): Promise<Opened> {
  const started = performance.now();
  const saver = new FileSaver(directory);
  const tuples: CheckpointTuple[] = [];
  for await (const tuple of saver.list({ configurable: { thread_id: THREAD_ID } })) tuples.push(tuple);
  note();
  const byId = new Map(tuples.map((tuple) => [tuple.checkpoint.id, tuple]));
  const entries = tuples.map((tuple): HistoryEntry => {
    const parentId = tuple.parentConfig?.configurable?.checkpoint_id;
    const source = (tuple.metadata?.source ?? "loop") as CheckpointSourceView;
    const writtenBy = writers(source, tuple.metadata ?? {}, tuple, parentId ? byId.get(parentId) : undefined);
    return { checkpointId: tuple.checkpoint.id, ...(parentId ? { parentId } : {}), step: tuple.metadata?.step ?? 0, source, writtenBy, next: [], createdAt: tuple.checkpoint.ts };
  });
  checkpointTree(entries, { showNext: false });
  note();
  await saver.close();
  return { steps: { "open the thread (whole history + tree)": performance.now() - started }, shown: entries.length };
}

/** A process's peak RSS in MB from /proc (Linux), while it runs. */
function peakRssOf(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function measure(mode: Mode, directory: string): Promise<Measured> {
  const baselineRssMB = process.memoryUsage().rss / MB;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const samples = sampler();
  // The delay monitor records from its second tick on: let both samplers start before the work does.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const opened: Opened = await (mode === "after" ? openAsTheViewDoes : openAsBefore)(directory, samples.note);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler see the last stretch end
  delay.disable();
  const { gap, heap } = samples.stop();
  return {
    mode, steps: opened.steps, checkpointsShown: opened.shown, longestBlockMs: delay.max / 1e6, longestTimerGapMs: gap,
    baselineRssMB, peakRssMB: process.resourceUsage().maxRSS / 1024, peakHeapMB: heap / MB,
    ...(opened.readerPeakRssMB !== undefined ? { readerPeakRssMB: opened.readerPeakRssMB } : {}),
  };
}

/** Each path in a fresh process; the old one gets room to build 30,000 checkpoints' values. */
function measureInProcess(mode: Mode, directory: string): Measured {
  const run = spawnSync(process.execPath, ["--max-old-space-size=16384", "--import", "tsx", __filename, "--measure", mode, directory], { encoding: "utf8", maxBuffer: 16 * MB });
  if (run.status !== 0) throw new Error(`the ${mode} run failed (${run.status ?? run.signal}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Measured;
}

function report(measured: Measured, label: string): void {
  console.log(`\n${label}`);
  for (const [step, ms] of Object.entries(measured.steps)) console.log(`  ${step.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms`);
  console.log(`  checkpoints shown                        ${String(measured.checkpointsShown).padStart(7)}`);
  console.log(`  longest event-loop block                 ${measured.longestBlockMs.toFixed(1).padStart(7)} ms  (1 ms timer's largest gap: ${measured.longestTimerGapMs.toFixed(1)} ms)`);
  console.log(`  peak RSS                                 ${measured.peakRssMB.toFixed(0).padStart(7)} MB  (before opening: ${measured.baselineRssMB.toFixed(0)} MB; peak heap ${measured.peakHeapMB.toFixed(0)} MB)`);
  if (measured.readerPeakRssMB !== undefined) console.log(`  store reader process peak RSS            ${measured.readerPeakRssMB.toFixed(0).padStart(7)} MB`);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--measure");
  if (at !== -1) {
    const result = await measure(process.argv[at + 1] as Mode, process.argv[at + 2]);
    storeReader.dispose();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const stepsAt = process.argv.indexOf("--steps");
  const fixture = await longThread(stepsAt === -1 ? 30_000 : Number(process.argv[stepsAt + 1]));
  console.log(`Thread of ${fixture.steps} steps, 2 KB messages: ${(fixture.logBytes / MB).toFixed(1)} MB log, ${fixture.written ? `written in ${(fixture.writeMs / 1000).toFixed(1)} s` : "reused"} (${fixture.directory})`);
  const after = measureInProcess("after", fixture.directory);
  report(after, "Checkpoints view, now (store reader process, pages of 200):");
  const before = measureInProcess("before", fixture.directory);
  report(before, "Before issue 13 (whole history read in the extension host):");
  const blockOk = after.longestBlockMs <= BLOCK_GOAL_MS;
  console.log(`\nlongest block: ${after.longestBlockMs.toFixed(1)} ms vs ${before.longestBlockMs.toFixed(0)} ms before (${(after.longestBlockMs / before.longestBlockMs).toFixed(4)}x); goal <= ${BLOCK_GOAL_MS} ms: ${blockOk ? "met" : "MISSED"}`);
  console.log(`peak RSS of the host: ${after.peakRssMB.toFixed(0)} MB vs ${before.peakRssMB.toFixed(0)} MB before (${(after.peakRssMB / before.peakRssMB).toFixed(3)}x)`);
  if (!blockOk) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
