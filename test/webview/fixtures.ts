/**
 * A support-desk graph and one run of it, as the adapter would describe them: a classifier that
 * routes with a path map, an agent/tools loop, a `review` node that asks a person (interrupt) and
 * routes with Command (a dynamic route), and a fork made from step 1. Also a generator of bigger
 * graphs for the layout benchmark.
 */
import type { GraphStateEvent, GraphView, HistoryEntry, SnapshotView, StopKind, TaskView } from "../../src/protocol/debug";
import type { HostToPanel } from "../../src/protocol/panel";

const FILE = "examples/support/graph.ts";

export const supportGraph: GraphView = {
  nodes: [
    { id: "__start__" },
    { id: "classify", source: { file: FILE, line: 21, column: 3 } },
    { id: "agent", source: { file: FILE, line: 22, column: 3 } },
    { id: "tools", source: { file: FILE, line: 23, column: 3 } },
    { id: "review", source: { file: FILE, line: 24, column: 3 } },
    { id: "respond", source: { file: FILE, line: 25, column: 3 } },
    { id: "__end__" },
  ],
  edges: [
    { source: "__start__", target: "classify", conditional: false },
    { source: "classify", target: "agent", conditional: true, label: "question" },
    { source: "classify", target: "respond", conditional: true, label: "greeting" },
    { source: "agent", target: "tools", conditional: true, label: "tool call" },
    { source: "agent", target: "review", conditional: true },
    { source: "tools", target: "agent", conditional: false },
    { source: "respond", target: "__end__", conditional: false },
  ],
  dynamic: [{ source: "review", observed: ["respond"] }],
  stateKeys: ["messages", "route", "draft", "approved"],
};

function entry(checkpointId: string, parentId: string | undefined, step: number, source: HistoryEntry["source"], writtenBy: string[], next: string[]): HistoryEntry {
  return { checkpointId, parentId, step, source, writtenBy, next, createdAt: `2026-11-24T10:00:${String(10 + step * 2 + (source === "update" ? 30 : 0)).padStart(2, "0")}.000Z` };
}

/** c0..c5 is the run; f2, f3 a fork from c2 where a person re-routed the question to `respond`. */
export const supportHistory: HistoryEntry[] = [
  entry("c0", undefined, -1, "input", [], ["__start__"]),
  entry("c1", "c0", 0, "loop", ["__start__"], ["classify"]),
  entry("c2", "c1", 1, "loop", ["classify"], ["agent"]),
  entry("c3", "c2", 2, "loop", ["agent"], ["tools"]),
  entry("c4", "c3", 3, "loop", ["tools"], ["agent"]),
  entry("c5", "c4", 4, "loop", ["agent"], ["review"]),
  entry("f2", "c2", 2, "update", ["classify"], ["respond"]),
  entry("f3", "f2", 3, "loop", ["respond"], []),
];

export const supportValues = {
  messages: [
    { role: "user", content: "My invoice is wrong" },
    { role: "assistant", content: "Let me look it up", tool_calls: [{ name: "lookup_invoice", args: { id: 42 } }] },
    { role: "tool", content: "{\"total\": 120}" },
  ],
  route: "question",
  draft: "Your invoice total is 120.",
  approved: false,
};

export function snapshot(checkpointId: string, next: string[], tasks: TaskView[] = [], values: Record<string, unknown> = supportValues): SnapshotView {
  const known = supportHistory.find((e) => e.checkpointId === checkpointId);
  return {
    threadId: "thread-1", checkpointId, parentCheckpointId: known?.parentId, values, next, tasks,
    metadata: { source: known?.source ?? "loop", step: known?.step ?? 0 }, createdAt: known?.createdAt ?? "2026-11-24T10:00:00.000Z",
  };
}

export function stopAt(stop: StopKind, snap: SnapshotView, running: string[] = []): HostToPanel {
  const state: GraphStateEvent = { threadId: "thread-1", checkpointId: snap.checkpointId, headCheckpointId: snap.checkpointId, stop, running, snapshot: snap };
  return { type: "graphState", state };
}

export const pausedBeforeReview = stopAt("breakpoint-before", snapshot("c5", ["review"], [{ id: "t-review", name: "review", path: [], interrupts: [] }]));

export const reviewQuestion = { question: "Send this answer to the customer?", draft: "Your invoice total is 120." };

