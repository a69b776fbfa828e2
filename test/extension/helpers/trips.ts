/**
 * A thread with a fork, made by real runs of a trip planner on our engine (the shape of
 * examples/edit-and-resume.ts: `agent` plans, `execute` does one item a step): the trip runs to its
 * end, then time travel goes back to the pause after `agent`, edits the plan there as `agent`, and
 * runs the new branch. The store readers' tests read it back. The graph is built here on our
 * engine, not loaded from examples/, which run on the examples' own LangGraph.js.
 */
import { Annotation, END, START, StateGraph } from "../../../src/runtime";
import type { CheckpointSaver } from "../../../src/runtime/checkpoint/types";

const Trip = Annotation.Root({
  request: Annotation<string>(),
  plan: Annotation<string[]>(),
  done: Annotation<string[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
});

type TripState = typeof Trip.State;

const moreToDo = (state: TripState) => (state.done.length < state.plan.length ? "execute" : END);

/** Compiles the trip planner on `saver`, pausing after `agent`. */
export function tripApp(saver: CheckpointSaver) {
  return new StateGraph(Trip)
    .addNode("agent", (state: TripState) => ({ plan: [`train for ${state.request}`, "hotel", "dinner"] }))
    .addNode("execute", (state: TripState) => ({ done: [`done: ${state.plan[state.done.length]}`] }))
    .addEdge(START, "agent")
    .addConditionalEdges("agent", moreToDo, ["execute", END])
    .addConditionalEdges("execute", moreToDo, ["execute", END])
    .compile({ checkpointer: saver, interruptAfter: ["agent"] });
}

/** Runs thread `threadId` to its end, then forks it at step 1 with an edit and runs the branch. */
export async function runForkedTrip(saver: CheckpointSaver, threadId: string): Promise<void> {
  const app = tripApp(saver);
  const config = { configurable: { thread_id: threadId } };
  await app.invoke({ request: "trip to Porto" } as never, config);
  await app.invoke(null, config);
  const history = [];
  for await (const snapshot of app.getStateHistory(config)) history.push(snapshot);
  const pause = history.find((snapshot) => snapshot.next.includes("execute") && snapshot.metadata?.step === 1)!;
  const forked = await app.updateState(pause.config, { plan: ["walk"] } as never, "agent");
  await app.invoke(null, forked);
}
