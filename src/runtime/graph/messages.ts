/**
 * The chat-message state key: `messagesStateReducer` appends new messages and replaces a message
 * whose `id` is already in the list, giving each message without an id a fresh one, as LangGraph's
 * reducer does for its message objects. Messages here are plain `{role, content, id?, tool_calls?}`.
 */
import { randomUUID } from "node:crypto";
import { Annotation } from "./annotation";

export interface Message {
  role: string;
  content: unknown;
  id?: string;
  tool_calls?: unknown[];
  [key: string]: unknown;
}

export type Messages = Message | Message[];

export function messagesStateReducer(current: Message[], update: Messages): Message[] {
  const incoming = (Array.isArray(update) ? update : [update]).map(withId);
  const left = (current ?? []).map(withId);
  const positions = new Map(left.map((message, index) => [message.id!, index]));
  const merged = [...left];
  for (const message of incoming) {
    const at = positions.get(message.id!);
    if (at === undefined) {
      positions.set(message.id!, merged.length);
      merged.push(message);
    } else {
      merged[at] = message;
    }
  }
  return merged;
}

function withId(message: Message): Message {
  return message.id ? message : { ...message, id: randomUUID() };
}

export const MessagesAnnotation = Annotation.Root({
  messages: Annotation<Message[], Messages>({ reducer: messagesStateReducer, default: () => [] }),
});
