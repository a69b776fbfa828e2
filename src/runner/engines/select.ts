/**
 * Picks the engine for a launch: `workspace` when the graph file's folder resolves
 * `@langchain/langgraph` (the LangGraph.js the user installed), else `builtin`; or the one the
 * launch configuration names. The reason is kept, for the Debug Console's first line.
 */
import type { EngineChoice } from "../../protocol/runner";
import type { Engine } from "./contract";
import { BuiltinEngine, builtinInfo } from "./builtin";
import { GraphLoadError } from "./program-exports";
import { WorkspaceEngine } from "./workspace";
import { findInstalledLangGraph } from "./workspace/installed";

export function selectEngine(program: string, choice: EngineChoice = "auto"): Engine {
  if (choice === "builtin") return new BuiltinEngine(builtinInfo('"engine": "builtin" in the launch configuration'));
  const installed = findInstalledLangGraph(program);
  if (installed) return new WorkspaceEngine(installed, choice === "auto" ? "the workspace has it installed" : '"engine": "workspace" in the launch configuration');
  if (choice === "workspace") {
    throw new GraphLoadError(
      `"engine": "workspace" needs @langchain/langgraph installed where the graph file can import it, and none resolves from ${program}. ` +
        'Install it there (npm install @langchain/langgraph), or set "engine": "builtin" (or "auto") to use the debugger\'s own engine.',
    );
  }
  return new BuiltinEngine(builtinInfo("no @langchain/langgraph is installed where the graph file can import it"));
}
