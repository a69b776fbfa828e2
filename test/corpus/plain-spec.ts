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
  /**
   * An edit made the way a LangGraph.js user makes one by hand: run until `before` is next
   * (`interruptBefore`), append `suffix` to the first message of `key` with `updateState` (the
   * message rebuilt as its own class, same id), and go on. What the debugger's Set Value does.
   */
  edit?: { before: string; key: string; suffix: string };
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
  /** The nodes any checkpoint of the thread had as next, sorted. */
  scheduled: string[];
}
