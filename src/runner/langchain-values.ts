/**
 * LangChain objects (chat messages above all) as the debugger shows and edits them. A message is
 * shown as the fields it was built from plus its `type` (`ai`, `human`, `tool`, ...), not as the
 * `{lc, type, id, kwargs}` envelope its `toJSON` gives, whose `id` would hide the message's own.
 * An edit comes back as plain JSON; before it is written, each plain item that stands for a
 * message of the current state (same `id`, or same `type` for a new one) is built again with that
 * message's class, so the graph's code still finds an `AIMessage` where it left one.
 */

interface LangChainObject {
  lc_serializable: true;
  toJSON(): { lc?: number; type?: string; kwargs?: Record<string, unknown> };
  constructor: new (fields: Record<string, unknown>) => unknown;
}

export function isLangChainObject(value: unknown): value is LangChainObject {
  const candidate = value as Partial<LangChainObject> | null;
  return typeof candidate === "object" && candidate !== null && candidate.lc_serializable === true && typeof candidate.toJSON === "function";
}

/** The fields a LangChain object was built from, with a message's `type` first. */
export function langChainFields(value: LangChainObject): Record<string, unknown> {
  const json = value.toJSON();
  const fields = json.lc === 1 && json.type === "constructor" ? { ...json.kwargs } : {};
  const type = messageType(value);
  return type ? { type, ...fields } : fields;
}

/**
 * `next` (an edited value, plain JSON) with the LangChain classes of `current` put back: a list item
 * whose `id` (or, lacking one, whose `type`) matches a LangChain object of the current list is
 * built again as that object's class; an object replacing a LangChain object takes its class.
 */
export function keepLangChainClasses(next: unknown, current: unknown): unknown {
  if (Array.isArray(next) && Array.isArray(current)) {
    const known = current.filter(isLangChainObject);
    if (known.length === 0) return next;
    const byId = new Map(known.map((item) => [(item as unknown as { id?: unknown }).id, item]));
    const byType = new Map(known.map((item) => [messageType(item), item]));
    return next.map((item) => {
      if (!isPlainObject(item)) return item;
      const like = (item.id !== undefined ? byId.get(item.id) : undefined) ?? (typeof item.type === "string" ? byType.get(item.type) : undefined);
      return like ? rebuild(like, item) : item;
    });
  }
  return isPlainObject(next) && isLangChainObject(current) ? rebuild(current, next) : next;
}

function rebuild(like: LangChainObject, fields: Record<string, unknown>): unknown {
  const { type: _shownType, ...rest } = fields;
  return new like.constructor(rest);
}

function messageType(value: LangChainObject): string | undefined {
  const typed = value as unknown as { getType?: () => string; _getType?: () => string };
  if (typeof typed.getType === "function") return typed.getType();
  return typeof typed._getType === "function" ? typed._getType() : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
