/**
 * `Annotation` describes a state key: a plain value (last write wins) or a value with a reducer and
 * a default. `Annotation.Root` gathers keys into a state schema whose `State` and `Update` types
 * type the nodes. The same shapes as LangGraph.js, with the types kept to what users touch.
 */

export interface ChannelSpec<Value = unknown, Update = Value> {
  reducer?: (current: Value, update: Update) => Value;
  default?: () => Value;
  /** Phantom fields: they carry the types and are never set. */
  readonly ValueType?: Value;
  readonly UpdateType?: Update;
}

// `any` lets a schema hold keys of every value type; each key's own types come back through inference.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateDefinition = Record<string, ChannelSpec<any, any>>;

export type StateType<SD extends StateDefinition> = {
  [K in keyof SD]: SD[K] extends ChannelSpec<infer V, infer _U> ? V : never;
};

export type UpdateType<SD extends StateDefinition> = {
  [K in keyof SD]?: SD[K] extends ChannelSpec<infer _V, infer U> ? U : never;
};

export class AnnotationRoot<SD extends StateDefinition> {
  readonly lc_graph_name = "AnnotationRoot";
  declare State: StateType<SD>;
  declare Update: UpdateType<SD>;
  constructor(readonly spec: SD) {}
}

export interface ReducedOptions<Value, Update> {
  reducer: (current: Value, update: Update) => Value;
  default?: () => Value;
}

export interface ValueOptions<Value> {
  reducer?: undefined;
  default?: () => Value;
}

function annotation<Value>(): ChannelSpec<Value, Value>;
function annotation<Value>(options: ValueOptions<Value>): ChannelSpec<Value, Value>;
function annotation<Value, Update = Value>(options: ReducedOptions<Value, Update>): ChannelSpec<Value, Update>;
function annotation<Value, Update>(options?: ReducedOptions<Value, Update> | ValueOptions<Value>): ChannelSpec<Value, Update> {
  return { reducer: options?.reducer as ChannelSpec<Value, Update>["reducer"], default: options?.default };
}

export const Annotation = Object.assign(annotation, {
  Root<SD extends StateDefinition>(spec: SD): AnnotationRoot<SD> {
    return new AnnotationRoot(spec);
  },
});

export function isAnnotationRoot(value: unknown): value is AnnotationRoot<StateDefinition> {
  return value instanceof AnnotationRoot || (typeof value === "object" && value !== null && (value as AnnotationRoot<StateDefinition>).lc_graph_name === "AnnotationRoot");
}
