/**
 * Graph panel benchmark, in Debian's Chromium on the built panel (the same harness as the browser
 * tests): ELK layout time in the worker for 30, 100 and 500 nodes; the time from a `graphState`
 * message to its highlights being painted, against a full layout of the same graph as the peer;
 * and how responsive the UI thread stays while the 500-node graph lays out, against the same ELK
 * layout run on the UI thread; and expanding (then collapsing) a 40-node subgraph inside a 100-node
 * graph, against laying out the same graph from its message. Run alone with `node --import tsx bench/panel.ts`, or call
 * `benchPanel()` from bench/index.ts.
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphView } from "../src/protocol/debug";
import type { HostToPanel } from "../src/protocol/panel";
import { buildScene, layoutInput } from "../webview/graph/scene";
import { toElkGraph } from "../webview/layout/model";
import { closeBrowser, openPanel, type PanelPage } from "../test/webview/harness";
import { syntheticGraph } from "../test/webview/fixtures";

export interface PanelBenchResult {
  /** Median ms per size: ELK inside the worker, and message-to-drawn (layout, drawing and a frame). */
  layout: { nodes: number; workerMs: number; messageToDrawnMs: number; runs: number }[];
  /** Median ms from a graphState message to the frame that shows its highlights, per graph size. */
  highlights: { nodes: number; toFrameMs: number; runs: number; peerLayoutMs: number; ratio: number }[];
  /** Longest UI-thread gap (ms) while the 500-node graph lays out, in the worker and on the UI thread. */
  responsiveness: { nodes: number; handleMs: number; workerMaxGapMs: number; workerLongTasks: number; mainThreadMaxGapMs: number; ratio: number };
  /** Median ms from a click on a subgraph's expander to the new drawing (and a frame), against a layout of the collapsed graph from its message. */
  expand: { nodes: number; innerNodes: number; expandMs: number; expandWorkerMs: number; collapseMs: number; peerLayoutMs: number; ratio: number; runs: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number) => Math.round(value * 10) / 10;
const ratio = (part: number, whole: number) => Number((part / whole).toFixed(3));

/** What starts a new drawing: a graph message, or a click on a subgraph's expander. */
type Redraw = { graph: GraphView } | { expander: string };

/** Does `what` and resolves with the worker's layout time and the time until it is drawn and a frame passed. */
async function timedRedraw(panel: PanelPage, what: Redraw): Promise<{ workerMs: number; toDrawnMs: number }> {
  return panel.page.evaluate(async (action) => {
    const pane = document.querySelector(".graph-pane")!;
    let workerMs = 0;
    const drawn = new Promise<void>((done) => {
      pane.addEventListener("graph-layout-done", (event) => { workerMs = (event as CustomEvent<{ layoutMs: number }>).detail.layoutMs; }, { once: true });
      pane.addEventListener("graph-drawn", () => done(), { once: true });
    });
    const started = performance.now();
    if ("graph" in action) window.postMessage({ type: "graph", graph: action.graph }, "*");
    else document.querySelector(`[data-expander="${CSS.escape(action.expander)}"]`)!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await drawn;
    await new Promise((done) => requestAnimationFrame(done));
    return { workerMs, toDrawnMs: performance.now() - started };
  }, what as unknown as Redraw);
}

/** Sends a new graph and resolves with the worker's layout time and the time until it is drawn and a frame passed. */
async function layoutOnce(panel: PanelPage, graph: GraphView): Promise<{ workerMs: number; messageToDrawnMs: number }> {
  const { workerMs, toDrawnMs } = await timedRedraw(panel, { graph });
  return { workerMs, messageToDrawnMs: toDrawnMs };
}

/** A synthetic graph whose middle node is itself a compiled graph of `inner` nodes; returns it and that node's id. */
function nestedGraph(outer: number, inner: number, prefix: string): { graph: GraphView; group: string } {
  const graph = syntheticGraph(outer, prefix);
  const group = graph.nodes[1 + Math.floor(outer / 2)];
  group.subgraph = syntheticGraph(inner, `${prefix}_in`);
  return { graph, group: group.id };
}

/** Clicks the expander of `group`: the expand (or collapse) and its new layout, timed. */
function toggleOnce(panel: PanelPage, group: string): Promise<{ workerMs: number; toDrawnMs: number }> {
  return timedRedraw(panel, { expander: group });
}

