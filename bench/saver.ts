/**
 * Saver benchmark (issue 3). For a 1000-step chat thread with 230-byte messages: FileSaver's bytes
 * on disk against the raw messages (goal: at most 4x) and against LangGraph's SqliteSaver running
 * the same real LangGraph graph; FileSaver's time per step against our MemorySaver (goal: at most
 * 3x) and against the SqliteSaver; the last-200/first-200 step-time ratio (goal: at most 1.3); and
 * the time to read the whole history of a 10,000-step thread (goal: well under a second). Savers
 * are measured by direct `put` calls (no engine) and through real graphs, all in this process.
 * Run alone with `node --import tsx bench/saver.ts`.
 */
import * as path from "node:path";
import * as ours from "../src/runtime";
import { FileSaver } from "../src/runtime/checkpoint/file";
import { HistoryResult, historyReads } from "./saver-history";
import { SaverRun, STEPS, freshFileSaver, rawMessageBytes, removeTempDirs, runGraph, runPuts, tempDir } from "./saver-runs";

export interface SaverBenchResult {
  rawBytes: number;
  runs: SaverRun[];
  /** FileSaver on the real LangGraph graph: bytes / raw message bytes. */
  bytesVsRaw: number;
  /** SqliteSaver bytes / FileSaver bytes, both under the same real LangGraph graph. */
  sqliteVsFileBytes: number;
  /** FileSaver ms/step / our MemorySaver ms/step, through our engine. */
  timeVsMemory: number;
  /** FileSaver ms/step / SqliteSaver ms/step, through LangGraph's engine. */
  timeVsSqlite: number;
  /** FileSaver's last-200/first-200 step time through our engine. */
  lastToFirstRatio: number;
  history: HistoryResult;
}

async function sqliteSaver(): Promise<{ saver: unknown; directory: string }> {
  const { SqliteSaver } = await import("@langchain/langgraph-checkpoint-sqlite");
  const directory = tempDir();
  return { saver: SqliteSaver.fromConnString(path.join(directory, "checkpoints.sqlite")), directory };
}

export async function benchSaver(): Promise<SaverBenchResult> {
  const langgraph = await import("@langchain/langgraph");
  const langgraphLib = langgraph as unknown as typeof ours;
  const runs: SaverRun[] = [];
  type Make = () => { saver: unknown; directory?: string } | Promise<{ saver: unknown; directory?: string }>;
  /**
   * One warm-up of `warmSteps`, then `tries` runs, each on a fresh saver: the fastest, with the
   * smallest growth any of them showed (a collection pause late in one run only ever inflates it).
   */
  const measure = async (run: (saver: unknown, steps: number, directory?: string) => Promise<SaverRun>, make: Make, warmSteps: number, tries: number) => {
    await run((await make()).saver, warmSteps);
    let best: SaverRun | undefined;
    let flattest = Infinity;
    for (let i = 0; i < tries; i++) {
      const { saver, directory } = await make();
      const result = await run(saver, STEPS, directory);
      if (!best || result.msPerStep < best.msPerStep) best = result;
      flattest = Math.min(flattest, result.lastToFirstRatio);
    }
    const chosen = { ...best!, lastToFirstRatio: flattest };
    runs.push(chosen);
    return chosen;
  };
  const put = (label: string, make: Make, tries = 1) =>
    measure((saver, steps, directory) => runPuts(`put() only: ${label}`, saver as FileSaver, steps, directory), make, STEPS, tries);
  // Our engine's runs decide the time goal: a full-length warm-up and the best of three, as in bench/engine.ts.
  const ourGraph = (label: string, make: Make) =>
    measure((saver, steps, directory) => runGraph(`our engine + ${label}`, ours, saver, directory, steps), make, STEPS, 3);
  // LangGraph's runs are peers for bytes and a rough time (its SqliteSaver takes seconds per run).
  const theirGraph = (label: string, make: Make) =>
    measure((saver, steps, directory) => runGraph(`LangGraph.js + ${label}`, langgraphLib, saver, directory, steps), make, 200, 1);
  await put("our MemorySaver", () => ({ saver: new ours.MemorySaver() }));
  await put("FileSaver", () => freshFileSaver());
  await put("FileSaver, fsync always", () => freshFileSaver({ fsync: "always" }));
  await put("LangGraph SqliteSaver", sqliteSaver);
  const memoryOnOurs = await ourGraph("our MemorySaver", () => ({ saver: new ours.MemorySaver() }));
  const fileOnOurs = await ourGraph("FileSaver", () => freshFileSaver());
  await ourGraph("FileSaver, fsync always", () => freshFileSaver({ fsync: "always" }));
  const fileOnLangGraph = await theirGraph("FileSaver", () => freshFileSaver());
  const sqliteOnLangGraph = await theirGraph("SqliteSaver", sqliteSaver);
  await theirGraph("its MemorySaver", () => ({ saver: new langgraph.MemorySaver() }));

  const rawBytes = rawMessageBytes();
  const history = await historyReads();
  removeTempDirs();
  return {
    rawBytes,
    runs,
    bytesVsRaw: fileOnLangGraph.bytes! / rawBytes,
    sqliteVsFileBytes: sqliteOnLangGraph.bytes! / fileOnLangGraph.bytes!,
    timeVsMemory: fileOnOurs.msPerStep / memoryOnOurs.msPerStep,
    timeVsSqlite: fileOnLangGraph.msPerStep / sqliteOnLangGraph.msPerStep,
    lastToFirstRatio: fileOnOurs.lastToFirstRatio,
    history,
  };
}

export function printSaverBench(result: SaverBenchResult): void {
  const kb = (bytes?: number) => (bytes === undefined ? "" : `${(bytes / 1024).toFixed(0)} KB`);
  console.log(`saver: ${STEPS}-step chat thread, 230-byte messages (raw messages: ${kb(result.rawBytes)})`);
  console.table(
    result.runs.map((run) => ({
      run: run.label,
      "ms/step": run.msPerStep.toFixed(3),
      "last200/first200": run.lastToFirstRatio.toFixed(2),
      "on disk": kb(run.bytes),
      "x raw": run.bytes === undefined ? "" : (run.bytes / result.rawBytes).toFixed(1),
    })),
  );
  const x = (value: number) => `${value.toFixed(2)}x`;
  console.log(`FileSaver bytes / raw messages (LangGraph.js graph): ${x(result.bytesVsRaw)} (goal <= 4x)`);
  console.log(`SqliteSaver bytes / FileSaver bytes (same graph):    ${x(result.sqliteVsFileBytes)}`);
  console.log(`FileSaver / our MemorySaver, time per step (our engine): ${x(result.timeVsMemory)} (goal <= 3x)`);
  console.log(`FileSaver / SqliteSaver, time per step (LangGraph.js):   ${x(result.timeVsSqlite)}`);
  console.log(`FileSaver last200/first200 step time (our engine):      ${result.lastToFirstRatio.toFixed(2)} (goal <= 1.3)`);
  const h = result.history;
  console.log(`history of a ${h.steps}-step thread (${kb(h.bytes)} on disk): list() from a fresh FileSaver ${h.coldListMs.toFixed(0)} ms, again ${h.warmListMs.toFixed(0)} ms; our engine's getStateHistory ${h.engineHistoryMs.toFixed(0)} ms (goal: well under 1000 ms)`);
}

if (require.main === module) {
  benchSaver().then(printSaverBench, (error) => {
    console.error(error);
    process.exit(1);
  });
}
