/**
 * The custom requests of `src/protocol/debug.ts`, for the graph panel, the Checkpoints view and
 * any DAP client: each name maps to one thread action (or to the breakpoint book for
 * `setNodeBreakpoints`). Requests that address a checkpoint take an optional `checkpointNs` for a
 * subgraph's. Unknown names are refused with the list of known ones; only the handlers declared
 * here count, never what an object inherits (`constructor`, `toString`, `__proto__`).
 */
import type { CustomRequestName, CustomRequests } from "../protocol/debug";
import type { BreakpointBook } from "./breakpoints";
import type { ThreadActions } from "./thread-actions";

export interface CustomContext {
  actions: ThreadActions;
  book: BreakpointBook;
  session: { breakpointsChanged(): void };
}

type Handlers = {
  [N in CustomRequestName]: (args: CustomRequests[N]["args"], context: CustomContext) => Promise<CustomRequests[N]["body"]> | CustomRequests[N]["body"];
};

const handlers: Handlers = {
  graph: (_args, { actions }) => actions.graph(),
  snapshot: (args, { actions }) => actions.snapshot(args?.checkpointId, args?.checkpointNs),
  values: (args, { actions }) => actions.values(required(args?.checkpointId, "checkpointId"), args.checkpointNs, args.clip),
  history: (args, { actions }) => actions.history(args ?? {}),
  updateState: (args, { actions }) => actions.updateState(args),
  resume: (args, { actions }) => {
    actions.resume(args ?? {});
    return {};
  },
  replay: async (args, { actions }) => {
    await actions.replay(required(args?.checkpointId, "checkpointId"), args.checkpointNs);
    return {};
  },
  fork: (args, { actions }) => actions.fork({ ...args, checkpointId: required(args?.checkpointId, "checkpointId") }),
  selectCheckpoint: (args, { actions }) => actions.select(required(args?.checkpointId, "checkpointId"), args.checkpointNs),
  setNodeBreakpoints: (args, { book, session }) => {
    const lists = book.setPanelBreakpoints({ before: args?.before ?? [], after: args?.after ?? [] });
    session.breakpointsChanged();
    return { before: lists.before, after: lists.after };
  },
};

export async function handleCustomRequest(command: string, args: unknown, context: CustomContext): Promise<unknown> {
  if (!Object.hasOwn(handlers, command)) throw new Error(`Unknown request "${command}". Known: ${Object.keys(handlers).join(", ")}.`);
  const handler = handlers[command as CustomRequestName] as (args: unknown, context: CustomContext) => unknown;
  return handler(args, context);
}

function required(value: string | undefined, name: string): string {
  if (typeof value !== "string" || value === "") throw new Error(`The request needs "${name}".`);
  return value;
}
