/**
 * What the plain-run parent tells its child (one JSON argument) and the marker the child puts
 * before its result line, shared by both sides.
 */
import type { JsonValue } from "../helpers/fake-models/types";

export const RESULT_MARKER = "__PLAIN_RUN_RESULT__";

export interface PlainRunSpec {
  /** Absolute path of the graph file. */
  file: string;
  exportName: string;
  input: JsonValue;
  configurable: { [key: string]: JsonValue };
  threadId: string;
  /** Answers to interrupts, in order, each given with `new Command({ resume })`. */
  resume: JsonValue[];
  /** Give the graph an InMemoryStore (graphs that read `config.store`). */
  store: boolean;
  recursionLimit: number;
}

export interface PlainRunResult {
  /** The final checkpointed state (`getState().values`). */
  values: JsonValue;
  /** What the last `invoke` returned: can hold keys no checkpoint keeps (createAgent's structuredResponse). */
  output: JsonValue;
  next: string[];
  /** Interrupts still pending at the end. */
  interrupts: JsonValue[];
  /** The interrupt values the run stopped at and answered with `resume`, in order. */
  answered: JsonValue[];
}
