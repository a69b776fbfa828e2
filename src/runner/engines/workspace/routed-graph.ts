/**
 * The root graph as the runner reads and edits it on the workspace engine. LangGraph.js finds the
 * graph of a namespaced address only among declared subgraphs: a graph a node invoked from its
 * function is unknown to it, so its checkpoints would be read with the root's channels. Here every
 * namespaced `getState`, `getStateHistory` and `updateState` goes to the graph that owns that
 * namespace, lent the session's saver the way LangGraph.js lends it to a subgraph
 * (`__pregel_checkpointer`); and `getState(..., {subgraphs: true})` also nests the snapshots of
 * invoked graphs under their task, as the builtin engine does. Runs go to the root unchanged.
 * LangGraph.js records nowhere which node an update was written as; the checkpoint an edit makes
 * here carries it in its metadata (`writes`, LangGraph's own name for it), so the history can say.
 */
import type { CheckpointConfig, CheckpointSaver, CompiledGraph, StateSnapshot } from "../graph-api";

/** LangGraph.js's config key for a checkpointer lent to a subgraph. */
const LENT_CHECKPOINTER = "__pregel_checkpointer";

export interface Routes {
  /** The graph owning namespace `ns` (non-empty), declared or invoked. */
  owner(ns: string): CompiledGraph;
  /** The graph invoked under task namespace `taskNs`, if one was seen there, with the namespace of its newest call. */
  invokedAt(taskNs: string): { graph: CompiledGraph; ns: string } | undefined;
}

export function routedGraph(root: CompiledGraph, saver: VersionedSaver, routes: Routes): CompiledGraph {
  const target = (config: CheckpointConfig): [CompiledGraph, CheckpointConfig] => {
    const ns = config.configurable?.checkpoint_ns ?? "";
    if (!ns) return [root, config];
    return [routes.owner(ns), { ...config, configurable: { ...config.configurable, [LENT_CHECKPOINTER]: saver } }];
  };
  const nestInvoked = async (snapshot: StateSnapshot, threadId: string): Promise<StateSnapshot> => {
    const ns = snapshot.config.configurable?.checkpoint_ns ?? "";
    for (const task of snapshot.tasks) {
      if (task.state) continue;
      const taskNs = `${ns ? `${ns}|` : ""}${task.name}:${task.id}`;
      const invoked = routes.invokedAt(taskNs);
      if (!invoked) continue;
      const address = { configurable: { thread_id: threadId, checkpoint_ns: invoked.ns, [LENT_CHECKPOINTER]: saver } };
      const inner = await invoked.graph.getState(address, { subgraphs: true });
      if (inner.config.configurable?.checkpoint_id) (task as { state?: unknown }).state = await nestInvoked(inner, threadId);
    }
    return snapshot;
  };
  return {
    name: root.name,
    checkpointer: saver,
    invoke: (input, config) => root.invoke(input, config),
    stream: (input, config) => root.stream(input, config),
    async getState(config, options) {
      const [graph, routed] = target(config);
      const snapshot = await graph.getState(routed, options);
      return options?.subgraphs ? nestInvoked(snapshot, String(config.configurable?.thread_id ?? "")) : snapshot;
    },
    getStateHistory(config, options) {
      const [graph, routed] = target(config);
      return graph.getStateHistory(routed, options);
    },
    async updateState(config, values, asNode, writtenAs) {
      const marked = writtenAs ? annotating(saver, { writes: { [writtenAs]: null } }) : saver;
      const ns = config.configurable?.checkpoint_ns ?? "";
      if (ns) return routes.owner(ns).updateState({ ...config, configurable: { ...config.configurable, [LENT_CHECKPOINTER]: marked } }, values, asNode);
      root.checkpointer = marked; // edits never overlap a run or each other (the runner queues them)
      try {
        return await root.updateState(config, values, asNode);
      } finally {
        root.checkpointer = saver;
      }
    },
  };
}

/** A saver as LangGraph.js calls it: it also asks for the next channel version. */
export type VersionedSaver = CheckpointSaver & { getNextVersion(current: number | undefined): number };

/** The saver, with `extra` added to the metadata of the checkpoints it puts (every other call goes to it as is). */
function annotating(saver: VersionedSaver, extra: Record<string, unknown>): VersionedSaver {
  return {
    getTuple: (config) => saver.getTuple(config),
    list: (config, options) => saver.list(config, options),
    put: (config, checkpoint, metadata, versions) => saver.put(config, checkpoint, { ...metadata, ...extra }, versions),
    putWrites: (config, writes, taskId, taskPath) => saver.putWrites(config, writes, taskId, taskPath),
    getNextVersion: (current) => saver.getNextVersion(current),
    deleteThread: (threadId) => saver.deleteThread(threadId),
  };
}
