/**
 * What the end-to-end stories measure (F5 to paused, Pause on a spinning node, the .vsix size...),
 * kept in test-artifacts/e2e/measurements.json and printed at the end. They are reported, not
 * asserted: timing goals are checked by people and benchmarks, so a busy machine cannot fail a test.
 * Each name carries its unit.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";

const measured: Record<string, number> = {};

export function recordMeasure(name: string, value: number): void {
  measured[name] = Math.round(value);
}

export function writeTimings(dir: string): void {
  if (Object.keys(measured).length === 0) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "measurements.json"), JSON.stringify(measured, null, 2));
  console.log("\n  e2e measurements:");
  for (const [name, value] of Object.entries(measured)) console.log(`    ${name}: ${value}`);
}
