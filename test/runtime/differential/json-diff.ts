/**
 * Lists where two JSON observations differ, as `path: real … ours …` lines. Mocha's own diff of a
 * large observation is truncated and hard to read; these lines say in one glance what ours got wrong.
 */

export interface Divergence {
  path: string;
  expected: unknown;
  actual: unknown;
}

export function divergences(expected: unknown, actual: unknown, path = "$", out: Divergence[] = []): Divergence[] {
  if (Object.is(expected, actual)) return out;
  const bothArrays = Array.isArray(expected) && Array.isArray(actual);
  const bothObjects = isPlainObject(expected) && isPlainObject(actual);
  if (bothArrays) {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      if (i >= expected.length || i >= actual.length) out.push({ path: `${path}[${i}]`, expected: expected[i], actual: actual[i] });
      else divergences(expected[i], actual[i], `${path}[${i}]`, out);
    }
  } else if (bothObjects) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) divergences(expected[key], actual[key], `${path}.${key}`, out);
  } else {
    out.push({ path, expected, actual });
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const show = (value: unknown) => (value === undefined ? "(absent)" : JSON.stringify(value));

/** At most `limit` divergences, one per line, with how many more were left out. */
export function describeDivergences(expected: unknown, actual: unknown, limit = 12): string {
  const all = divergences(expected, actual);
  const lines = all.slice(0, limit).map((d) => `  ${d.path}: expected ${show(d.expected)}, ours ${show(d.actual)}`);
  if (all.length > limit) lines.push(`  … and ${all.length - limit} more`);
  return lines.join("\n");
}
