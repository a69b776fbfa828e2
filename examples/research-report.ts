/**
 * Subgraphs: a report written with a research team that is a graph of its own. `plan` picks the
 * questions; `research` is a compiled graph used as a node (`search` → `rank` → `summarize`), and
 * its `search` step is itself a subgraph (`query` → `read`), so the run nests two deep. `write`
 * drafts the report, and `fact_check` calls a small checker graph from inside the node with
 * `invoke`, the other way a graph runs inside another.
 *
 * Try it: press F5 with the gutter breakpoint on `.addNode("rank", ...)` (or the function
 * breakpoint `research/rank`). The run pauses inside the subgraph: the Call Stack shows `rank`
 * inside `research`, Variables show the subgraph's own state (its `queries` and `best` keys are
 * not in the parent's), and the graph panel opens the `research` group. Step Out runs to the end of the
 * subgraph; Step Back goes to a checkpoint inside it, and continuing from there replays only the
 * rest of the subgraph.
 */
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";

const concat = <T>() => ({ reducer: (left: T[], right: T[]) => left.concat(right), default: (): T[] => [] });

const ReportState = Annotation.Root({
  topic: Annotation<string>(),
  questions: Annotation<string[]>(),
  findings: Annotation<string[]>(concat<string>()),
  summary: Annotation<string>(),
  report: Annotation<string>(),
  checked: Annotation<boolean>(),
});

const ResearchState = Annotation.Root({
  topic: Annotation<string>(),
  questions: Annotation<string[]>(),
  findings: Annotation<string[]>(concat<string>()),
  summary: Annotation<string>(),
  /** The subgraph's own keys: the parent never sees them. */
  queries: Annotation<string[]>(concat<string>()),
  best: Annotation<string>(),
});

/** The scripted "search engine": no network, the same answers every run. */
const CORPUS: Record<string, string> = {
  "what causes tides": "The moon's pull raises two bulges of water on opposite sides of the earth.",
  "how often are tides": "Most coasts see two high tides a day, about 12 hours 25 minutes apart.",
  "why do tides differ": "Coastline shape and the sun's position change how high a tide rises.",
};

const search = new StateGraph(ResearchState)
  .addNode("query", (state) => ({ queries: state.questions.map((question) => question.toLowerCase().replace(/\?$/, "")) }))
  .addNode("read", (state) => ({ findings: state.queries.map((query) => CORPUS[query] ?? `nothing found for "${query}"`) }))
  .addEdge(START, "query")
  .addEdge("query", "read")
  .addEdge("read", END)
  .compile();

const research = new StateGraph(ResearchState)
  .addNode("search", search)
  .addNode("rank", (state) => ({ best: [...state.findings].sort((a, b) => b.length - a.length)[0] }))
  .addNode("summarize", (state) => ({ summary: `${state.findings.length} findings on ${state.topic}; the most telling: ${state.best}` }))
  .addEdge(START, "search")
  .addEdge("search", "rank")
  .addEdge("rank", "summarize")
  .addEdge("summarize", END)
  .compile();

const CheckState = Annotation.Root({ text: Annotation<string>(), ok: Annotation<boolean>() });

/** A graph called from inside a node: it runs under the node's task, with checkpoints of its own. */
const checker = new StateGraph(CheckState)
  .addNode("check", (state) => ({ ok: !/nothing found/.test(state.text) }))
  .addEdge(START, "check")
  .addEdge("check", END)
  .compile();

export const graph = new StateGraph(ReportState)
  .addNode("plan", (state) => {
    const topic = state.topic ?? "tides";
    return { topic, questions: ["What causes tides?", "How often are tides?", "Why do tides differ?"] };
  })
  .addNode("research", research)
  .addNode("write", (state) => ({ report: `Report on ${state.topic}. ${state.summary}` }))
  .addNode("fact_check", async (state) => {
    const verdict = await checker.invoke({ text: state.report });
    return { checked: verdict.ok };
  })
  .addEdge(START, "plan")
  .addEdge("plan", "research")
  .addEdge("research", "write")
  .addEdge("write", "fact_check")
  .addEdge("fact_check", END)
  .compile();
