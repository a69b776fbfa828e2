/**
 * The public API: a drop-in subset of "@langchain/langgraph" with the same names, so a user's graph
 * file runs on this engine unchanged when its import is pointed here. Debugger extras (call sites in
 * `getGraph()`, `pauseSignal`) ride on the same objects without changing what LangGraph users see.
 */
export { StateGraph } from "./graph/state-graph";
export type { NodeConfig, CompileOptions, AddNodeOptions } from "./graph/state-graph";
export { CompiledStateGraph } from "./graph/compiled";
export { Annotation, AnnotationRoot } from "./graph/annotation";
export type { StateType, UpdateType, StateDefinition } from "./graph/annotation";
export { MessagesAnnotation, messagesStateReducer, messagesStateReducer as addMessages, REMOVE_ALL_MESSAGES } from "./graph/messages";
export { getConfig, getCurrentTaskInput } from "./graph/node-context";
export type { RetryPolicy } from "./pregel/retry";
export type { Message } from "./graph/messages";
export type { DrawableGraph, DrawableNode, DrawableEdge, DynamicRoute } from "./graph/drawable";
export type { SourceLocation } from "./graph/call-site";
export { START, END, INTERRUPT } from "./constants";
export { Command, Send, Overwrite, isCommand } from "./types";
export type { RunConfig, StateSnapshot, StreamMode, PregelTaskView } from "./types";
export { interrupt } from "./pregel/interrupt";
export { MemorySaver, MemorySaver as InMemorySaver } from "./checkpoint/memory";
export { FileSaver, UnstorableValueError, CorruptLogError, LockTimeoutError } from "./checkpoint/file";
export type { FileSaverOptions, FsyncMode, ThreadInfo, StorableType } from "./checkpoint/file";
export type * from "./checkpoint/types";
export {
  BaseLangGraphError,
  GraphRecursionError,
  InvalidUpdateError,
  EmptyInputError,
  GraphValueError,
  GraphInterrupt,
  UnreachableNodeError,
  isGraphInterrupt,
  ParentCommand,
  isParentCommand,
} from "./errors";
export type { Interrupt } from "./errors";

import { INTERRUPT } from "./constants";
import type { Interrupt } from "./errors";

/** Whether an `invoke` result stopped at an `interrupt()` (it carries `__interrupt__`, as LangGraph.js reads it). */
export function isInterrupted(value: unknown): value is { [INTERRUPT]: Interrupt[] } {
  if (typeof value !== "object" || value === null) return false;
  const interrupts = (value as Record<string, unknown>)[INTERRUPT];
  return Array.isArray(interrupts);
}

// What `@langchain/langgraph/prebuilt` offers; the debugger points that import here too.
export { ToolNode, toolsCondition, createReactAgent, createReactAgentAnnotation } from "./prebuilt";
export type { ToolLike, ToolNodeOptions, CreateReactAgentParams } from "./prebuilt";
