/**
 * A thread with a fork, made by real runs of examples/edit-and-resume.ts on our engine: the trip
 * runs to its end, then time travel goes back to the pause after `agent`, edits the plan there as
 * `agent`, and runs the new branch. The store readers' tests read it back.
 */
import { StateGraph } from "../../../src/runtime";
import type { CheckpointSaver } from "../../../src/runtime/checkpoint/types";
import { loadExample } from "./examples";

/** Compiles the example on `saver`, pausing after `agent`. */
export function tripApp(saver: CheckpointSaver) {
  const { graph } = loadExample<{ graph: { builder: StateGraph<never> } }>("edit-and-resume.ts");
  return graph.builder.compile({ checkpointer: saver, interruptAfter: ["agent"] });
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
