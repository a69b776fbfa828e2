/**
 * Makes any state value safe to send as JSON, so the adapter and the panel see what the graph holds
 * instead of what `JSON.stringify` would silently drop: a Date becomes its ISO text, a Map an
 * object, a Set an array, a BigInt `"12n"`, a function `"[Function name]"`, a cycle `"[Circular]"`,
 * a LangChain message its type and fields (langchain-values.ts). Plain JSON values come back as they are.
 */
import { isLangChainObject, langChainFields } from "./langchain-values";

export function toJsonSafe(value: unknown, ancestors: unknown[] = []): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return undefined;
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name || "anonymous"}]`;
  }
  if (value === null) return null;
  if (ancestors.includes(value)) return "[Circular]";
  const inner = [...ancestors, value];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), toJsonSafe(item, inner)]));
  if (value instanceof Set) return [...value].map((item) => toJsonSafe(item, inner));
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>, (item) => {
      const safe = toJsonSafe(item, inner);
      return safe === undefined ? null : safe;
    });
  }
  if (isLangChainObject(value)) return toJsonSafe(langChainFields(value), inner);
  if (isLangChainObject(value)) return toJsonSafe(langChainFields(value), inner);
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return toJsonSafe(withJson.toJSON(), inner);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const safe = toJsonSafe(item, inner);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}

/** A short type name for a value: `typeof`, or an object's class name. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "Array";
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "Object";
}
