/**
 * Runs one corpus graph plainly, the way `node`/`tsx` would run it, with nothing of the debugger
 * involved: a child process (plain-child.mts) under the network guard, its models and search
 * index faked on 127.0.0.1. Returns the final state and every recorded model call. Also gives
 * `normalisedState`, which removes what differs between two runs of the same graph, so a plain
 * run and a debugger run (or two plain runs) can be compared.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { maskVolatile } from "../helpers/fake-models/volatile";
import type { JsonValue, ModelScript, RecordedCall } from "../helpers/fake-models/types";
import { configurableOf, graphFile, REPO_ROOT, type CorpusEntry } from "../fixtures/corpus/manifest-types";
import { NODE_GUARD_ARGS, startCorpusServices } from "./services";
import { RESULT_MARKER, type PlainRunResult, type PlainRunSpec } from "./plain-spec";

export interface PlainRunOptions {
  threadId?: string;
  /** Replaces the entry's scripted model. */
  script?: ModelScript;
  timeoutMs?: number;
  /** An edit made by hand on the way, as the debugger's Set Value makes it (see PlainRunSpec). */
  edit?: PlainRunSpec["edit"];
}

export interface PlainRun extends PlainRunResult {
  calls: RecordedCall[];
  /** Documents per index in the fake Elasticsearch after the run. */
  indexed: Record<string, number>;
  stderr: string;
}

const CHILD = path.join(__dirname, "plain-child.mts");

export async function plainRun(entry: CorpusEntry, options: PlainRunOptions = {}): Promise<PlainRun> {
  const services = await startCorpusServices(entry, options.script);
  try {
    const spec: PlainRunSpec = {
      file: graphFile(entry),
      exportName: entry.exportName,
      input: entry.input,
      configurable: configurableOf(entry),
      threadId: options.threadId ?? `plain-${entry.id}`,
      resume: entry.resume ?? [],
      store: entry.store ?? false,
      recursionLimit: 50,
      ...(options.edit ? { edit: options.edit } : {}),
    };
    const { stdout, stderr } = await runChild(spec, services.env, options.timeoutMs ?? 90_000);
    const indexed = Object.fromEntries([...(services.elastic?.indices ?? [])].map(([name, docs]) => [name, docs.length]));
    return { ...resultOf(stdout, stderr), calls: services.calls, indexed, stderr };
  } finally {
    await services.close();
  }
}

function runChild(spec: PlainRunSpec, env: Record<string, string>, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...NODE_GUARD_ARGS, "--import", "tsx", CHILD, JSON.stringify(spec)], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`plain run of ${spec.file} ended with ${signal ?? `exit ${code}`}:\n${stderr.slice(-3000)}`));
    });
  });
}

function resultOf(stdout: string, stderr: string): PlainRunResult {
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (!line) throw new Error(`plain run printed no result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as PlainRunResult;
}

/** Keys whose values are ids or clock readings, different in every run. */
const VOLATILE_KEYS = new Set(["id", "run_id", "lc_run_id", "created", "created_at", "modified_at", "timestamp", "system_fingerprint"]);

/** The state without what differs between two runs: ids, run ids, timestamps, UUIDs and times in text. */
export function normalisedState(state: JsonValue): JsonValue {
  if (typeof state === "string") return maskVolatile(state);
  if (Array.isArray(state)) return state.map(normalisedState);
  if (state === null || typeof state !== "object") return state;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(state)) {
    if (!VOLATILE_KEYS.has(key)) out[key] = normalisedState(value);
  }
  return out;
}
