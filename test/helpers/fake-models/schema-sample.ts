/**
 * Makes a deterministic value that fits a JSON Schema: the arguments of a scripted tool call
 * and the JSON of a structured-output answer. Graphs parse these with their zod schemas, so the
 * value must validate; `choices` lets a corpus entry steer a property by name (for example the
 * research agent's router `type`), since the first enum member is not always the path worth
 * running.
 */
import type { JsonSchema, JsonValue } from "./types";

export type Choices = Record<string, JsonValue>;

interface Walk {
  root: JsonSchema;
  choices: Choices;
  depth: number;
}

export function sampleFromSchema(schema: JsonSchema, choices: Choices = {}): JsonValue {
  return sample(schema, undefined, { root: schema, choices, depth: 0 });
}

/** `key` is the property name the value is for; undefined at the root, which no choice names. */
function sample(schema: JsonSchema, key: string | undefined, walk: Walk): JsonValue {
  if (walk.depth > 12) return null;
  const resolved = resolveRef(schema, walk.root);
  const next = { ...walk, depth: walk.depth + 1 };
  if (key !== undefined && Object.hasOwn(walk.choices, key)) return walk.choices[key];
  if (resolved.const !== undefined) return resolved.const as JsonValue;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0] as JsonValue;
  if (resolved.default !== undefined) return resolved.default as JsonValue;
  const variant = firstVariant(resolved);
  if (variant) return sample(variant, key, next);
  return sampleByType(resolved, key, next);
}

function sampleByType(schema: JsonSchema, key: string | undefined, walk: Walk): JsonValue {
  switch (typeOf(schema)) {
    case "object":
      return sampleObject(schema, walk);
    case "array":
      return [sample((schema.items as JsonSchema | undefined) ?? {}, key && singular(key), walk)];
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return `${key ?? "text"} value`;
  }
}

/** Required properties only: optional ones (a memory id to overwrite, say) change behaviour. */
function sampleObject(schema: JsonSchema, walk: Walk): { [key: string]: JsonValue } {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const out: { [key: string]: JsonValue } = {};
  for (const name of Object.keys(properties)) {
    if (required.includes(name) || Object.hasOwn(walk.choices, name)) {
      out[name] = sample(properties[name], name, walk);
    }
  }
  return out;
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== "null") ?? "null";
  if (typeof type === "string") return type;
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return undefined;
}

function firstVariant(schema: JsonSchema): JsonSchema | undefined {
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) {
      const nonNull = (list as JsonSchema[]).find((s) => s.type !== "null");
      return nonNull ?? (list[0] as JsonSchema);
    }
  }
  return undefined;
}

/** Local references only (`#/$defs/X`, `#/definitions/X`): what zod's JSON Schema output uses. */
function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as JsonSchema | undefined) ?? {};
}

function singular(key: string): string {
  if (key.endsWith("ies")) return `${key.slice(0, -3)}y`;
  return key.endsWith("s") && key.length > 1 ? key.slice(0, -1) : key;
}
