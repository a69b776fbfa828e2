/**
 * Our `@langchain/langgraph/prebuilt`: what a graph file imports from there runs on our engine
 * too, so an agent made with `createReactAgent` or a `ToolNode` is debugged like any graph.
 */
export { ToolNode, toolsCondition } from "./tool-node";
export type { ToolLike, ToolNodeOptions } from "./tool-node";
export { createReactAgent, createReactAgentAnnotation } from "./react-agent";
export type { CreateReactAgentParams } from "./react-agent";