export const waitingInReview = stopAt("interrupt", snapshot("c5", ["review"], [
  { id: "t-review", name: "review", path: [], interrupts: [{ id: "int-7f3a9c21", value: reviewQuestion }] },
]));

export const waitingTwice = stopAt("interrupt", snapshot("c5", ["review", "tools"], [
  { id: "t-review", name: "review", path: [], interrupts: [{ id: "int-a", value: "Approve the draft?" }] },
  { id: "t-tools", name: "tools", path: [], interrupts: [{ id: "int-b", value: { confirm: "refund 120?" } }] },
]));

/** Everything the host sends after `ready`, stopped before `review`. */
export function openingMessages(state: HostToPanel = pausedBeforeReview): HostToPanel[] {
  return [
    { type: "graph", graph: supportGraph, title: "support (examples/support/graph.ts)" },
    { type: "nodeBreakpoints", breakpoints: { before: ["review"], after: [] } },
    { type: "threads", threads: [{ threadId: "thread-1", label: "thread-1 (this session)" }, { threadId: "thread-0" }], current: "thread-1" },
    { type: "history", threadId: "thread-1", entries: supportHistory },
    state,
    { type: "session", status: "stopped" },
  ];
}

/** A layered graph of `size` nodes with a few conditional edges and back edges, the same for a given size (a new `prefix` makes it a new graph to lay out). */
export function syntheticGraph(size: number, prefix = "node"): GraphView {
  let seed = size * 7919;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ids = Array.from({ length: size }, (_, index) => `${prefix}_${index}`);
  const edges: GraphView["edges"] = [{ source: "__start__", target: ids[0], conditional: false }];
  for (let index = 1; index < size; index++) {
    const parent = ids[Math.max(0, index - 1 - Math.floor(random() * Math.min(index, 6)))];
    const conditional = random() < 0.25;
    edges.push({ source: parent, target: ids[index], conditional, label: conditional ? `case ${index}` : undefined });
    if (random() < 0.08 && index > 3) edges.push({ source: ids[index], target: ids[index - 3], conditional: true, label: "retry" });
  }
  edges.push({ source: ids[size - 1], target: "__end__", conditional: false });
  return {
    nodes: [{ id: "__start__" }, ...ids.map((id, line) => ({ id, source: { file: "big.ts", line: line + 1, column: 1 } })), { id: "__end__" }],
    edges, dynamic: [{ source: ids[Math.floor(size / 2)], observed: [] }],
  };
}

const RESEARCH_FILE = "examples/research-report.ts";
const at = (line: number) => ({ file: RESEARCH_FILE, line, column: 4 });
const RESEARCH_KEYS = ["topic", "questions", "findings", "summary", "queries", "best"];

/** A straight line of nodes from start to end, as the adapter sends a subgraph with plain edges. */
function chain(nodes: GraphView["nodes"], stateKeys: string[]): GraphView {
  const ids = ["__start__", ...nodes.map((node) => node.id), "__end__"];
  return {
    nodes: [{ id: "__start__" }, ...nodes, { id: "__end__" }],
    edges: ids.slice(1).map((target, index) => ({ source: ids[index], target, conditional: false })),
    dynamic: [], stateKeys,
  };
}

/**
 * examples/research-report.ts as the adapter describes it: plan → research → write → fact_check,
 * where research is a subgraph (search → rank → summarize) and its search is one too (query → read).
 */
export const researchGraph: GraphView = chain([
  { id: "plan", source: at(73) },
  {
    id: "research", source: at(77), subgraph: chain([
      { id: "search", source: at(54), subgraph: chain([{ id: "query", source: at(46) }, { id: "read", source: at(47) }], RESEARCH_KEYS) },
      { id: "rank", source: at(55) },
      { id: "summarize", source: at(56) },
    ], RESEARCH_KEYS),
  },
  { id: "write", source: at(78) },
  { id: "fact_check", source: at(79) },
], ["topic", "questions", "findings", "summary", "report", "checked"]);

const RESEARCH_NS = "research:task-r";

function researchSnapshot(checkpointId: string, next: string[], tasks: TaskView[], checkpointNs?: string): SnapshotView {
  return { threadId: "thread-r", checkpointId, values: { topic: "tides" }, next, tasks, metadata: { source: "loop", step: 1 }, createdAt: "2026-11-24T12:00:00.000Z", checkpointNs };
}

