/**
 * The engine reads a workspace graph's state the way LangGraph.js keeps it, whichever way the user
 * declared it: the state's keys (never LangGraph's own channels) and the reducer of each key that
 * has one, on each installed version. A state style only one version has is tried on that one.
 */
import { strict as assert } from "node:assert";
import { HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { z } from "zod";
import { reducerOf, stateKeysOf, workspaceGraphView } from "../../../../src/runner/engines/workspace/graph-view";
import { EngineRecords, INSTALLED } from "./installed";

const noop = (): Record<string, never> => ({});
const append = (left: string[], right: string[]): string[] => left.concat(right);

for (const { version, lg, zod, prebuilt, since17 } of INSTALLED) {
  const { Annotation, START, StateGraph } = lg;

  describe(`workspace graph state on @langchain/langgraph ${version}`, () => {
    it("reads an Annotation.Root state: its keys, a reducer given to Annotation, none for a last-value key", () => {
      const State = Annotation.Root({ topic: Annotation<string>(), log: Annotation<string[]>({ reducer: append, default: () => [] }) });
      const graph = new StateGraph(State).addNode("a", noop).addEdge(START, "a").addConditionalEdges("a", () => "a").compile();
      assert.deepEqual(stateKeysOf(graph), ["topic", "log"], "no branch:to:*, __start__ or __pregel_* channel");
      assert.equal(reducerOf(graph, "log"), append);
      assert.equal(reducerOf(graph, "topic"), undefined);
      assert.equal(reducerOf(graph, "branch:to:a"), undefined);
    });

    it("reads MessagesAnnotation: messages, reduced by messagesStateReducer", () => {
      const graph = new StateGraph(lg.MessagesAnnotation).addNode("chat", noop).addEdge(START, "chat").compile();
      assert.deepEqual(stateKeysOf(graph), ["messages"]);
      assert.equal(reducerOf(graph, "messages"), lg.messagesStateReducer);
    });

    it("reads a zod state: messages and a log, each registered with its reducer", () => {
      const State = z.object({
        messages: z.custom<BaseMessage[]>().register(zod.registry, { reducer: { fn: lg.messagesStateReducer }, default: () => [] }),
        topic: z.string(),
        log: z.array(z.string()).register(zod.registry, { reducer: { fn: append }, default: () => [] }),
      });
      const graph = new StateGraph(State).addNode("a", noop).addEdge(START, "a").compile();
      assert.deepEqual(stateKeysOf(graph), ["messages", "topic", "log"]);
      assert.equal(reducerOf(graph, "messages"), lg.messagesStateReducer);
      assert.equal(reducerOf(graph, "log"), append);
      assert.equal(reducerOf(graph, "topic"), undefined);
    });

    it("reads the prebuilt MessagesZodState", () => {
      const graph = new StateGraph(lg.MessagesZodState).addNode("chat", noop).addEdge(START, "chat").compile();
      assert.deepEqual(stateKeysOf(graph), ["messages"]);
      assert.equal(reducerOf(graph, "messages"), lg.messagesStateReducer);
    });

    it("reads { stateSchema, input } with a config annotation: the state's keys, not the config's", () => {
      const Full = Annotation.Root({ question: Annotation<string>(), answer: Annotation<string>() });
      const Input = Annotation.Root({ question: Annotation<string>() });
      const Config = Annotation.Root({ model: Annotation<string>() });
      const graph = new StateGraph({ stateSchema: Full, input: Input }, Config).addNode("respond", noop).addEdge(START, "respond").compile();
      assert.deepEqual(stateKeysOf(graph), ["question", "answer"]);
      assert.deepEqual(workspaceGraphView(graph, new EngineRecords()).stateKeys, ["question", "answer"]);
    });

    it("reads createReactAgent's state: messages with their reducer, and the structured response", () => {
      const agent = prebuilt.createReactAgent({ llm: new FakeListChatModel({ responses: ["done"] }), tools: [] });
      assert.deepEqual(stateKeysOf(agent), ["messages", "structuredResponse"]);
      assert.equal(reducerOf(agent, "messages"), lg.messagesStateReducer);
    });

    it("reads a StateSchema state, messages kept as deltas included (1.7 only)", function () {
      if (!since17) this.skip();
      const State = new lg.StateSchema({
        messages: lg.MessagesValue,
        history: lg.MessagesDeltaValue,
        topic: z.string(),
        log: new lg.ReducedValue(z.array(z.string()).default(() => []), { reducer: append }),
      });
      const graph = new StateGraph(State).addNode("a", noop).addEdge(START, "a").compile();
      assert.deepEqual(stateKeysOf(graph), ["messages", "history", "topic", "log"]);
      assert.equal(reducerOf(graph, "messages"), lg.messagesStateReducer);
      assert.equal(reducerOf(graph, "log"), append);
      const addToHistory = reducerOf(graph, "history");
      const history = addToHistory?.([], new HumanMessage({ content: "hi", id: "m1" })) as BaseMessage[] | undefined;
      assert.deepEqual(history?.map((message) => message.id), ["m1"], "the delta reducer, called with one update");
    });
  });
}
