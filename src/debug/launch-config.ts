/**
 * The launch and attach attributes of the `langgraph` debug type, checked and completed with their
 * defaults. A wrong attribute is refused with a message that names it and says what to write; the
 * extension's launch.json schema mirrors these names.
 */
import { randomUUID } from "node:crypto";
import * as path from "node:path";
import type { DebugProtocol } from "@vscode/debugprotocol";
import { ENGINE_CHOICES, type EngineChoice } from "../protocol/runner";

export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** The graph file (TypeScript or JavaScript). */
  program: string;
  /** The export to debug, when the file exports several graphs. */
  graph?: string;
  /** The input of the run (JSON). */
  input?: unknown;
  /** The thread to run in; an existing id continues that thread. Default: a new one. */
  threadId?: string;
  /** Where checkpoints are kept. Default: `.langgraph` in the workspace (`cwd`). */
  checkpointDir?: string;
  stopOnEntry?: boolean;
  cwd?: string;
  env?: Record<string, string>;
  /** Supersteps a run may take (LangGraph's `recursionLimit`, default 25). */
  recursionLimit?: number;
  /** Values every run gets in `config.configurable` (a template's model name, a user id), beside the thread id. */
  configurable?: Record<string, unknown>;
  /** Which LangGraph runs the graph: the workspace's (`workspace`), ours (`builtin`), or `auto`. */
  engine?: EngineChoice;
}

export interface AttachArguments extends DebugProtocol.AttachRequestArguments {
  program: string;
  graph?: string;
  /** The thread to open. */
  threadId: string;
  checkpointDir?: string;
  cwd?: string;
  env?: Record<string, string>;
  recursionLimit?: number;
  configurable?: Record<string, unknown>;
  engine?: EngineChoice;
}

export interface SessionConfig {
  request: "launch" | "attach";
  program: string;
  graph?: string;
  input?: unknown;
  threadId: string;
  /** The thread id was chosen by us, so the thread is new. */
  newThread: boolean;
  checkpointDir: string;
  stopOnEntry: boolean;
  cwd: string;
  env: Record<string, string>;
  recursionLimit?: number;
  configurable?: Record<string, unknown>;
  engine: EngineChoice;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function resolveConfig(request: "launch" | "attach", args: Partial<LaunchArguments>): SessionConfig {
  if (typeof args.program !== "string" || args.program.trim() === "") {
    throw new ConfigError('The launch configuration needs "program": the graph file to debug, for example "${file}".');
  }
  const baseDir = typeof args.cwd === "string" ? path.resolve(args.cwd) : undefined;
  const program = path.resolve(baseDir ?? process.cwd(), args.program);
  const cwd = baseDir ?? path.dirname(program);
  if (request === "attach" && (typeof args.threadId !== "string" || args.threadId === "")) {
    throw new ConfigError('"attach" needs "threadId": the id of the thread to open (see the Checkpoints view).');
  }
  if (args.threadId !== undefined && typeof args.threadId !== "string") throw new ConfigError('"threadId" must be a string.');
  if (args.env !== undefined && (typeof args.env !== "object" || args.env === null)) throw new ConfigError('"env" must be an object of strings.');
  if (args.engine !== undefined && !ENGINE_CHOICES.includes(args.engine)) {
    throw new ConfigError(`"engine" must be one of ${ENGINE_CHOICES.map((choice) => `"${choice}"`).join(", ")}, not ${JSON.stringify(args.engine)}.`);
  }
  const configurable = args.configurable;
  if (configurable !== undefined && (typeof configurable !== "object" || configurable === null || Array.isArray(configurable))) {
    throw new ConfigError('"configurable" must be an object, for example {"model": "openai/gpt-4o-mini"}.');
  }
  if (configurable && ("thread_id" in configurable || "checkpoint_id" in configurable || "checkpoint_ns" in configurable)) {
    throw new ConfigError('"configurable" may not set thread_id, checkpoint_id or checkpoint_ns: use "threadId", or travel to a checkpoint in the debugger.');
  }
  const limit = args.recursionLimit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new ConfigError('"recursionLimit" must be a whole number above 0.');
  return {
    request,
    program,
    ...(args.graph ? { graph: args.graph } : {}),
    ...(args.input !== undefined ? { input: args.input } : {}),
    threadId: args.threadId ?? randomUUID(),
    newThread: args.threadId === undefined,
    checkpointDir: path.resolve(cwd, args.checkpointDir ?? ".langgraph"),
    stopOnEntry: args.stopOnEntry === true,
    cwd,
    env: { ...(args.env ?? {}) },
    ...(limit !== undefined ? { recursionLimit: limit } : {}),
    ...(configurable ? { configurable } : {}),
    engine: args.engine ?? "auto",
  };
}
