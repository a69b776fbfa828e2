/**
 * What the debugger does to a stopped thread besides running it: evaluate a JavaScript expression
 * over `state` and `snapshot` (watch, hover, Debug Console), and set one value inside the state
 * (Variables "Set Value"). An edit is written with `updateState`, so it becomes a checkpoint. A
 * key whose reducer would merge the edited value into the old one (a list that appends) is written
 * past the reducer: with `Overwrite` when the engine has it, or item by item when items have ids.
 * An address with a subgraph's namespace reads and writes that subgraph's own state.
 */
import { isDeepStrictEqual } from "node:util";
import type { EditResult, EvaluateResult, ThreadAddress } from "../protocol/runner";
import type { LoadedProgram } from "./engines/contract";
import type { CompiledGraph, StateSnapshot } from "./engines/graph-api";
import { saverOf } from "./engines/graph-api";
import { evaluateIsolated } from "./evaluator";
import { toJsonSafe, typeName } from "./json-safe";
import { isLangChainObject, keepLangChainClasses, langChainFields } from "./langchain-values";
import { stateAddress } from "./levels";

const EVALUATE_TIMEOUT_MS = 2000;

export async function evaluate(graph: CompiledGraph, address: ThreadAddress, expression: string): Promise<EvaluateResult> {
  const snapshot = toJsonSafe(await graph.getState(stateAddress(address))) as { values: unknown };
  // In a worker (evaluator.ts): a loop, even one in a promise callback, cannot hold the runner.
  const { value, type } = await evaluateIsolated(expression, { state: snapshot.values, snapshot }, EVALUATE_TIMEOUT_MS);
  return { value: toJsonSafe(value), type };
}

/** Reads a value typed in the Variables view: JSON first, else a JavaScript expression over the state. */
async function valueFromText(graph: CompiledGraph, address: ThreadAddress, text: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return (await evaluate(graph, address, text)).value;
    } catch (error) {
      const hint = `write text in quotes (${JSON.stringify(text)}), or an expression over state`;
      throw new Error(`${text} is neither JSON nor a JavaScript expression that runs (${(error as Error).message}): ${hint}.`);
    }
  }
}

export async function editValue(
  program: LoadedProgram,
  address: ThreadAddress & { path: Array<string | number>; text: string },
): Promise<EditResult & { value: unknown }> {
  const { graph } = program;
  // A subgraph's state has its own keys and reducers; the root graph reads and writes every level.
  const level = program.level(address.checkpointNs);
  const [key, ...inner] = address.path;
  if (typeof key !== "string") throw new Error("Only values inside the state can be set.");
  const value = await valueFromText(graph, address, address.text);
  const snapshot = await graph.getState(stateAddress(address));
  if (!(key in snapshot.values) && !level.stateKeys().includes(key)) {
    throw new Error(`The state has no key "${key}". Its keys: ${Object.keys(snapshot.values).join(", ")}.`);
  }
  const current = snapshot.values[key];
  const updated = keepLangChainClasses(inner.length === 0 ? value : setIn(editableCopy(current), inner, value), current);
  const reducer = level.reducerOf(key);
  const written = reducer && !replaces(reducer, snapshot.values[key], updated) ? pastReducer(program, key, inner, updated) : updated;
  const result = await updateState(program, address, { [key]: written });
  return { ...result, value: toJsonSafe(value) };
}

export async function updateState(program: LoadedProgram, address: ThreadAddress, values: unknown, asNode?: string): Promise<EditResult> {
  const { graph } = program;
  const chosen = asNode ?? (await defaultAsNode(program, address));
  const config = await graph.updateState(stateAddress(address), await withLangChainClasses(graph, address, values), asNode, chosen);
  return { checkpointId: config.configurable?.checkpoint_id ?? "", asNode: chosen };
}

/**
 * The node an update without `asNode` is written as, found the way LangGraph finds it: the node
 * that saw the newest channel version ran last (`__start__` on a thread that never ran). Only for
 * telling the user; the engine makes the choice itself.
 */
async function defaultAsNode(program: LoadedProgram, address: ThreadAddress): Promise<string> {
  const nodes = program.level(address.checkpointNs).nodeNames();
  if (nodes.length === 1) return nodes[0];
  const tuple = await saverOf(program.graph)?.getTuple(stateAddress(address));
  let newest: [number, string] | undefined;
  for (const [node, versions] of Object.entries(tuple?.checkpoint.versions_seen ?? {})) {
    if (node === "__interrupt__") continue;
    for (const version of Object.values(versions)) {
      if (!newest || Number(version) > newest[0]) newest = [Number(version), node];
    }
  }
  return newest?.[1] ?? "__start__";
}

type Reducer = (current: unknown, update: unknown) => unknown;

/** Whether writing `updated` through the reducer leaves exactly `updated` (a replacing reducer, or ids that merge in place). */
function replaces(reducer: Reducer, current: unknown, updated: unknown): boolean {
  try {
    return isDeepStrictEqual(reducer(copyOf(current), copyOf(updated)), updated);
  } catch {
    return false;
  }
}

/**
 * What to write to a key whose reducer would not simply take the edited value: `Overwrite` when the engine has
 * it; else, for an item of a list whose items carry ids (chat messages), that item alone, which an
 * id-merging reducer puts back in its place.
 */
function pastReducer(program: LoadedProgram, key: string, inner: Array<string | number>, updated: unknown): unknown {
  if (program.overwrite) return program.overwrite(updated);
  const item = typeof inner[0] === "number" && Array.isArray(updated) ? (updated[inner[0]] as { id?: unknown }) : undefined;
  if (item && typeof item === "object" && item.id !== undefined) return [item];
  throw new Error(
    `"${key}" has a reducer, so this edit would be merged into the old value instead of replacing it. ` +
      `Send the update to merge with the updateState request instead.`,
  );
}

/** Edited JSON for the state's keys, with the LangChain classes of the current values put back. */
async function withLangChainClasses(graph: CompiledGraph, address: ThreadAddress, values: unknown): Promise<unknown> {
  if (typeof values !== "object" || values === null || Array.isArray(values)) return values;
  const current = (await graph.getState(stateAddress(address))).values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, keepLangChainClasses(value, current[key])]));
}

/** A copy to edit in place: a LangChain object (or one in a list) as the fields the Variables view shows. */
function editableCopy(value: unknown): unknown {
  if (isLangChainObject(value)) return copyOf(langChainFields(value));
  return Array.isArray(value) ? value.map((item) => (isLangChainObject(item) ? copyOf(langChainFields(item)) : copyOf(item))) : copyOf(value);
}

function copyOf(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return JSON.parse(JSON.stringify(value ?? null));
  }
}

function setIn(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (root === null || typeof root !== "object") throw new Error(`Cannot set "${String(head)}" inside a ${typeName(root)}.`);
  const container = root as Record<string | number, unknown>;
  container[head] = setIn(container[head], rest, value);
  return root;
}

export type { StateSnapshot };
