/**
 * Small graphs most scenarios start from, built with whichever library the scenario was given: a
 * state with an appending `log` list and a plain `x` value, nodes that log their own name, a linear
 * a -> b -> c chain. Every node also records its run in a `calls` list so scenarios can tell which
 * nodes really executed (as opposed to what the state says).
 */
import { CompileOptions, CompiledGraph, GraphBuilder, GraphLib } from "../lib";

export interface LogState {
  log: string[];
  x?: unknown;
  n?: number;
}

export const thread = (id: string) => ({ configurable: { thread_id: id } });

/** `log` appends, `x` and `n` keep the last value written (LangGraph's LastValue channel). */
export function logState(lib: GraphLib): object {
  return lib.Annotation.Root({
    log: lib.Annotation<string[]>({ reducer: (a: string[], b: string[]) => a.concat(b), default: () => [] }),
    x: lib.Annotation(),
    n: lib.Annotation(),
  });
}

/** A node that logs its name and notes that it ran. */
export function logNode(name: string, calls: string[]) {
  return () => {
    calls.push(name);
    return { log: [name] };
  };
}

/** START -> names[0] -> names[1] -> ... -> END, each node a `logNode`. */
export function chain(lib: GraphLib, names: string[], calls: string[]): GraphBuilder {
  const g = new lib.StateGraph(logState(lib));
  for (const name of names) g.addNode(name, logNode(name, calls));
  const path = [lib.START, ...names, lib.END];
  for (let i = 0; i + 1 < path.length; i++) g.addEdge(path[i], path[i + 1]);
  return g;
}

/** The a -> b -> c chain, compiled with a fresh MemorySaver and the given options. */
export function linear(lib: GraphLib, calls: string[], options: CompileOptions = {}): CompiledGraph {
  return chain(lib, ["a", "b", "c"], calls).compile({ checkpointer: new lib.MemorySaver(), ...options });
}

/** a -> ask (interrupts with "q?", stores the answer in x) -> c. */
export function askGraph(lib: GraphLib, calls: string[], options: CompileOptions = {}): CompiledGraph {
  return new lib.StateGraph(logState(lib))
    .addNode("a", logNode("a", calls))
    .addNode("ask", () => {
      calls.push("ask");
      const answer = lib.interrupt("q?");
      return { x: answer, log: ["ask"] };
    })
    .addNode("c", logNode("c", calls))
    .addEdge(lib.START, "a")
    .addEdge("a", "ask")
    .addEdge("ask", "c")
    .addEdge("c", lib.END)
    .compile({ checkpointer: new lib.MemorySaver(), ...options });
}

/** How many times each name occurs in `calls`. */
export function counts(calls: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[c] = (out[c] ?? 0) + 1;
  return out;
}
