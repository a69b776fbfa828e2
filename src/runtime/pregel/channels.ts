/**
 * Channels: how a graph's edges become data. Every state key is a channel (last value wins, or a
 * reducer folds the writes); every node listens on a trigger channel `branch:to:<node>` that lives
 * for one step; a join edge is a barrier that fills up over steps; `Send`s wait in a topic. Channels
 * are stateless rules applied to a checkpoint's `channel_values`, where a missing key means empty:
 * the values themselves are shared between checkpoints, never copied.
 */
import { TASKS, START, branchChannel, joinChannel } from "../constants";
import { InvalidUpdateError } from "../errors";
import { ChannelSpec } from "../graph/annotation";
import { GraphDefinition } from "../graph/definition";
import { isOverwrite } from "../types";

export type Values = Record<string, unknown>;

export interface Channel {
  /** Applies one step's writes to `values[name]`; returns whether the value changed. */
  update(values: Values, name: string, writes: unknown[]): boolean;
  /** Whether the channel holds something a reader (or trigger) can use. */
  isAvailable(values: Values, name: string): boolean;
  /** Called when a task consumed the channel as its trigger; returns whether it changed. */
  consume?(values: Values, name: string): boolean;
}

const has = (values: Values, name: string) => Object.prototype.hasOwnProperty.call(values, name);
const available = (values: Values, name: string) => has(values, name);

function lastValue(): Channel {
  return {
    isAvailable: available,
    update(values, name, writes) {
      if (writes.length === 0) return false;
      if (writes.length > 1) {
        throw new InvalidUpdateError(
          `Invalid update for channel "${name}" with values ${JSON.stringify(writes)}: LastValue can only receive one value per step.`,
          { lc_error_code: "INVALID_CONCURRENT_GRAPH_UPDATE" },
        );
      }
      values[name] = writes[0];
      return true;
    },
  };
}

function reduced(spec: Required<Pick<ChannelSpec, "reducer">> & ChannelSpec): Channel {
  return {
    isAvailable: available,
    update(values, name, writes) {
      if (writes.length === 0) return false;
      let rest = writes;
      let value: unknown;
      if (has(values, name)) value = values[name];
      else if (spec.default) value = spec.default();
      else [value, ...rest] = writes;
      if (isOverwrite(value)) value = value.value;
      let overwritten = false;
      for (const write of rest) {
        if (isOverwrite(write)) {
          if (overwritten) throw new InvalidUpdateError("Can receive only one Overwrite value per step.");
          [value, overwritten] = [write.value, true];
        } else if (!overwritten) {
          value = spec.reducer(value, write);
        }
      }
      values[name] = value;
      return true;
    },
  };
}

/** Holds the last write for one step, then empties: node triggers and the graph input. */
const ephemeral: Channel = {
  isAvailable: available,
  update(values, name, writes) {
    if (writes.length === 0) return has(values, name) ? delete values[name] : false;
    values[name] = writes[writes.length - 1];
    return true;
  },
};

/** Collects a step's writes into a list for the next step only: pending `Send`s. */
const topic: Channel = {
  isAvailable: available,
  update(values, name, writes) {
    if (writes.length === 0) return has(values, name) ? delete values[name] : false;
    values[name] = writes.flat();
    return true;
  },
};

/** Fills with the names of the sources that finished; available once all have. */
function barrier(sources: string[]): Channel {
  const complete = (values: Values, name: string) => ((values[name] as string[] | undefined)?.length ?? 0) === sources.length;
  return {
    isAvailable: complete,
    update(values, name, writes) {
      const seen = new Set((values[name] as string[] | undefined) ?? []);
      const before = seen.size;
      for (const source of writes as string[]) {
        if (!sources.includes(source)) throw new InvalidUpdateError(`Value ${source} not in [${sources.join(", ")}]`);
        seen.add(source);
      }
      if (seen.size === before) return false;
      values[name] = sources.filter((s) => seen.has(s));
      return true;
    },
    consume(values, name) {
      if (!complete(values, name)) return false;
      delete values[name];
      return true;
    },
  };
}

export interface ChannelPlan {
  channels: ReadonlyMap<string, Channel>;
  stateKeys: readonly string[];
  stateKeySet: ReadonlySet<string>;
  /** For each node (and `__start__`), the channels whose update schedules it. */
  triggers: ReadonlyMap<string, readonly string[]>;
  defaults: ReadonlyMap<string, () => unknown>;
}

export function planChannels(definition: GraphDefinition): ChannelPlan {
  const channels = new Map<string, Channel>();
  const defaults = new Map<string, () => unknown>();
  for (const [key, spec] of Object.entries(definition.channels)) {
    channels.set(key, spec.reducer ? reduced({ ...spec, reducer: spec.reducer }) : lastValue());
    if (spec.default) defaults.set(key, spec.default);
  }
  const stateKeys = [...channels.keys()];
  const triggers = new Map<string, string[]>([[START, [START]]]);
  channels.set(START, ephemeral);
  channels.set(TASKS, topic);
  for (const name of definition.nodes.keys()) {
    channels.set(branchChannel(name), ephemeral);
    triggers.set(name, [branchChannel(name)]);
  }
  for (const join of definition.joins) {
    const name = joinChannel(join.sources, join.target);
    channels.set(name, barrier(join.sources));
    triggers.get(join.target)?.push(name);
  }
  return { channels, stateKeys, stateKeySet: new Set(stateKeys), triggers, defaults };
}

/** The state a node sees: every state key with a value, defaults for keys not written yet. */
export function readState(plan: ChannelPlan, values: Values): Values {
  const state: Values = {};
  for (const key of plan.stateKeys) {
    if (has(values, key)) state[key] = values[key];
    else if (plan.defaults.has(key)) state[key] = plan.defaults.get(key)!();
  }
  return state;
}
