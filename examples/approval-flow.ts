/**
 * Multi-step approval: `research` gathers notes, `write` drafts a post from them, and `publish`
 * sends it. The graph is compiled with `interruptBefore: ["write", "publish"]`, the LangGraph way
 * of asking a person to approve each step, so it pauses twice with no breakpoint set.
 *
 * Try it: press F5. At the first pause, look at the notes (Variables view or the graph panel);
 * remove one you do not want and Continue. At the second pause, edit `draft` before it is
 * published, then Continue: the published text is your edit. Step Back goes to the checkpoint
 * before, and Continue from there forks the thread (the Checkpoints view shows the branch).
 */
import { Annotation, END, MemorySaver, START, StateGraph } from "@langchain/langgraph";

const State = Annotation.Root({
  topic: Annotation<string>(),
  notes: Annotation<string[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
  draft: Annotation<string>(),
  published: Annotation<string | undefined>(),
});

type PostState = typeof State.State;

function research(state: PostState) {
  const topic = state.topic || "graph debugging";
  return {
    notes: [
      `${topic} lets you pause before any step`,
      `${topic} keeps every step as a checkpoint`,
      `${topic} can fork a run from the past`,
    ],
  };
}

function write(state: PostState) {
  const bullets = state.notes.map((note) => `- ${note}`).join("\n");
  return { draft: `Three things about ${state.topic || "graph debugging"}:\n${bullets}` };
}

function publish(state: PostState) {
  console.log(`publishing ${state.draft.length} characters`);
  return { published: state.draft };
}

export const graph = new StateGraph(State)
  .addNode("research", research)
  .addNode("write", write)
  .addNode("publish", publish)
  .addEdge(START, "research")
  .addEdge("research", "write")
  .addEdge("write", "publish")
  .addEdge("publish", END)
  .compile({ checkpointer: new MemorySaver(), interruptBefore: ["write", "publish"] });
