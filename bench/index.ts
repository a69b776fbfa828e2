/**
 * `npm run bench`: every benchmark, each in a process of its own so one's warm caches and open
 * browsers do not colour the next. Each compares against a peer measured in the same run (the
 * real LangGraph.js, its SQLite saver, the graph run without the debugger), so the ratios hold on
 * any machine. A name on the command line runs only that one: `npm run bench -- saver`.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const BENCHMARKS = [
  { name: "engine", file: "engine.ts", what: "engine: 1000-step loop, ours vs LangGraph.js (issue 2)" },
  { name: "saver", file: "saver.ts", what: "FileSaver: bytes, time per step, history reads (issue 3)" },
  { name: "debugger", file: "debugger.ts", what: "debugger overhead and continue -> stopped latency (issue 4)" },
  { name: "panel", file: "panel.ts", what: "graph panel: ELK layout and highlight latency in Chromium (issue 5)" },
  { name: "checkpoints", file: "checkpoints-view.ts", what: "Checkpoints view: a 30,000-step thread, extension-host longest block and memory (issue 13)" },
  { name: "stops", file: "stops.ts", what: "per-stop cost over a 10,000-step run, first tenth of stops vs last (issue 13)" },
  { name: "state", file: "large-state.ts", what: "a 5 MB state at a stop: Variables and panel, from the stopped event (issue 13)" },
  { name: "workspace", file: "debugger-workspace.ts", what: "debugger overhead on the workspace engine vs LangGraph.js + MemorySaver (issue 12)" },
  { name: "first-stop", file: "first-stop.ts", what: "F5 to first stop on a real template, both engines (issue 12)" },
  { name: "studio", file: "studio-first-stop.ts", what: "first stop from start: our adapter (both engines) vs langgraphjs dev, the Studio backend (issue 12)" },
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const bench of BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  console.log(`\n=== ${bench.what}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, bench.file)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    console.log(`(${bench.name} exited with ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
