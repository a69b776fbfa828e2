/**
 * What a node's code may ask of the run it is in, from any depth of its own calls, as in
 * LangGraph.js: `getConfig()` (the config the node was called with: its thread, namespace,
 * signal) and `getCurrentTaskInput()` (the state the node was given).
 */
import { currentTask } from "../pregel/interrupt";

export function getConfig(): Record<string, unknown> {
  const config = currentTask()?.config;
  if (!config) throw new Error("getConfig() was called outside a graph node: call it from a node's code while the graph runs.");
  return config;
}

export function getCurrentTaskInput<T = unknown>(): T {
  const task = currentTask();
  if (!task?.config) throw new Error("getCurrentTaskInput() was called outside a graph node: call it from a node's code while the graph runs.");
  return task.input as T;
}
