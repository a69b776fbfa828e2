/**
 * What a compiled graph is made of, as plain data: the state schema, the nodes with their call
 * sites, and the edges. The builder fills it; validation, the channel plan and `getGraph` read it.
 */
import { StateDefinition } from "./annotation";
import { SourceLocation } from "./call-site";
import type { RetryPolicy } from "../pregel/retry";

export type Router = (state: unknown, config: Record<string, unknown>) => unknown;
export type PathMap = Record<string, string>;

export interface NodeSpec {
  name: string;
  run: (state: unknown, config: { configurable?: Record<string, unknown>; signal?: AbortSignal }) => unknown;
  ends?: string[];
  source?: SourceLocation;
  /** The compiled graph behind the node, when the node is a subgraph. */
  subgraph?: unknown;
  retryPolicy?: RetryPolicy;
  /** A compiled graph the node's function invoked (seen at run time): shown and inspected like a subgraph. */
  invoked?: unknown;
}

export interface BranchSpec {
  router: Router;
  pathMap?: PathMap;
}

export interface GraphDefinition {
  channels: StateDefinition;
  nodes: ReadonlyMap<string, NodeSpec>;
  edges: ReadonlyArray<[string, string]>;
  joins: ReadonlyArray<{ sources: string[]; target: string }>;
  branches: ReadonlyMap<string, BranchSpec[]>;
}
