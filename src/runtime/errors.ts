/**
 * The errors a graph run can raise, named and worded as LangGraph.js names and words them, so code
 * that catches `GraphRecursionError` or matches a message keeps working on our engine. An error with
 * a LangGraph error code carries the same troubleshooting link.
 */

export type ErrorCode =
  | "GRAPH_RECURSION_LIMIT"
  | "INVALID_CONCURRENT_GRAPH_UPDATE"
  | "INVALID_GRAPH_NODE_RETURN_VALUE"
  | "MISSING_CHECKPOINTER"
  | "UNREACHABLE_NODE";

export class BaseLangGraphError extends Error {
  lc_error_code?: ErrorCode;

  constructor(message?: string, fields?: { lc_error_code?: ErrorCode }) {
    let text = message ?? "";
    if (fields?.lc_error_code) {
      text += `\n\nTroubleshooting URL: https://docs.langchain.com/oss/javascript/langgraph/${fields.lc_error_code}/\n`;
    }
    super(text);
    this.lc_error_code = fields?.lc_error_code;
    this.name = new.target.name;
  }
}

export class GraphRecursionError extends BaseLangGraphError {}
export class InvalidUpdateError extends BaseLangGraphError {}
export class EmptyInputError extends BaseLangGraphError {}
export class GraphValueError extends BaseLangGraphError {}
export class UnreachableNodeError extends BaseLangGraphError {}

export interface Interrupt<V = unknown> {
  id: string;
  value: V;
}

/**
 * Thrown by `interrupt()` (with the interrupt) and by the loop at a static breakpoint (with none).
 * It is how a paused run unwinds; `invoke` turns it into the `__interrupt__` key of its result.
 */
export class GraphInterrupt extends BaseLangGraphError {
  constructor(readonly interrupts: Interrupt[] = []) {
    super(JSON.stringify(interrupts));
  }
}

export function isGraphInterrupt(error: unknown): error is GraphInterrupt {
  return error instanceof GraphInterrupt;
}

export function missingCheckpointer(): GraphValueError {
  return new GraphValueError("No checkpointer set", { lc_error_code: "MISSING_CHECKPOINTER" });
}

/** LangGraph's `custom` and `messages` modes need a writer and model callbacks the engine does not have yet. */
export function unsupportedStreamMode(mode: string): GraphValueError {
  return new GraphValueError(
    `Stream mode "${mode}" is not supported by the debugger's engine yet: it streams "values", "updates", "debug", "tasks" and "checkpoints". ` +
      "Stream one of those here (the debugger shows every step's state and writes).",
  );
}

/** `checkpointer: true` borrows a parent's saver, and a root graph has no parent. */
export function checkpointerTrueAtRoot(): GraphValueError {
  return new GraphValueError(
    "checkpointer: true cannot be used for root graphs: it makes a subgraph keep its history in its parent's saver. " +
      "Give the root graph a saver instead, e.g. compile({ checkpointer: new MemorySaver() }).",
  );
}

/**
 * A `Command` for the parent graph (`graph: Command.PARENT`) on its way out of a subgraph: it ends
 * the subgraph's run, and the parent's task that ran the subgraph returns the command as its own.
 */
export class ParentCommand extends BaseLangGraphError {
  constructor(readonly command: { update?: unknown; goto?: unknown; resume?: unknown }) {
    super("A Command for the parent graph (graph: Command.PARENT) was returned by a node of a graph that has no parent graph.");
    this.name = "ParentCommand";
  }
}

export function isParentCommand(error: unknown): error is ParentCommand {
  return error instanceof ParentCommand;
}
