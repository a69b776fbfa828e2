/**
 * `createReactAgent` of `@langchain/langgraph/prebuilt`, on our engine: the agent loop as a graph
 * anyone can debug, `agent` (the model, with the tools bound when it can bind them) and `tools` (a
 * ToolNode), `agent` going to `tools` while the model asks for tool calls. Both nodes are placed
 * on the line that called `createReactAgent`, so a gutter breakpoint there stops before each step
 * of the loop; `agent` and `tools` also take breakpoints by name. Options it does not support say
 * so when the agent is created, rather than being silently ignored.
 */
import { CheckpointSaver } from "../checkpoint/types";
import { END, START } from "../constants";
import { AnnotationRoot, StateDefinition } from "../graph/annotation";
import { callerLocation } from "../graph/call-site";
import { MessagesAnnotation } from "../graph/messages";
import { StateGraph } from "../graph/state-graph";
import { InterruptList } from "../types";
import { ToolLike, ToolNode, toolsCondition } from "./tool-node";

/**
 * A chat model, by the parts the agent uses. The parameters are `never` so that any model's own
 * narrower types (LangChain's `BaseChatModel`) fit; the agent passes messages and the run's config.
 */
interface ChatModelLike {
  invoke(messages: never, config?: never): Promise<unknown>;
  bindTools?(tools: never): ChatModelLike;
}

type Invoke = (messages: unknown[], config: unknown) => Promise<unknown>;

type Prompt = string | { content: unknown } | ((state: { messages: unknown[] }, config?: unknown) => unknown[] | Promise<unknown[]>);

export interface CreateReactAgentParams {
  llm: ChatModelLike;
  tools: ToolLike[] | ToolNode;
  prompt?: Prompt;
  /** Older names of `prompt`. */
  stateModifier?: Prompt;
  messageModifier?: Prompt;
  stateSchema?: AnnotationRoot<StateDefinition>;
  checkpointSaver?: CheckpointSaver;
  checkpointer?: CheckpointSaver;
  interruptBefore?: InterruptList;
  interruptAfter?: InterruptList;
  name?: string;
}

const UNSUPPORTED = ["responseFormat", "preModelHook", "postModelHook", "store", "version"] as const;

export const createReactAgentAnnotation = () => MessagesAnnotation;

export function createReactAgent(params: CreateReactAgentParams) {
  const unsupported = UNSUPPORTED.filter((option) => (params as unknown as Record<string, unknown>)[option] !== undefined);
  if (unsupported.length > 0) {
    throw new Error(`createReactAgent: the debugger's engine does not support ${unsupported.join(", ")} yet; build the agent with StateGraph, ToolNode and toolsCondition instead.`);
  }
  const site = callerLocation(createReactAgent);
  const toolNode = params.tools instanceof ToolNode ? params.tools : new ToolNode(params.tools);
  const model = toolNode.tools.length > 0 && typeof params.llm.bindTools === "function" ? params.llm.bindTools(toolNode.tools as never) : params.llm;
  const invoke = model.invoke.bind(model) as Invoke;
  const prompt = params.prompt ?? params.stateModifier ?? params.messageModifier;
  const callModel = async (state: { messages: unknown[] }, config: unknown) => {
    const response = await invoke(await withPrompt(prompt, state, config), config);
    nameAfterAgent(response, params.name);
    return { messages: [response] };
  };
  // The state schema is the user's (it has `messages`, as LangGraph requires): nodes see it untyped.
  const builder = new StateGraph<StateDefinition, never, never>((params.stateSchema ?? MessagesAnnotation) as AnnotationRoot<StateDefinition>)
    .addNode("agent", callModel as never)
    .addNode("tools", toolNode)
    .addEdge(START, "agent")
    .addConditionalEdges("agent", toolsCondition as (state: unknown) => string, ["tools", END])
    .addEdge("tools", "agent");
  for (const node of builder.nodes.values()) node.source = site ?? node.source;
  return builder.compile({
    checkpointer: params.checkpointer ?? params.checkpointSaver,
    interruptBefore: params.interruptBefore,
    interruptAfter: params.interruptAfter,
    name: params.name,
  });
}

/** The messages the model sees: the state's, after a system prompt (text or message) or through a prompt function. */
async function withPrompt(prompt: Prompt | undefined, state: { messages: unknown[] }, config: unknown): Promise<unknown[]> {
  if (prompt === undefined) return state.messages;
  if (typeof prompt === "function") return prompt(state, config);
  return [typeof prompt === "string" ? { role: "system", content: prompt } : prompt, ...state.messages];
}

/** As LangGraph does, the model's reply carries the agent's name (in the fields it serializes too). */
function nameAfterAgent(response: unknown, name: string | undefined): void {
  if (typeof response !== "object" || response === null) return;
  const message = response as { name?: string; lc_kwargs?: Record<string, unknown> };
  message.name = name;
  if (message.lc_kwargs) message.lc_kwargs.name = name;
}
