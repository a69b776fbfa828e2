/**
 * The chat-message state key: `messagesStateReducer` appends new messages and replaces a message
 * whose `id` is already in the list, giving each message without an id a fresh one, as LangGraph's
 * reducer does for its message objects; a `RemoveMessage` (LangChain's, or any message whose type
 * is "remove") deletes the message with its id, or every message with id `__remove_all__`. A
 * message may be a plain `{role, content, id?, tool_calls?}` or a LangChain message instance
 * (`AIMessage`, ...), which stays an instance of its class.
 */
import { randomUUID } from "node:crypto";
import { Annotation } from "./annotation";

/**
 * A chat message: plain data (`{role, content}`, or LangChain's dict form with `type`), or an
 * instance of a message class such as LangChain's `AIMessage`, which this shape also fits.
 */
export interface Message {
  role?: string;
  type?: string;
  content: unknown;
  id?: string;
  name?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
  additional_kwargs?: unknown;
  response_metadata?: unknown;
}

export type Messages = Message | Message[];

/** The id of `RemoveMessage` that clears the whole list (LangGraph's `REMOVE_ALL_MESSAGES`). */
export const REMOVE_ALL_MESSAGES = "__remove_all__";

export function messagesStateReducer(current: Message[], update: Messages): Message[] {
  const incoming = (Array.isArray(update) ? update : [update]).map(withId);
  // As in LangGraph.js: everything before the first "remove all" goes, the messages after it stay.
  const clearAt = incoming.findIndex((message) => message.id === REMOVE_ALL_MESSAGES);
  if (clearAt >= 0) return incoming.slice(clearAt + 1);
  const left = (current ?? []).map(withId);
  const positions = new Map(left.map((message, index) => [message.id!, index]));
  const merged: Array<Message | undefined> = [...left];
  for (const message of incoming) {
    const at = positions.get(message.id!);
    if (isRemoval(message)) {
      if (at === undefined) throw new Error(`Attempting to delete a message with an ID that doesn't exist ('${message.id}')`);
      merged[at] = undefined;
      positions.delete(message.id!);
    } else if (at === undefined) {
      positions.set(message.id!, merged.length);
      merged.push(message);
    } else {
      merged[at] = message;
    }
  }
  return merged.filter((message): message is Message => message !== undefined);
}

/**
 * A message without an id gets one, on a copy: the node's own object may already be saved as its
 * write, and a saver may store the state by reference to it. A class instance stays one (a
 * LangChain message is built again from its fields, which are what it serializes).
 */
function withId(message: Message): Message {
  if (message.id) return message;
  const id = randomUUID();
  const proto = Object.getPrototypeOf(message);
  if (proto === Object.prototype || proto === null) return { ...message, id };
  const { lc_kwargs: fields, constructor: build } = message as unknown as { lc_kwargs?: Record<string, unknown>; constructor: new (fields: unknown) => Message };
  if (fields) return new build({ ...fields, id });
  return Object.assign(Object.create(proto) as Message, message, { id });
}

function isRemoval(message: Message): boolean {
  const typed = message as { _getType?: () => string; getType?: () => string; type?: unknown };
  // A plain message may say its type in `type` (LangChain's dict form).
  const type = typeof typed.getType === "function" ? typed.getType() : typeof typed._getType === "function" ? typed._getType() : typed.type;
  return type === "remove";
}

export const MessagesAnnotation = Annotation.Root({
  messages: Annotation<Message[], Messages>({ reducer: messagesStateReducer, default: () => [] }),
});
