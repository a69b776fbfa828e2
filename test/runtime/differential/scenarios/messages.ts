/**
 * `MessagesAnnotation` and `messagesStateReducer`: a message with a known id replaces the one with
 * that id in place, a new one is appended and given an id. Messages are compared by role, content,
 * id and tool calls (the real library wraps them in LangChain classes, ours keeps plain objects).
 */
import { GraphLib, Message } from "../lib";
import { messageView } from "../observe";
import { thread } from "./common";

const view = (messages: Message[]) => messages.map(messageView);

export async function reducerAppendsAndReplacesById(lib: GraphLib) {
  const start = lib.messagesStateReducer([], [{ role: "user", content: "hi", id: "m1" }]);
  const appended = lib.messagesStateReducer(start, [{ role: "assistant", content: "hello" }]);
  const replaced = lib.messagesStateReducer(appended, { role: "user", content: "hi (edited)", id: "m1" });
  const both = lib.messagesStateReducer(replaced, [
    { role: "assistant", content: "hello again", id: appended[1].id },
    { role: "user", content: "new", id: "m3" },
  ]);
  return {
    start: view(start),
    appended: view(appended),
    replaced: view(replaced),
    both: view(both),
    generatedIdIsString: typeof appended[1].id === "string" && appended[1].id.length > 0,
  };
}

/** A graph over MessagesAnnotation: input messages get ids, node replies append, tool calls kept. */
export async function messagesGraphRun(lib: GraphLib) {
  const app = new lib.StateGraph(lib.MessagesAnnotation)
    .addNode("agent", (s: { messages: Message[] }) => ({
      messages: [{ role: "assistant", content: `saw ${s.messages.length}`, tool_calls: [{ name: "search", args: { q: "x" }, id: "call1" }] }],
    }))
    .addEdge(lib.START, "agent")
    .compile({ checkpointer: new lib.MemorySaver() });
  const result = await app.invoke({ messages: [{ role: "user", content: "question" }] }, thread("m"));
  const messages = result.messages as Message[];
  const edited = { role: "assistant", content: "edited reply", id: messages[1].id };
  await app.updateState(thread("m"), { messages: [edited] });
  const afterEdit = (await app.getState(thread("m"))).values.messages as Message[];
  await app.updateState(thread("m"), { messages: [{ role: "assistant", content: "Action cancelled" }] });
  const afterAppend = (await app.getState(thread("m"))).values.messages as Message[];
  return { result: view(messages), afterEdit: view(afterEdit), afterAppend: view(afterAppend) };
}
