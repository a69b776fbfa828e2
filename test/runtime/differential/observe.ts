/**
 * Turns what a user can see of a run (snapshots, history, stream chunks, errors, messages) into plain
 * JSON that does not depend on which engine produced it: generated ids become labels in order of
 * first appearance, timestamps become a placeholder, and LangSmith tracing extras are dropped. Two
 * engines that behave alike then produce deep-equal observations.
 */
import { CheckpointRef, CompiledGraph, HistoryOptions, Message, RunConfig, Snapshot, SnapshotTask } from "./lib";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX32 = /\b[0-9a-f]{32}\b/gi;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * Replaces every generated id by `#1`, `#2`, ... in the order it first appears, walking object keys
 * in sorted order so that the numbering does not depend on the order an engine writes its keys in.
 * The same id keeps the same label, so links (parent checkpoint, task id in two places) survive.
 */
export function normalizeIds(value: unknown): unknown {
  const labels = new Map<string, string>();
  const label = (id: string) => {
    const key = id.toLowerCase();
    if (!labels.has(key)) labels.set(key, `#${labels.size + 1}`);
    return labels.get(key)!;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (ISO_TIME.test(v)) return "<time>";
      return v.replace(UUID, label).replace(HEX32, label);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) out[key] = walk((v as Record<string, unknown>)[key]);
      return out;
    }
    return v;
  };
  return walk(toJson(value));
}

/** A JSON round trip: drops `undefined` members and turns class instances into their data. */
export function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** The part of a config that names a checkpoint; the rest of a run config is tracing detail. */
export function checkpointRef(config: CheckpointRef | undefined): unknown {
  const c = config?.configurable;
  if (!c) return config === undefined ? undefined : {};
  return { thread_id: c.thread_id, checkpoint_ns: c.checkpoint_ns, checkpoint_id: c.checkpoint_id };
}

export function errorView(error: unknown): unknown {
  if (!error || typeof error !== "object") return error;
  const e = error as { name?: string; message?: string; lc_error_code?: string };
  return { name: e.name, message: e.message, lc_error_code: e.lc_error_code };
}

export function taskView(task: SnapshotTask): unknown {
  return {
    id: task.id,
    name: task.name,
    path: task.path,
    interrupts: task.interrupts,
    error: task.error === undefined ? undefined : errorView(task.error),
    result: task.result,
  };
}

/** What a user reads off a `StateSnapshot` (the `input` extension of ours is left out on purpose). */
export function snapshotView(s: Snapshot): unknown {
  return {
    keys: Object.keys(s).filter((k) => k !== "input").sort(),
    values: s.values,
    next: s.next,
    tasks: s.tasks.map(taskView),
    metadata: s.metadata,
    config: checkpointRef(s.config),
    parentConfig: checkpointRef(s.parentConfig),
    hasCreatedAt: typeof s.createdAt === "string",
  };
}

/** A compact line per checkpoint: enough to compare history trees without drowning in detail. */
export function shortView(s: Snapshot): unknown {
  return {
    id: s.config.configurable?.checkpoint_id,
    parent: s.parentConfig?.configurable?.checkpoint_id,
    step: s.metadata?.step,
    source: s.metadata?.source,
    next: s.next,
    values: s.values,
  };
}

export async function historyOf(app: CompiledGraph, config: CheckpointRef, options?: HistoryOptions): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for await (const s of app.getStateHistory(config, options)) out.push(s);
  return out;
}

export async function stateOf(app: CompiledGraph, config: CheckpointRef): Promise<unknown> {
  return snapshotView(await app.getState(config));
}

/** Runs a stream to its end (or its error) and records each chunk as the user would see it. */
export async function streamOf(app: CompiledGraph, input: unknown, config: RunConfig): Promise<unknown> {
  const chunks: unknown[] = [];
  try {
    for await (const chunk of await app.stream(input, config)) chunks.push(chunkView(chunk, config.streamMode));
  } catch (error) {
    return { chunks, error: errorView(error) };
  }
  return { chunks };
}

function chunkView(chunk: unknown, mode: string | string[] | undefined): unknown {
  if (Array.isArray(mode) && Array.isArray(chunk)) return [chunk[0], chunkView(chunk[1], chunk[0])];
  if (mode === "debug") return debugEventView(chunk as DebugEvent);
  if (mode === "checkpoints") return checkpointPayloadView(chunk as Record<string, unknown>);
  if (mode === "tasks") return taskPayloadView(chunk as Record<string, unknown>);
  return chunk;
}

interface DebugEvent {
  step: number;
  type: string;
  timestamp?: string;
  payload: Record<string, unknown>;
}

function debugEventView(event: DebugEvent): unknown {
  const payload = event.type === "checkpoint" ? checkpointPayloadView(event.payload) : taskPayloadView(event.payload);
  return { step: event.step, type: event.type, hasTimestamp: typeof event.timestamp === "string", payload };
}

/** Checkpoint payloads: config reduced to its checkpoint; ours' extra `tasks[].input` left out. */
function checkpointPayloadView(p: Record<string, unknown>): unknown {
  const tasks = p.tasks as Array<Record<string, unknown>> | undefined;
  return {
    ...p,
    tasks: tasks?.map(({ input: _ours, ...task }) => task),
    config: checkpointRef(p.config as CheckpointRef),
    parentConfig: checkpointRef(p.parentConfig as CheckpointRef | undefined),
  };
}

/** Task payloads carry LangSmith `metadata`, which is tracing detail, not graph behaviour. */
function taskPayloadView(p: Record<string, unknown>): unknown {
  const { metadata: _tracing, ...rest } = p;
  return { ...rest, error: rest.error ? errorView(rest.error) : rest.error };
}

/** Runs `fn` and records either what it returned or the error it threw. */
export async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    return { ok: await fn() };
  } catch (error) {
    return { error: errorView(error) };
  }
}

/** Only the outcome's error, or `"no error"`: for calls whose return value is noise. */
export async function errorOf(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
    return "no error";
  } catch (error) {
    return errorView(error);
  }
}

const ROLE_OF_TYPE: Record<string, string> = { human: "user", ai: "assistant", system: "system", tool: "tool" };

/**
 * A message as both engines can show it: ours keeps plain `{role, content}` objects, the real one
 * turns them into LangChain message classes whose type says the role.
 */
export function messageView(m: Message & { getType?: () => string }): unknown {
  const role = m.role ?? ROLE_OF_TYPE[m.getType?.() ?? ""] ?? "unknown";
  const toolCalls = m.tool_calls && m.tool_calls.length > 0 ? m.tool_calls : undefined;
  return { role, content: m.content, id: m.id, tool_calls: toolCalls };
}
