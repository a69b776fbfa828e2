/**
 * What the graph-view stories run against: each `@langchain/langgraph` a user may have installed
 * (1.7.3, and 1.0.15 under the npm alias `langgraph-v1-0`), and a stand-in for the workspace
 * engine's records (call sites, graph keys, routes seen, graphs invoked) that a story fills in by
 * hand, keyed by builder as the engine keys them.
 */
import * as current from "@langchain/langgraph";
import * as currentPrebuilt from "@langchain/langgraph/prebuilt";
import * as currentZod from "@langchain/langgraph/zod";
import * as older from "langgraph-v1-0";
import * as olderPrebuilt from "langgraph-v1-0/prebuilt";
import * as olderZod from "langgraph-v1-0/zod";
import type { SourceLocation } from "../../../../src/protocol/debug";
import type { WorkspaceGraphHooks } from "../../../../src/runner/engines/workspace/graph-view";

export type LangGraph = typeof current;

export interface InstalledVersion {
  version: string;
  lg: LangGraph;
  zod: typeof currentZod;
  prebuilt: typeof currentPrebuilt;
  /** Whether the version has 1.7's additions: `StateSchema`, `MessagesDeltaValue`, `errorHandler`. */
  since17: boolean;
}

export const INSTALLED: InstalledVersion[] = [
  { version: "1.7.3", lg: current, zod: currentZod, prebuilt: currentPrebuilt, since17: true },
  {
    version: "1.0.15",
    // The stories use only API both versions share; the casts spare them two sets of generic types.
    lg: older as unknown as LangGraph,
    zod: olderZod as unknown as typeof currentZod,
    prebuilt: olderPrebuilt as unknown as typeof currentPrebuilt,
    since17: false,
  },
];

/** The builder LangGraph keeps on a compiled graph, which the engine keys its records by. */
export function builderOf(compiled: object): object {
  return (compiled as { builder: object }).builder;
}

/** The engine's records, as the hooks read them. */
export class EngineRecords implements WorkspaceGraphHooks {
  private readonly sites = new Map<object, Map<string, SourceLocation>>();
  private readonly keys = new Map<object, string>();
  private readonly routes = new Map<object, Map<string, string[]>>();
  private readonly calls = new Map<object, Map<string, object>>();

  addNodeAt(compiled: object, node: string, line: number): this {
    entry(this.sites, builderOf(compiled)).set(node, { file: "/ws/graph.ts", line, column: 4 });
    return this;
  }
  compiledAt(compiled: object, key: string): this {
    this.keys.set(compiled, key);
    return this;
  }
  sawRoute(compiled: object, source: string, ...targets: string[]): this {
    const seen = entry(this.routes, builderOf(compiled));
    seen.set(source, [...(seen.get(source) ?? []), ...targets]);
    return this;
  }
  sawInvoke(compiled: object, node: string, invoked: object): this {
    entry(this.calls, builderOf(compiled)).set(node, invoked);
    return this;
  }

  callSite(builder: object, name: string): SourceLocation | undefined {
    return this.sites.get(builder)?.get(name);
  }
  graphKey(compiled: object): string | undefined {
    return this.keys.get(compiled);
  }
  observed(builder: object, source: string): readonly string[] {
    return this.routes.get(builder)?.get(source) ?? [];
  }
  invoked(builder: object, node: string): object | undefined {
    return this.calls.get(builder)?.get(node);
  }
}

function entry<V>(map: Map<object, Map<string, V>>, key: object): Map<string, V> {
  const found = map.get(key) ?? new Map<string, V>();
  map.set(key, found);
  return found;
}
