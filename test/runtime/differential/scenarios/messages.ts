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

/**
 * LangChain message instances, as a model and tools return them: they keep their classes through
 * the reducer and the saver, tool calls included, and a RemoveMessage deletes by id.
 */
export async function langchainMessagesKeepTheirClasses(lib: GraphLib) {
  const { AIMessage, HumanMessage, RemoveMessage, ToolMessage } = await import("@langchain/core/messages");
  const app = new lib.StateGraph(lib.MessagesAnnotation as never)
    .addNode("agent", (() => ({ messages: [new AIMessage({ content: "", tool_calls: [{ name: "search", args: { q: "tides" }, id: "call1" }] })] })) as never)
    .addNode("tools", (() => ({ messages: [new ToolMessage({ content: "two a day", tool_call_id: "call1" })] })) as never)
    .addNode("forget", ((state: { messages: Array<{ id?: string }> }) => ({ messages: [new RemoveMessage({ id: state.messages[0].id! })] })) as never)
    .addEdge(lib.START, "agent")
    .addEdge("agent", "tools")
    .addEdge("tools", "forget")
    .compile({ checkpointer: new lib.MemorySaver() });
  const result = (await app.invoke({ messages: [new HumanMessage({ content: "tides?", id: "h1" })] }, thread("lc"))) as { messages: unknown[] };
  const classes = (messages: unknown[]) =>
    messages.map((message) => {
      const m = message as { constructor: { name: string }; content: unknown; tool_calls?: unknown; tool_call_id?: unknown };
      return { class: m.constructor.name, content: m.content, tool_calls: m.tool_calls, tool_call_id: m.tool_call_id };
    });
  const history: unknown[] = [];
  for await (const snapshot of (app as unknown as { getStateHistory(c: unknown): AsyncIterable<{ values: { messages?: unknown[] } }> }).getStateHistory(thread("lc"))) {
    history.push(classes(snapshot.values.messages ?? []).map((m) => m.class));
  }
  return { result: classes(result.messages), history };
}

/** Plain message dicts given to the reducer: the class each comes back as. */
export async function plainMessageDictsClasses(lib: GraphLib) {
  const merged = lib.messagesStateReducer([], [{ role: "user", content: "hi", id: "u1" }, { role: "assistant", content: "hello", id: "a1" }]);
  return { classes: merged.map((message) => (message as object).constructor.name), contents: merged.map((message) => message.content) };
}
