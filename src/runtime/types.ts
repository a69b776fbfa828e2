/**
 * The values users pass in and get back: `Command`, `Send`, the run config and the `StateSnapshot`.
 * Shapes follow LangGraph.js so user code written for it type-checks against ours.
 */
import { CheckpointConfig, CheckpointMetadata } from "./checkpoint/types";
import { Interrupt } from "./errors";

/** Run a node with its own input, as a task of the next step (map-reduce fan-out). */
export class Send<Args = unknown> {
  readonly lg_name = "Send";
  constructor(
    readonly node: string,
    readonly args: Args,
  ) {}
}

export function isSend(value: unknown): value is Send {
  return value instanceof Send || (typeof value === "object" && value !== null && (value as Send).lg_name === "Send");
}

/** A write that replaces a reduced value instead of going through its reducer. */
export class Overwrite<Value = unknown> {
  readonly lg_name = "Overwrite";
  constructor(readonly value: Value) {}
}

export function isOverwrite(value: unknown): value is Overwrite {
  return typeof value === "object" && value !== null && (value as Overwrite).lg_name === "Overwrite";
}

export type Goto = string | Send | Array<string | Send>;

export interface CommandParams {
  resume?: unknown;
  update?: Record<string, unknown> | [string, unknown][];
  goto?: Goto;
  /** `Command.PARENT`: the update and goto are for the graph around this subgraph. */
  graph?: string;
}

/** Returned by a node (update state and route), or passed to `invoke` (resume, update, route). */
export class Command {
  readonly lg_name = "Command";
  readonly resume?: unknown;
  readonly update?: Record<string, unknown> | [string, unknown][];
  readonly goto: Array<string | Send>;
  readonly graph?: string;
  /** The graph a node's subgraph runs in: a node inside a subgraph sends its command there (a handoff). */
  static readonly PARENT = "__parent__";

  constructor(params: CommandParams = {}) {
    this.resume = params.resume;
    this.update = params.update;
    if (params.graph !== undefined) this.graph = params.graph;
    const goto = params.goto;
    this.goto = goto === undefined ? [] : Array.isArray(goto) ? goto : [goto];
  }
}

export function isCommand(value: unknown): value is Command {
  return value instanceof Command || (typeof value === "object" && value !== null && (value as Command).lg_name === "Command");
}

export type InterruptList = string[] | "*";

export interface RunConfig extends CheckpointConfig {
  recursionLimit?: number;
  /** Ends the run: the step in flight is abandoned, nothing after the last checkpoint is lost. */
  signal?: AbortSignal;
  /** Debugger's pause: the run stops at the next superstep boundary, as at a breakpoint. */
  pauseSignal?: AbortSignal;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  streamMode?: StreamMode | StreamMode[];
  /**
   * Debugger hook: called synchronously as each task starts, before its node runs (so a node that
   * never gives control back is still seen starting).
   */
  onTaskStart?: (task: { id: string; name: string; path: unknown[]; input: unknown; namespace: string }) => void;
  [key: string]: unknown;
}

export const STREAM_MODES = ["values", "updates", "debug", "tasks", "checkpoints"] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

export interface PregelTaskView {
  id: string;
  name: string;
  path: unknown[];
  input?: unknown;
  interrupts: Interrupt[];
  error?: { message: string; name: string };
  result?: Record<string, unknown>;
  /** For a subgraph task: its config, or (with `{subgraphs: true}`) its snapshot. */
  state?: CheckpointConfig | StateSnapshot;
}

export interface StateSnapshot {
  // Values are whatever the user's state holds; `any` lets `snapshot.values.messages.length`
  // type-check as it does against LangGraph.js.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  values: Record<string, any>;
  next: string[];
  tasks: PregelTaskView[];
  metadata?: CheckpointMetadata;
  config: CheckpointConfig;
  createdAt?: string;
  parentConfig?: CheckpointConfig;
}