async function benchExpand(panel: PanelPage): Promise<PanelBenchResult["expand"]> {
  const runs = 5;
  const { graph, group } = nestedGraph(100, 40, "nest");
  await layoutOnce(panel, nestedGraph(100, 40, "warm").graph);
  const peer = await layoutOnce(panel, graph);
  const expands: { workerMs: number; toDrawnMs: number }[] = [];
  const collapses: number[] = [];
  for (let run = 0; run < runs; run++) {
    expands.push(await toggleOnce(panel, group));
    collapses.push((await toggleOnce(panel, group)).toDrawnMs);
  }
  const expandMs = median(expands.map((e) => e.toDrawnMs));
  return {
    nodes: 100, innerNodes: 40, runs, expandMs: round(expandMs), expandWorkerMs: round(median(expands.map((e) => e.workerMs))),
    collapseMs: round(median(collapses)), peerLayoutMs: round(peer.messageToDrawnMs), ratio: ratio(expandMs, peer.messageToDrawnMs),
  };
}

/** A stop that makes node `index` next and its predecessor part of the path. */
function stopAtNode(graph: GraphView, index: number): HostToPanel {
  const node = graph.nodes[1 + index].id;
  const checkpointId = `bench-${index}`;
  return {
    type: "graphState",
    state: {
      threadId: "bench", checkpointId, headCheckpointId: checkpointId, stop: "breakpoint-before", running: [],
      snapshot: { threadId: "bench", checkpointId, values: { step: index }, next: [node], tasks: [], metadata: { source: "loop", step: index }, createdAt: new Date(0).toISOString() },
    },
  };
}

async function highlightOnce(panel: PanelPage, message: HostToPanel): Promise<number> {
  return panel.page.evaluate(async (m) => {
    const stats = (window as unknown as { __langgraphPanel: { stats: { highlightPasses: number } } }).__langgraphPanel.stats;
    const before = stats.highlightPasses;
    const started = performance.now();
    window.postMessage(m, "*");
    // The message is handled in its own task; the next animation frame after it is the one that paints.
    await new Promise((done) => setTimeout(done, 0));
    await new Promise((done) => requestAnimationFrame(done));
    if (stats.highlightPasses === before) throw new Error("the graphState message did not repaint highlights");
    return performance.now() - started;
  }, message as unknown);
}

/** Installs a probe in the page: the longest gap between 4 ms timer ticks, and the long tasks seen. */
const GAP_PROBE = `(() => {
  const probe = { maxGap: 0, longTasks: 0, last: performance.now(), timer: 0, observer: null };
  probe.timer = setInterval(() => { const now = performance.now(); probe.maxGap = Math.max(probe.maxGap, now - probe.last); probe.last = now; }, 4);
  try { probe.observer = new PerformanceObserver((list) => { probe.longTasks += list.getEntries().length; }); probe.observer.observe({ entryTypes: ["longtask"] }); } catch {}
  window.__gapProbe = probe;
})()`;

/**
 * Sends the graph as a synchronous message event (so its handling time is measured on its own),
 * then records the longest gap between timer ticks from the first tick after the layout request
 * left for the worker until the worker answered.
 */
async function workerResponsiveness(panel: PanelPage, graph: GraphView): Promise<{ handleMs: number; maxGapMs: number; longTasks: number }> {
  await panel.page.evaluate(GAP_PROBE);
  return panel.page.evaluate(async (g) => {
    const probe = (window as unknown as { __gapProbe: { maxGap: number; longTasks: number; timer: number; observer: PerformanceObserver | null; last: number } }).__gapProbe;
    const pane = document.querySelector(".graph-pane")!;
    const laidOut = new Promise<void>((done) => pane.addEventListener("graph-layout-done", () => done(), { once: true }));
    await new Promise((done) => setTimeout(done, 20));
    const started = performance.now();
    window.dispatchEvent(new MessageEvent("message", { data: { type: "graph", graph: g } }));
    const handleMs = performance.now() - started;
    await new Promise((done) => setTimeout(done, 0));
    probe.maxGap = 0;
    probe.longTasks = 0;
    probe.last = performance.now();
    await laidOut;
    const result = { handleMs, maxGapMs: probe.maxGap, longTasks: probe.longTasks };
    clearInterval(probe.timer);
    probe.observer?.disconnect();
    return result;
  }, graph as unknown);
}

