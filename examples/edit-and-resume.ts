/**
 * Edit and resume: `agent` plans the steps of a trip, and `execute` carries them out one by one.
 * The graph is compiled with `interruptAfter: ["agent"]`, so the run pauses right after the plan
 * is made, before anything is booked: the moment to correct it.
 *
 * Try it: press F5. At the pause, edit `plan` in the Variables view or the graph panel (remove a
 * step, change the hotel) and Continue: `execute` books your plan, not the agent's. The edit is a
 * checkpoint of its own (written as `agent`), so Step Back shows the plan before and after it.
 */
import { Annotation, END, MemorySaver, START, StateGraph } from "@langchain/langgraph";

const State = Annotation.Root({
  request: Annotation<string>(),
  plan: Annotation<string[]>(),
  done: Annotation<string[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
});

type TripState = typeof State.State;

function agent(state: TripState) {
  const city = /to (\w+)/i.exec(state.request ?? "")?.[1] ?? "Lisbon";
  return { plan: [`book a train to ${city}`, `book Hotel Central in ${city}`, `reserve a table for dinner in ${city}`] };
}

function execute(state: TripState) {
  const next = state.plan[state.done.length];
  console.log(`executing: ${next}`);
  return { done: [`done: ${next}`] };
}

function moreToDo(state: TripState) {
  return state.done.length < state.plan.length ? "execute" : END;
}

export const graph = new StateGraph(State)
  .addNode("agent", agent)
  .addNode("execute", execute)
  .addEdge(START, "agent")
  .addConditionalEdges("agent", moreToDo, ["execute", END])
  .addConditionalEdges("execute", moreToDo, ["execute", END])
  .compile({ checkpointer: new MemorySaver(), interruptAfter: ["agent"] });
