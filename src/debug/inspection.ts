/**
 * The requests that read or write values of a stopped graph: `evaluate` (watch, hover, Debug
 * Console), `setVariable` and `setExpression`. Evaluation runs in the runner, over `state` and
 * `snapshot` of the checkpoint being viewed, at the level of the frame asked about (a subgraph's
 * own state for a frame inside it); objects come back expandable. A Set Value is an edit of the
 * state of the value's level, written as a checkpoint by the thread actions.
 */
import type { DebugProtocol } from "@vscode/debugprotocol";
import type { GraphController } from "./controller";
import type { ThreadActions } from "./thread-actions";
import { LevelAddress, VariableStore, preview } from "./variables";

type Getter<T> = () => T | undefined;

export class InspectionHandlers {
  constructor(
    private readonly variables: VariableStore,
    private readonly controller: Getter<GraphController>,
    private readonly actions: Getter<ThreadActions>,
  ) {}

  /** Evaluates over the state of the level `at` (the frame's), else of the level in focus. */
  async evaluate(args: DebugProtocol.EvaluateArguments, at?: LevelAddress): Promise<DebugProtocol.EvaluateResponse["body"]> {
    const actions = this.require();
    let result;
    try {
      result = await actions.evaluate(args.expression, at);
    } catch (error) {
      throw new Error(args.context === "hover" ? "" : (error as Error).message);
    }
    const full = args.context === "clipboard" || args.context === "repl" ? JSON.stringify(result.value, null, args.context === "clipboard" ? 2 : undefined) : undefined;
    const shown = args.context === "clipboard" ? full : preview(result.value, 200);
    return { result: shown ?? String(result.value), type: result.type, variablesReference: this.variables.handleFor(result.value) };
  }

  async setVariable(args: DebugProtocol.SetVariableArguments): Promise<DebugProtocol.SetVariableResponse["body"]> {
    const handle = this.variables.get(args.variablesReference);
    if (!handle) throw new Error("That value is no longer shown: the graph moved on.");
    if (handle.scope !== "State") throw new Error(`Only the State can be edited; ${handle.scope} is read-only.`);
    const key = Array.isArray(handle.value) ? Number(args.name) : args.name;
    return this.setPath([...handle.path, key], args.value, handle.level);
  }

  /** Sets a value inside the state of the level `at` (a subgraph's, for a frame inside it), else of the root. */
  async setPath(path: Array<string | number>, text: string, at?: LevelAddress): Promise<{ value: string; variablesReference: number }> {
    const value = await this.require().editValue(path, text, at);
    return { value: preview(value), variablesReference: this.variables.handleFor(value) };
  }

  private require(): ThreadActions {
    const actions = this.actions();
    if (!actions || !this.controller()) throw new Error("No graph is loaded: launch or attach first.");
    return actions;
  }
}
