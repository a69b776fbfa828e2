/**
 * Which engine runs the graph, in the words every view uses: a short label (the panel's header)
 * and the things it does differently (the Debug Console's first line, the header's tooltip), so
 * no feature differs between engines without saying so where the user meets it.
 */
import type { EngineInfo } from "./runner";

/** `LangGraph.js 1.7.3 (workspace)` or `builtin engine 0.1.0`. */
export function engineLabel(engine: EngineInfo): string {
  return engine.kind === "workspace" ? `LangGraph.js ${engine.version} (workspace)` : `builtin engine ${engine.version}`;
}

/** What this engine does differently from the other, one sentence each. */
export function engineNotes(engine: EngineInfo): string[] {
  const notes: string[] = [];
  if (engine.capabilities.pause === "abort") {
    notes.push("Pause stops the step in flight (this LangGraph.js has no RunControl) and Continue resumes from the last checkpoint");
  }
  if (!engine.capabilities.resumeThroughEdit) {
    notes.push("an edit made while a node waits in interrupt() is written to the state, and the node asks again: answer it in the panel");
  }
  if (!engine.capabilities.replayInsideSubgraph) {
    notes.push("going on from a past checkpoint inside a subgraph forks the thread at the root checkpoint it ran under, and LangGraph.js replays the subgraph from its own checkpoints of that step");
  }
  return notes;
}
