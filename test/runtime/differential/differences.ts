/**
 * The deliberate differences between our engine and LangGraph.js 1.7.3, in one place. Each names the
 * scenario it affects, says why we differ, and derives what ours must observe from what the real
 * library observed. The comparison checks ours against that derived expectation (so a difference is
 * still tested), and fails if the real library already observes it (so a stale entry gets noticed).
 */

export type Json = unknown;

export interface KnownDifference {
  /** `<scenario file>/<exported scenario name>`. */
  scenario: string;
  reason: string;
  expectOurs(real: Json): Json;
}

type Observation = Record<string, unknown>;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    scenario: "time-travel/forkFromPastCheckpoint",
    reason:
      "An updateState checkpoint records which node the edit was made as, in metadata.writes ({[asNode]: " +
      "updates}, as LangGraph Python does), so the debugger's timeline can say who wrote it. LangGraph.js 1.7 " +
      "records nothing there.",
    expectOurs(real) {
      const ours = clone(real) as { fork: { values: { x: unknown }; metadata: Record<string, unknown> } };
      ours.fork.metadata.writes = { a: { x: ours.fork.values.x } };
      return ours;
    },
  },
  {
    scenario: "pending-writes/siblingThrowsFinishedSiblingKept",
    reason:
      "When one task of a step throws, LangGraph.js also records an AbortError on a sibling that had already " +
      "finished (and keeps its result). A debugger would then show an error on a task that succeeded, so ours " +
      "records the error only on the task that threw; the retry runs the same tasks in both.",
    expectOurs(real) {
      const ours = clone(real) as { failed: { tasks: Array<Record<string, unknown>> } };
      for (const task of ours.failed.tasks) {
        if (task.result !== undefined) delete task.error;
      }
      return ours;
    },
  },
  {
    scenario: "update-state/updateAtInterruptWithoutAsNode",
    reason:
      "Seed 'Manual Interrupt / Resume with input': an updateState without asNode made while a task waits in " +
      "interrupt() becomes that interrupt's resume value, so the next invoke(null) finishes the node with it. " +
      "LangGraph.js re-runs the node, which interrupts again and never sees the values.",
    expectOurs(real) {
      const ours = clone(real) as Observation;
      const update = ours.update as Observation;
      const resumed = { log: ["a", "ask"], x: update };
      ours.resumed = { values: resumed, interrupts: [] };
      ours.final = { next: [], values: resumed };
      ours.askRuns = 2;
      return ours;
    },
  },
  {
    scenario: "update-state/updateAtInterruptWithoutAsNodeSingleNode",
    reason: "Same seed rule as update-state/updateAtInterruptWithoutAsNode, on a graph whose only node interrupts.",
    expectOurs(real) {
      const ours = clone(real) as Observation;
      const update = ours.update as Observation;
      const resumed = { log: ["ask"], x: update };
      ours.resumed = { values: resumed, interrupts: [] };
      ours.final = { next: [], values: resumed };
      ours.askRuns = 2;
      return ours;
    },
  },
  {
    scenario: "graph-shape/conditionalEdgeWithoutPathMap",
    reason:
      "A conditional edge without a path map: LangGraph.js draws it to every node and END, which users found " +
      "misleading. Ours never invents edges: getGraph() lists the route under `dynamic`, with the targets " +
      "observed at run time (none before the first run).",
    expectOurs(real) {
      const ours = clone(real) as { beforeRun: Shape; afterRun: Shape };
      return { beforeRun: withDynamicRoute(ours.beforeRun, []), afterRun: withDynamicRoute(ours.afterRun, ["b"]) };
    },
  },
  {
    scenario: "messages/plainMessageDictsClasses",
    reason:
      "LangGraph.js turns plain message dicts into @langchain/core message classes; our engine does not depend on " +
      "@langchain/core, so a plain message stays a plain object (message objects keep their classes in both: see " +
      "messages/langchainMessagesKeepTheirClasses).",
    expectOurs(real) {
      const ours = clone(real) as { classes: string[] };
      ours.classes = ours.classes.map(() => "Object");
      return ours;
    },
  },
  {
    scenario: "subgraphs/stateOfAGraphInvokedInsideANode",
    reason:
      "A graph invoked from inside a node keeps its checkpoints under the node's task namespace in both engines, " +
      "but LangGraph.js's getState(config, {subgraphs: true}) only nests the snapshots of subgraphs used as " +
      "nodes. Ours also nests an invoked graph's, once the node has been seen invoking it, so the debugger can " +
      "show the nested Call Stack and state of a graph a node calls.",
    expectOurs(real) {
      const ours = clone(real) as { inner: unknown };
      ours.inner = { next: ["c2"], values: { log: ["c1"] } };
      return ours;
    },
  },
  {
    scenario: "subgraphs/subgraphWithCheckpointerFalse",
    reason:
      "A subgraph compiled with checkpointer: false keeps no checkpoints in LangGraph.js, so it cannot stop inside: an " +
      "interrupt() in it asks again on every resume and its nodes re-run. Ours still keeps its checkpoints in the " +
      "parent's saver, so breakpoints, stepping and time travel work inside it, and its interrupt gets its answer.",
    expectOurs(real) {
      const ours = clone(real) as { calls: string[]; resumed: { log: string[]; asked: number } };
      ours.calls = ["c1", "ask", "ask"];
      ours.resumed = { log: ["c1", "answer:yes"], asked: 0 };
      return ours;
    },
  },
];

interface Shape {
  edges: Array<{ source: string; conditional: boolean }>;
  dynamic?: unknown;
}

/** The graph as ours draws it: a's guessed edges gone, a's route dynamic with the targets seen. */
function withDynamicRoute(shape: Shape, observed: string[]): Shape {
  return {
    ...shape,
    edges: shape.edges.filter((e) => !(e.source === "a" && e.conditional)),
    dynamic: [{ source: "a", observed }],
  };
}

export function knownDifference(scenario: string): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.scenario === scenario);
}
