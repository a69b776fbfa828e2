/**
 * What a node's return value writes: its state updates, then where the graph goes next (its static
 * edges, its joins, its routers' answers, or a `Command`'s goto). Routers read the state as it will
 * be once this node's own updates are folded in. `updateState(..., asNode)` uses the same function,
 * which is why an edit "as" a node routes along that node's edges.
 */
import { END, START, TASKS, branchChannel, joinChannel } from "../constants";
import { InvalidUpdateError, ParentCommand } from "../errors";
import { GraphDefinition } from "../graph/definition";
import { Command, Send, isCommand, isSend } from "../types";
import { ChannelPlan, Values, readState } from "./channels";

export type Write = [string, unknown];

export interface RouteObserver {
  (source: string, target: string): void;
}

export interface WriterContext {
  definition: GraphDefinition;
  plan: ChannelPlan;
  observeRoute?: RouteObserver;
}

/** All writes of `node` returning `result`, given the state the node read (`values`). */
export async function nodeWrites(ctx: WriterContext, node: string, result: unknown, values: Values): Promise<Write[]> {
  const forParent = commandsOf(result).find((command) => command.graph === Command.PARENT);
  if (forParent) throw new ParentCommand({ update: forParent.update, goto: forParent.goto, resume: forParent.resume });
  const writes = node === START ? inputWrites(ctx, result) : updateWrites(ctx, node, result);
  const gotos = commandsOf(result).flatMap((command) => command.goto);
  for (const target of gotos) writes.push(routeWrite(ctx, node, target));
  writes.push(...edgeWrites(ctx, node));
  const branches = ctx.definition.branches.get(node) ?? [];
  if (branches.length > 0) {
    const fresh = foldLocally(ctx.plan, values, writes);
    for (const branch of branches) {
      const routed = branch.router(fresh, {});
      const answer = isThenable(routed) ? await routed : routed;
      for (const target of toArray(answer)) {
        const mapped = branch.pathMap && !isSend(target) ? branch.pathMap[String(target)] : target;
        if (mapped === undefined) throw new InvalidUpdateError(`Branch condition returned unknown or null destination: ${JSON.stringify(target)}`);
        writes.push(routeWrite(ctx, node, mapped as string | Send));
      }
    }
  }
  return writes.filter((write) => write[0] !== "");
}

/** The state updates alone (what the `updates` stream and a task's `result` show). */
export function stateUpdates(plan: ChannelPlan, writes: Write[]): Record<string, unknown> | undefined {
  let updates: Record<string, unknown> | undefined;
  for (const [channel, value] of writes) {
    if (!plan.stateKeySet.has(channel)) continue;
    updates ??= {};
    updates[channel] = value;
  }
  return updates;
}

function inputWrites(ctx: WriterContext, input: unknown): Write[] {
  if (input === null || input === undefined || typeof input !== "object") return [];
  return Object.entries(input).filter(([key]) => ctx.plan.stateKeySet.has(key));
}

function updateWrites(ctx: WriterContext, node: string, result: unknown): Write[] {
  if (result === null || result === undefined) return [];
  if (isCommand(result)) return commandUpdate(ctx, result);
  if (Array.isArray(result)) {
    if (result.some(isCommand)) return result.filter(isCommand).flatMap((command) => commandUpdate(ctx, command));
    throw notAnObject(node, "array");
  }
  if (typeof result !== "object") throw notAnObject(node, typeof result);
  return Object.entries(result as Values).filter(([key]) => ctx.plan.stateKeySet.has(key));
}

export function commandUpdate(ctx: WriterContext, command: Command): Write[] {
  const update = command.update;
  if (!update) return [];
  const pairs = Array.isArray(update) ? update : Object.entries(update);
  return pairs.filter(([key]) => ctx.plan.stateKeySet.has(key));
}

function commandsOf(result: unknown): Command[] {
  if (isCommand(result)) return [result];
  return Array.isArray(result) ? result.filter(isCommand) : [];
}

function edgeWrites({ definition }: WriterContext, node: string): Write[] {
  const writes: Write[] = [];
  for (const [from, to] of definition.edges) {
    if (from === node && to !== END) writes.push([branchChannel(to), null]);
  }
  for (const join of definition.joins) {
    if (join.sources.includes(node)) writes.push([joinChannel(join.sources, join.target), node]);
  }
  return writes;
}

/** One routing decision as a write: a trigger for a node, a `Send` for the tasks topic, or nothing. */
export function routeWrite(ctx: WriterContext, source: string, target: string | Send): Write {
  if (isSend(target)) {
    if (!ctx.definition.nodes.has(target.node)) throw new InvalidUpdateError(`Invalid node name ${target.node} in Send`);
    ctx.observeRoute?.(source, target.node);
    return [TASKS, target];
  }
  if (target === END) {
    ctx.observeRoute?.(source, END);
    return ["", null];
  }
  // LangGraph.js drops a route to a node that does not exist, and so do we (the write has no reader).
  if (!ctx.definition.nodes.has(target)) return ["", null];
  ctx.observeRoute?.(source, target);
  return [branchChannel(target), null];
}

/** The state after this node's writes, without touching the checkpoint: what a router reads. */
function foldLocally(plan: ChannelPlan, values: Values, writes: Write[]): Values {
  const local: Values = { ...values };
  const byChannel = new Map<string, unknown[]>();
  for (const [channel, value] of writes) {
    if (!plan.stateKeySet.has(channel)) continue;
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), value]);
  }
  for (const [channel, list] of byChannel) plan.channels.get(channel)!.update(local, channel, list);
  return readState(plan, local);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

function toArray(answer: unknown): Array<string | Send> {
  if (answer === null || answer === undefined) return [];
  return (Array.isArray(answer) ? answer : [answer]) as Array<string | Send>;
}

function notAnObject(node: string, received: string): InvalidUpdateError {
  return new InvalidUpdateError(
    `Expected node "${node}" to return an object or an array containing at least one Command object, received ${received}`,
    { lc_error_code: "INVALID_GRAPH_NODE_RETURN_VALUE" },
  );
}