/** A root stop whose `research` task holds the subgraph snapshot `inner`, the level in focus being `research`. */
function stopInsideResearch(stop: StopKind, inner: SnapshotView, interrupts: TaskView["interrupts"] = []): HostToPanel {
  const root = researchSnapshot("r1", ["research"], [{ id: "task-r", name: "research", path: [], interrupts, checkpointNs: RESEARCH_NS, state: inner }]);
  const state: GraphStateEvent = {
    threadId: "thread-r", checkpointId: "r1", headCheckpointId: "r1", stop, running: [], snapshot: { ...root, focusNs: RESEARCH_NS },
    status: stop === "interrupt" ? "waiting" : "stopped", level: { checkpointNs: RESEARCH_NS, path: ["research"], snapshot: inner },
  };
  return { type: "graphState", state };
}

/** Paused by the function breakpoint `research/rank`, as the adapter reports it. */
export const pausedBeforeResearchRank = stopInsideResearch("breakpoint-before", researchSnapshot("s2", ["rank"], [{ id: "task-rank", name: "rank", path: [], interrupts: [] }], RESEARCH_NS));

/** Paused before `research/search/read`, two levels down: the level in focus is `research/search`. */
export const pausedBeforeResearchSearchRead: HostToPanel = (() => {
  const searchNs = `${RESEARCH_NS}|search:task-s`;
  const search = researchSnapshot("q1", ["read"], [{ id: "task-read", name: "read", path: [], interrupts: [] }], searchNs);
  const research = researchSnapshot("s1", ["search"], [{ id: "task-s", name: "search", path: [], interrupts: [], checkpointNs: searchNs, state: search }], RESEARCH_NS);
  const message = stopInsideResearch("breakpoint-before", research);
  if (message.type !== "graphState") throw new Error("a stop is a graphState message");
  return { ...message, state: { ...message.state, level: { checkpointNs: searchNs, path: ["research", "search"], snapshot: search } } };
})();

/** `research/rank` waits in `interrupt()`; the question surfaces on the parent's `research` task too. */
export const waitingInResearchRank = stopInsideResearch("interrupt",
  researchSnapshot("s2", ["rank"], [{ id: "task-rank", name: "rank", path: [], interrupts: [{ id: "int-rank", value: "Keep this finding?" }] }], RESEARCH_NS),
  [{ id: "int-rank", value: "Keep this finding?" }]);

/** Stopped before `plan` at the root: nothing inside a subgraph. */
export const pausedBeforePlan = stopAt("breakpoint-before", { ...researchSnapshot("r0", ["plan"], [{ id: "task-p", name: "plan", path: [], interrupts: [] }]) });

/**
 * The thread of the stop before `research/rank`, with the subgraphs' checkpoints as the adapter
 * lists them (`history` with `subgraphs: true`): the root ran plan and is at r1 (next research);
 * research ran from r1 and is at s2 (next rank); its search ran from s1, query then read, to q2.
 */
export const researchHistory: HistoryEntry[] = (() => {
  const searchNs = `${RESEARCH_NS}|search:task-s`;
  const inResearch = { checkpointNs: RESEARCH_NS, parents: { "": "r1" } };
  const inSearch = { checkpointNs: searchNs, parents: { "": "r1", [RESEARCH_NS]: "s1" } };
  return [
    entry("ri", undefined, -1, "input", [], ["__start__"]),
    entry("r0", "ri", 0, "loop", ["__start__"], ["plan"]),
    entry("r1", "r0", 1, "loop", ["plan"], ["research"]),
    { ...entry("s0", undefined, -1, "input", [], ["__start__"]), ...inResearch },
    { ...entry("s1", "s0", 0, "loop", ["__start__"], ["search"]), ...inResearch },
    { ...entry("qi", undefined, -1, "input", [], ["__start__"]), ...inSearch },
    { ...entry("qa", "qi", 0, "loop", ["__start__"], ["query"]), ...inSearch },
    { ...entry("q1", "qa", 1, "loop", ["query"], ["read"]), ...inSearch },
    { ...entry("q2", "q1", 2, "loop", ["read"], []), ...inSearch },
    { ...entry("s2", "s1", 1, "loop", ["search"], ["rank"]), ...inResearch },
  ];
})();

export function researchOpening(state: HostToPanel = pausedBeforePlan): HostToPanel[] {
  return [
    { type: "graph", graph: researchGraph, title: "research-report (examples/research-report.ts)" },
    { type: "nodeBreakpoints", breakpoints: { before: [], after: [] } },
    state,
    { type: "session", status: "stopped" },
  ];
}
