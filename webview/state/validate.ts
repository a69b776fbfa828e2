/**
 * Checks what a person typed before anything is sent: state edits (JSON that parses, an object,
 * keys the state has, a node the graph has) and interrupt answers (JSON, or plain text sent as a
 * string). Every problem comes back as a sentence that says what to fix; the caller shows it next to
 * the field and sends nothing. Pure, so Node tests can check the wording and the rules directly.
 */

import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * JSON.parse, with the first error placed as "line L, column C" (V8's own message no longer gives a
 * position): jsonc-parser, in strict mode, finds where the text goes wrong.
 */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return { ok: false, error: `Invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
    const before = text.slice(0, first.offset);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    return { ok: false, error: `Invalid JSON at line ${line}, column ${column}: ${reason}.` };
  }
}

export interface StateEditCheck {
  /** The edited state (top-level object). */
  values: unknown;
  /** Keys the state has (its channels); empty when unknown, which skips the key check. */
  knownKeys: ReadonlySet<string>;
  asNode: string | undefined;
  /** Nodes `asNode` may name. */
  nodes: readonly string[];
  /** Why no node is chosen, when the default is ambiguous. */
  ambiguous?: readonly string[];
}

/** Returns the problems, each as one sentence; empty means the edit may be sent. */
export function checkStateEdit(check: StateEditCheck): string[] {
  const problems: string[] = [];
  const { values } = check;
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    problems.push(`The state must be a JSON object of keys to values, not ${describe(values)}.`);
  } else if (check.knownKeys.size) {
    const unknown = Object.keys(values).filter((key) => !check.knownKeys.has(key));
    if (unknown.length) {
      const list = unknown.map((key) => JSON.stringify(key)).join(", ");
      const known = [...check.knownKeys].map((key) => JSON.stringify(key)).join(", ");
      problems.push(`Unknown key${unknown.length > 1 ? "s" : ""} ${list}: the state has ${known}.`);
    }
  }
  if (check.asNode === undefined || check.asNode === "") {
    if (check.ambiguous?.length) {
      problems.push(`Choose "as node": ${check.ambiguous.join(" and ")} both wrote last, so the engine cannot pick one.`);
    } else {
      problems.push(`Choose "as node": the node this edit acts as.`);
    }
  } else if (!check.nodes.includes(check.asNode)) {
    problems.push(`Unknown node ${JSON.stringify(check.asNode)} for "as node": choose one of ${check.nodes.join(", ")}.`);
  }
  return problems;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return `a ${typeof value}`;
}

export type AnswerKind = "json" | "text";

/**
 * An interrupt answer: valid JSON is sent as that value; anything else is sent as the text itself,
 * so typing `yes` answers with the string "yes". Only an empty box is refused.
 */
export function parseAnswer(text: string): { ok: true; value: unknown; kind: AnswerKind } | { ok: false; error: string } {
  if (!text.trim()) return { ok: false, error: "Type an answer: JSON, or plain text (sent as a string)." };
  const parsed = parseJson(text);
  return parsed.ok ? { ok: true, value: parsed.value, kind: "json" } : { ok: true, value: text, kind: "text" };
}

/** A short description of what an answer will send, shown under the box as the person types. */
export function describeAnswer(text: string): string {
  const answer = parseAnswer(text);
  if (!answer.ok) return answer.error;
  if (answer.kind === "text") return `Will send the text as a string (it is not JSON).`;
  const value = answer.value;
  return `Will send JSON ${Array.isArray(value) ? "array" : value === null ? "null" : typeof value}.`;
}

/** The top-level keys whose values differ between the original and the edit. */
export function changedKeys(original: Record<string, unknown>, edited: Record<string, unknown>): string[] {
  // An edit copies only the path it changes, so an untouched key is the very same value: no JSON needed.
  return Object.keys(edited).filter((key) => !(key in original) || (original[key] !== edited[key] && stableJson(original[key]) !== stableJson(edited[key])));
}

/** JSON with object keys sorted, so key order alone never counts as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]));
    }
    return inner;
  }) ?? "undefined";
}
