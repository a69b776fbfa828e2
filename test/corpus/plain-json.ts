/**
 * Turns a graph's state into plain JSON the way a person reads it: LangChain objects (messages,
 * documents' serialisable parts) become `{ _type, ...fields }` from their own `toJSON`, class
 * instances become their fields, functions disappear. Used by the plain-run child to print the
 * final state, so a debugger run can later be compared with it.
 */
import type { JsonValue } from "../helpers/fake-models/types";

interface LcSerialized {
  lc: number;
  type: string;
  id: string[];
  kwargs?: Record<string, unknown>;
}

export function toPlainJson(value: unknown, seen: WeakSet<object> = new WeakSet()): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return null;
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    return objectToPlain(value, seen);
  } finally {
    seen.delete(value);
  }
}

function objectToPlain(value: object, seen: WeakSet<object>): JsonValue {
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, seen));
  if (value instanceof Map) return toPlainJson(Object.fromEntries(value), seen);
  if (value instanceof Set) return toPlainJson([...value], seen);
  if (value instanceof Date) return value.toISOString();
  const lc = lcForm(value);
  if (lc) return { _type: lc.id[lc.id.length - 1], ...fieldsOf(lc.kwargs ?? {}, seen) };
  return fieldsOf(value as Record<string, unknown>, seen);
}

function fieldsOf(record: Record<string, unknown>, seen: WeakSet<object>): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, field] of Object.entries(record)) {
    if (field === undefined || typeof field === "function") continue;
    out[key] = toPlainJson(field, seen);
  }
  return out;
}

/** LangChain's Serializable objects describe themselves as `{ lc: 1, type: "constructor", ... }`. */
function lcForm(value: object): LcSerialized | undefined {
  if (!("lc_serializable" in value) || typeof (value as { toJSON?: unknown }).toJSON !== "function") return undefined;
  const json = (value as unknown as { toJSON(): unknown }).toJSON() as LcSerialized;
  return json?.lc === 1 && json.type === "constructor" && Array.isArray(json.id) ? json : undefined;
}
