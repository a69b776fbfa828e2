/**
 * Answers sent as their difference from the answer before. The runner answers every `run` with the
 * whole thread state, and a chat's state grows by a message a step: sent whole, a stop at step
 * 10,000 would cost a hundred times a stop at step 100. Sent as a patch against the previous
 * answer of the same method, a stop costs what changed (the new messages), however long the
 * thread. A patch is plain JSON: `0` keeps the base's value, `{v}` is a new value, `{o}` an object
 * whose keys are patched one by one against the base's, `{a, k}` an array that keeps the base's
 * first `k` items and continues with `a`. Both ends apply every patch in the order it was sent, so
 * they always agree on the base. Values must be JSON data (what the runner makes of state values);
 * the receiver's results share unchanged parts with earlier results: treat them as read-only.
 */

export type Patch = 0 | { v: unknown } | { o: Record<string, Patch> } | { a: Patch[]; k: number };

const SAME = 0;

/** The patch that turns `base` into `next`; `0` when they are the same JSON. */
export function diff(base: unknown, next: unknown): Patch {
  if (next === base) return SAME;
  if (Array.isArray(next)) return Array.isArray(base) ? diffArray(base, next) : { v: next };
  if (isPlainObject(next) && isPlainObject(base)) return diffObject(base, next);
  return { v: next ?? null }; // JSON has no undefined: an array item or an answer becomes null
}

function diffArray(base: unknown[], next: unknown[]): Patch {
  let kept = 0;
  while (kept < next.length && kept < base.length && diff(base[kept], next[kept]) === SAME) kept++;
  if (kept === next.length && kept === base.length) return SAME;
  const rest: Patch[] = [];
  for (let i = kept; i < next.length; i++) rest.push(i < base.length ? diff(base[i], next[i]) : { v: next[i] ?? null });
  return { a: rest, k: kept };
}

function diffObject(base: Record<string, unknown>, next: Record<string, unknown>): Patch {
  const keys = Object.keys(next).filter((key) => next[key] !== undefined); // JSON leaves them out
  const baseKeys = Object.keys(base).filter((key) => base[key] !== undefined);
  const fields: Record<string, Patch> = {};
  let same = keys.length === baseKeys.length;
  keys.forEach((key, index) => {
    const patch = hasOwn(base, key) ? diff(base[key], next[key]) : { v: next[key] };
    if (patch !== SAME || baseKeys[index] !== key) same = false; // the key order is part of what a view shows
    setOwn(fields, key, patch);
  });
  return same ? SAME : { o: fields };
}

/** `base` with `patch` applied: a new value sharing the parts the patch keeps. */
export function apply(base: unknown, patch: Patch): unknown {
  if (patch === SAME) return base;
  if ("v" in patch) return patch.v;
  if ("o" in patch) {
    const from = isPlainObject(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(patch.o)) setOwn(out, key, apply(hasOwn(from, key) ? from[key] : undefined, inner));
    return out;
  }
  const from = Array.isArray(base) ? base : [];
  const out = from.slice(0, patch.k);
  patch.a.forEach((inner, index) => out.push(apply(from[patch.k + index], inner)));
  return out;
}

/** One end of a stream of answers: remembers the last answer of each method it sent or received. */
export class DeltaStream {
  private readonly last = new Map<string, unknown>();

  encode(method: string, result: unknown): Patch {
    const patch = diff(this.last.get(method), result);
    this.last.set(method, result);
    return patch;
  }

  decode(method: string, patch: Patch): unknown {
    const result = apply(this.last.get(method), patch);
    this.last.set(method, result);
    return result;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Sets a key even when it is `__proto__` (JSON data may have one). */
function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
