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

interface Snapshot {
  values: unknown;
  next: string[];
  tasks: Array<{ interrupts?: Array<{ value?: unknown }> }>;
}

interface Graph {
  invoke(input: unknown, config: object): Promise<unknown>;
  getState(config: object): Promise<Snapshot>;
  getStateHistory(config: object): AsyncIterable<Snapshot>;
  updateState(config: object, values: unknown): Promise<unknown>;
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
  // Until the edit is made, the run stops before the node it is made at, as a breakpoint would.
  let edited = !spec.edit;
  const withBreak = () => (edited ? config : { ...config, interruptBefore: [spec.edit!.before] });
  let output = await graph.invoke(spec.input, withBreak());
  const answered: JsonValue[] = [];
  const answers = [...spec.resume];
  for (;;) {
    const snapshot = await graph.getState(config);
    const pending = interruptsOf(snapshot);
    if (pending.length > 0 && answers.length > 0) {
      answered.push(...pending);
      output = await graph.invoke(new Command({ resume: answers.shift() }), withBreak());
    } else if (!edited && snapshot.next.includes(spec.edit!.before)) {
      await editFirstMessage(graph, config, snapshot, spec.edit!);
      edited = true;
      output = await graph.invoke(null, config);
    } else break;
  }
  const snapshot = await graph.getState(config);
  const scheduled = await scheduledNodes(graph, config);
  return { values: toPlainJson(snapshot.values), output: toPlainJson(output), next: snapshot.next, interrupts: interruptsOf(snapshot), answered, scheduled };
}

/** `updateState` with the first message of `key`, rebuilt as its own class with the same id and the suffix added. */
async function editFirstMessage(graph: Graph, config: object, snapshot: Snapshot, edit: NonNullable<PlainRunSpec["edit"]>): Promise<void> {
  const [first] = (snapshot.values as Record<string, unknown[]>)[edit.key] as Array<{ constructor: new (fields: object) => unknown; lc_kwargs: object; id?: string; content: unknown }>;
  const rebuilt = new first.constructor({ ...first.lc_kwargs, id: first.id, content: `${String(first.content)}${edit.suffix}` });
  await graph.updateState(config, { [edit.key]: [rebuilt] });
}

/** Every node some checkpoint of the thread had next: where a debugger could have stopped. */
async function scheduledNodes(graph: Graph, config: object): Promise<string[]> {
  const nodes = new Set<string>();
  for await (const checkpoint of graph.getStateHistory(config)) checkpoint.next.forEach((node) => nodes.add(node));
  return [...nodes].sort();
}

function interruptsOf(snapshot: Snapshot) {
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