/** The peer: the same ELK layout on the page's UI thread (ELK's bundled build, loaded into the page). */
async function mainThreadResponsiveness(panel: PanelPage, graph: GraphView): Promise<number> {
  const elkSource = readFileSync(join(require.resolve("elkjs/lib/elk.bundled.js")), "utf8");
  await panel.page.evaluate(elkSource);
  const scene = buildScene(graph, (text) => text.length * 7.5);
  const elkGraph = toElkGraph(layoutInput(scene, (text) => text.length * 6.5));
  await panel.page.evaluate(GAP_PROBE);
  return panel.page.evaluate(async (input) => {
    const probe = (window as unknown as { __gapProbe: { maxGap: number; timer: number; last: number } }).__gapProbe;
    const Elk = (window as unknown as { ELK: new () => { layout(graph: unknown): Promise<unknown> } }).ELK;
    await new Promise((done) => setTimeout(done, 20));
    probe.maxGap = 0;
    probe.last = performance.now();
    await new Elk().layout(input);
    await new Promise((done) => setTimeout(done, 10));
    clearInterval(probe.timer);
    return probe.maxGap;
  }, elkGraph as unknown);
}

export async function benchPanel(): Promise<PanelBenchResult> {
  const panel = await openPanel({ theme: "dark", width: 1400, height: 900 });
  try {
    const layout: PanelBenchResult["layout"] = [];
    const highlights: PanelBenchResult["highlights"] = [];
    for (const [nodes, runs] of [[30, 7], [100, 5], [500, 3]] as const) {
      const samples: { workerMs: number; messageToDrawnMs: number }[] = [];
      // One warm-up layout per size (the worker's first run also compiles ELK), then measured runs.
      for (let run = 0; run <= runs; run++) {
        const sample = await layoutOnce(panel, syntheticGraph(nodes, `n${nodes}r${run}`));
        if (run > 0) samples.push(sample);
      }
      const workerMs = median(samples.map((s) => s.workerMs));
      layout.push({ nodes, runs, workerMs: round(workerMs), messageToDrawnMs: round(median(samples.map((s) => s.messageToDrawnMs))) });
      const graph = syntheticGraph(nodes, `n${nodes}r${runs}`);
      const times: number[] = [];
      for (let index = 0; index < 20; index++) times.push(await highlightOnce(panel, stopAtNode(graph, (index * 7) % nodes)));
      const toFrameMs = median(times);
      highlights.push({ nodes, runs: times.length, toFrameMs: round(toFrameMs), peerLayoutMs: round(workerMs), ratio: ratio(toFrameMs, workerMs) });
    }
    const expand = await benchExpand(panel);
    const big = syntheticGraph(500, "resp");
    const worker = await workerResponsiveness(panel, big);
    const mainThreadMaxGapMs = await mainThreadResponsiveness(panel, big);
    return {
      layout, highlights, expand,
      responsiveness: {
        nodes: 500, handleMs: round(worker.handleMs), workerMaxGapMs: round(worker.maxGapMs), workerLongTasks: worker.longTasks,
        mainThreadMaxGapMs: round(mainThreadMaxGapMs), ratio: ratio(worker.maxGapMs, mainThreadMaxGapMs),
      },
    };
  } finally {
    await panel.close();
  }
}

export function formatPanelBench(result: PanelBenchResult): string {
  const lines = ["Graph panel (Chromium, built panel, layout in a Web Worker)"];
  for (const row of result.layout) {
    lines.push(`  ELK layout ${String(row.nodes).padStart(3)} nodes: ${row.workerMs} ms in the worker, ${row.messageToDrawnMs} ms from graph message to drawn (median of ${row.runs})`);
  }
  for (const row of result.highlights) {
    lines.push(`  graphState -> highlights painted, ${String(row.nodes).padStart(3)} nodes: ${row.toFrameMs} ms (median of ${row.runs}); ${row.ratio}x a layout of the same graph (${row.peerLayoutMs} ms)`);
  }
  const e = result.expand;
  lines.push(`  expand a ${e.innerNodes}-node subgraph in a ${e.nodes}-node graph: ${e.expandMs} ms click to drawn (${e.expandWorkerMs} ms ELK in the worker), collapse ${e.collapseMs} ms (median of ${e.runs}); ${e.ratio}x laying out the collapsed graph from its message (${e.peerLayoutMs} ms)`);
  const r = result.responsiveness;
  lines.push(`  ${r.nodes}-node graph message handled on the UI thread in ${r.handleMs} ms (scene, text measuring, controls)`);
  lines.push(`  UI thread while it lays out: longest gap ${r.workerMaxGapMs} ms with the worker (long tasks seen, the drawing after the answer included: ${r.workerLongTasks}) vs ${r.mainThreadMaxGapMs} ms with ELK on the UI thread: ${r.ratio}x`);
  return lines.join("\n");
}

if (require.main === module) {
  benchPanel()
    .then((result) => {
      console.log(formatPanelBench(result));
      console.log(JSON.stringify(result));
    })
    .catch((error) => { console.error(error); process.exitCode = 1; })
    .finally(() => closeBrowser());
}
