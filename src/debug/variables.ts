/**
 * The Variables view over a checkpoint: the scopes State, Next tasks, Interrupts and Metadata, and
 * every value inside them as DAP variables with short previews. Lists longer than a page announce
 * `indexedVariables`, so the client asks for them a page at a time. Each expandable value gets a
 * handle that remembers its scope, its path and its level (the subgraph whose state it is, for a
 * frame inside a subgraph), which is how Set Value knows what it edits; handles are dropped
 * whenever the run moves.
 */
import { Handles, Scope } from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import type { SnapshotView } from "../protocol/debug";

export type ScopeName = "State" | "Next tasks" | "Interrupts" | "Metadata" | "Result";

/** The checkpoint a scope shows: a subgraph's (by namespace) or the root graph's (""). */
export interface LevelAddress {
  checkpointNs: string;
  checkpointId: string;
}

export interface ValueHandle {
  scope: ScopeName;
  value: unknown;
  /** Keys from the scope's root down to `value`. */
  path: Array<string | number>;
  level?: LevelAddress;
}

const PAGE = 100;

export class VariableStore {
  private handles = new Handles<ValueHandle>();

  reset(): void {
    this.handles.reset();
  }

  get(reference: number): ValueHandle | undefined {
    return this.handles.get(reference);
  }

  scopes(snapshot: SnapshotView | null, level?: LevelAddress): DebugProtocol.Scope[] {
    if (!snapshot) return [];
    const interrupts = snapshot.tasks.flatMap((task) => task.interrupts.map((item) => ({ node: task.name, ...item })));
    const tasks = snapshot.tasks.map((task) => ({
      name: task.name,
      input: task.input,
      ...(task.interrupts.length > 0 ? { interrupts: task.interrupts } : {}),
      ...(task.error ? { error: task.error } : {}),
      ...(task.result !== undefined ? { result: task.result } : {}),
      id: task.id,
    }));
    const metadata = {
      checkpointId: snapshot.checkpointId,
      parentCheckpointId: snapshot.parentCheckpointId,
      threadId: snapshot.threadId,
      createdAt: snapshot.createdAt,
      next: snapshot.next,
      ...(snapshot.checkpointNs ? { checkpointNs: snapshot.checkpointNs } : {}),
      ...snapshot.metadata,
    };
    return [
      this.scope("State", snapshot.values, false, level),
      this.scope("Next tasks", tasks, false, level),
      this.scope("Interrupts", interrupts, interrupts.length === 0, level),
      this.scope("Metadata", metadata, true, level),
    ];
  }

  /** A handle for a value shown outside the scopes (an evaluation result); 0 for a plain value. */
  handleFor(value: unknown, scope: ScopeName = "Result"): number {
    return isContainer(value) ? this.handles.create({ scope, value, path: [] }) : 0;
  }

  variables(reference: number, start = 0, count?: number): DebugProtocol.Variable[] {
    const handle = this.handles.get(reference);
    if (!handle || !isContainer(handle.value)) return [];
    const end = count ? start + count : undefined;
    // A page of a long list touches only its own items: the Variables view asks page after page.
    const page: Array<[string | number, unknown]> = Array.isArray(handle.value)
      ? handle.value.slice(start, end).map((item, index): [number, unknown] => [start + index, item])
      : Object.entries(handle.value as Record<string, unknown>).slice(start, end);
    return page.map(([key, value]) => this.variable(handle, key, value));
  }

  private scope(name: ScopeName, value: unknown, expensive: boolean, level?: LevelAddress): DebugProtocol.Scope {
    const reference = this.handles.create({ scope: name, value, path: [], ...(level ? { level } : {}) });
    const scope: DebugProtocol.Scope = new Scope(name, reference, expensive);
    if (Array.isArray(value) && value.length > PAGE) scope.indexedVariables = value.length;
    else if (isContainer(value)) scope.namedVariables = Object.keys(value as object).length;
    return scope;
  }

  private variable(parent: ValueHandle, key: string | number, value: unknown): DebugProtocol.Variable {
    const path = [...parent.path, key];
    const reference = isContainer(value) ? this.handles.create({ scope: parent.scope, value, path, ...(parent.level ? { level: parent.level } : {}) }) : 0;
    const variable: DebugProtocol.Variable = { name: String(key), value: preview(value), type: typeOf(value), variablesReference: reference };
    if (Array.isArray(value) && value.length > PAGE) variable.indexedVariables = value.length;
    if (parent.scope === "State") variable.evaluateName = expressionFor(path);
    else variable.presentationHint = { attributes: ["readOnly"] };
    return variable;
  }
}

/** An object or array with something inside (found without listing a long list's keys). */
export function isContainer(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** `state.messages[1].content` for a path inside the state. */
export function expressionFor(path: Array<string | number>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${text}.${key}` : `${text}[${JSON.stringify(key)}]`;
  }, "state");
}

/** The path inside the state that an expression such as `state.messages[1].content` names. */
export function pathOf(expression: string): Array<string | number> | undefined {
  const text = expression.trim();
  if (!text.startsWith("state")) return undefined;
  const path: Array<string | number> = [];
  const part = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  part.lastIndex = "state".length;
  while (part.lastIndex < text.length) {
    const match = part.exec(text);
    if (!match) return undefined;
    path.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : JSON.parse(match[3])));
  }
  return path.length > 0 ? path : undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A one-line preview: strings quoted, lists with their length, objects with their first keys. */
export function preview(value: unknown, budget = 80): string {
  if (typeof value === "string") return JSON.stringify(value.length > budget ? `${value.slice(0, budget)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `Array(${value.length})`;
  const parts: string[] = [];
  let used = 2;
  for (const [key, item] of Object.entries(value)) {
    const shown = typeof item === "object" && item !== null ? (Array.isArray(item) ? `Array(${item.length})` : "{…}") : preview(item, 30);
    const part = `${key}: ${shown}`;
    if (used + part.length > budget && parts.length > 0) {
      parts.push("…");
      break;
    }
    parts.push(part);
    used += part.length + 2;
  }
  return `{${parts.join(", ")}}`;
}
