/**
 * Which engine runs the graph, in words for the Debug Console's first line: the workspace's own
 * LangGraph.js with its version and folder, or the debugger's builtin engine, why that one, and
 * what it does differently (src/protocol/engine-words.ts).
 */
import { engineNotes } from "../protocol/engine-words";
import type { EngineInfo } from "../protocol/runner";

export function engineText(engine: EngineInfo): string {
  const which =
    engine.kind === "workspace"
      ? `the workspace's LangGraph.js ${engine.version} (${engine.packageDir})`
      : `the debugger's builtin engine ${engine.version}`;
  const notes = engineNotes(engine);
  return `${which}, because ${engine.reason}${notes.length > 0 ? `; on this engine ${notes.join("; ")}` : ""}`;
}
