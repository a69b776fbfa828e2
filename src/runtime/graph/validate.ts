/**
 * Compile-time checks of a graph definition, with LangGraph's wording: every edge starts and ends at
 * a known node, there is an entry point, every node can be reached, and the interrupt lists name
 * real nodes. A mistake is reported at `compile`, with the name, rather than mid-run.
 */
import { END, START } from "../constants";
import { UnreachableNodeError } from "../errors";
import { InterruptList } from "../types";
import { GraphDefinition } from "./definition";

export function validateDefinition(definition: GraphDefinition, interruptLists: Array<InterruptList | undefined>): void {
  const { nodes, edges, joins, branches } = definition;
  const sources = new Set<string>([...edges.map(([from]) => from), ...joins.flatMap((j) => j.sources), ...branches.keys()]);
  for (const source of sources) {
    if (source !== START && !nodes.has(source)) throw new Error(`Found edge starting at unknown node \`${source}\``);
  }
  const targets = reachableTargets(definition);
  for (const name of nodes.keys()) {
    if (!targets.has(name)) throw unreachable(name);
  }
  if (!sources.has(START)) {
    throw new Error("Graph must have an entrypoint: add at least one edge from START to another node");
  }
  for (const target of targets) {
    if (target !== END && !nodes.has(target)) throw new Error(`Found edge ending at unknown node \`${target}\``);
  }
  for (const list of interruptLists) {
    if (list === undefined || list === "*") continue;
    for (const name of list) {
      if (!nodes.has(name)) throw new Error(`Interrupt node \`${name}\` is not present`);
    }
  }
}

/** Every node some edge, join, path map, `ends` list or map-less router can lead to. */
function reachableTargets({ nodes, edges, joins, branches }: GraphDefinition): Set<string> {
  const targets = new Set<string>([...edges.map(([, to]) => to), ...joins.map((j) => j.target)]);
  for (const [source, list] of branches) {
    for (const branch of list) {
      if (branch.pathMap) Object.values(branch.pathMap).forEach((to) => targets.add(to));
      else [END, ...[...nodes.keys()].filter((name) => name !== source)].forEach((to) => targets.add(to));
    }
  }
  for (const node of nodes.values()) node.ends?.forEach((to) => targets.add(to));
  return targets;
}

function unreachable(name: string): UnreachableNodeError {
  return new UnreachableNodeError(
    [
      `Node \`${name}\` is not reachable.`,
      "",
      "If you are returning Command objects from your node,",
      'make sure you are passing names of potential destination nodes as an "ends" array',
      'into ".addNode(..., { ends: ["node1", "node2"] })".',
    ].join("\n"),
    { lc_error_code: "UNREACHABLE_NODE" },
  );
}
