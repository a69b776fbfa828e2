/**
 * The child process of a plain corpus run: runs one graph the way `node`/`tsx` would, with
 * nothing of the debugger in it. It imports the graph file, takes the named export, compiles a
 * builder with a MemorySaver (or gives a compiled graph one), invokes it with the input on a
 * thread, answers interrupts with the given resume values, and prints the final checkpointed
 * state (and the last invoke's return value) as one JSON line after RESULT_MARKER. Arguments come as one JSON object in argv[2] (a PlainRunSpec).
 */
import { pathToFileURL } from "node:url";
import { Command, InMemoryStore, MemorySaver } from "@langchain/langgraph";
import type { JsonValue } from "../helpers/fake-models/types.js";
import { toPlainJson } from "./plain-json.js";
import { RESULT_MARKER, type PlainRunSpec } from "./plain-spec.js";

interface Graph {
  invoke(input: unknown, config: object): Promise<unknown>;
  getState(config: object): Promise<{ values: unknown; next: string[]; tasks: Array<{ interrupts?: Array<{ value?: unknown }> }> }>;
  checkpointer?: unknown;
  store?: unknown;
}

async function graphOf(spec: PlainRunSpec): Promise<Graph> {
  const module = (await import(pathToFileURL(spec.file).href)) as Record<string, unknown>;
  const exported = module[spec.exportName] as Partial<Graph> & { compile?: (options: object) => Graph };
  if (!exported) throw new Error(`${spec.file} has no export "${spec.exportName}" (exports: ${Object.keys(module).join(", ")})`);
  const store = spec.store ? new InMemoryStore() : undefined;
  if (typeof exported.invoke === "function" && typeof exported.getState === "function") {
    const graph = exported as Graph;
    graph.checkpointer ??= new MemorySaver();
    if (store) graph.store ??= store;
    return graph;
  }
  if (typeof exported.compile === "function") return exported.compile({ checkpointer: new MemorySaver(), store });
  throw new Error(`export "${spec.exportName}" is neither a compiled graph nor a StateGraph builder`);
}

async function run(spec: PlainRunSpec) {
  const graph = await graphOf(spec);
  const config = { configurable: { ...spec.configurable, thread_id: spec.threadId }, recursionLimit: spec.recursionLimit };
  let output = await graph.invoke(spec.input, config);
  const answered: JsonValue[] = [];
  for (const answer of spec.resume) {
    const pending = interruptsOf(await graph.getState(config));
    if (pending.length === 0) break;
    answered.push(...pending);
    output = await graph.invoke(new Command({ resume: answer }), config);
  }
  const snapshot = await graph.getState(config);
  return { values: toPlainJson(snapshot.values), output: toPlainJson(output), next: snapshot.next, interrupts: interruptsOf(snapshot), answered };
}

function interruptsOf(snapshot: Awaited<ReturnType<Graph["getState"]>>) {
  return snapshot.tasks.flatMap((task) => (task.interrupts ?? []).map((i) => toPlainJson(i.value)));
}

const spec = JSON.parse(process.argv[2] ?? "{}") as PlainRunSpec;
run(spec).then(
  (result) => process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`, () => process.exit(0)),
  (error: Error) => {
    process.stderr.write(`plain run failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
