/**
 * Seed "Conditional Interrupts" and "Dynamic Interrupts with Command": a node that asks only for
 * sensitive actions, and a node that, after review, returns a `Command` updating the result and
 * jumping straight to validation.
 */
import * as assert from "assert";
import { Annotation, Command, END, InMemorySaver, START, StateGraph, interrupt, isInterrupted } from "../../../src/runtime";
import { config } from "./agent";

describe("seed: conditional interrupts", () => {
  const State = Annotation.Root({
    planned_action: Annotation<string>(),
    status: Annotation<string>(),
    result: Annotation<string>(),
  });
  const isSensitiveAction = (action: string) => action.startsWith("delete");
  const executeAction = (action: string) => `done: ${action}`;

  const buildGraph = () =>
    new StateGraph(State)
      .addNode("conditional_interrupt_node", (state) => {
        const action = state.planned_action;
        if (isSensitiveAction(action)) {
          const approval = interrupt<object, { approved?: boolean }>({ action, message: "This action requires approval" });
          if (!approval.approved) return { status: "cancelled" };
        }
        return { result: executeAction(action) };
      })
      .addEdge(START, "conditional_interrupt_node")
      .addEdge("conditional_interrupt_node", END)
      .compile({ checkpointer: new InMemorySaver() });

  it("runs a harmless action straight away", async () => {
    const result = await buildGraph().invoke({ planned_action: "read report" }, config("safe"));
    assert.strictEqual(isInterrupted(result), false);
    assert.strictEqual(result.result, "done: read report");
  });

  it("stops a sensitive action for approval and runs it once approved", async () => {
    const app = buildGraph();
    const cfg = config("approve");
    const paused = await app.invoke({ planned_action: "delete files" }, cfg);
    assert.deepStrictEqual(
      paused.__interrupt__?.map((i) => (i as { value: unknown }).value),
      [{ action: "delete files", message: "This action requires approval" }],
    );
    assert.strictEqual(paused.result, undefined, "nothing was executed while waiting");
    const result = await app.invoke(new Command({ resume: { approved: true } }), cfg);
    assert.strictEqual(result.result, "done: delete files");
  });

  it("cancels a sensitive action that is not approved", async () => {
    const app = buildGraph();
    const cfg = config("deny");
    await app.invoke({ planned_action: "delete database" }, cfg);
    const result = await app.invoke(new Command({ resume: { approved: false } }), cfg);
    assert.strictEqual(result.status, "cancelled");
    assert.strictEqual(result.result, undefined);
  });
});

describe("seed: dynamic interrupts with Command", () => {
  const State = Annotation.Root({
    input: Annotation<string>(),
    result: Annotation<string>(),
    trail: Annotation<string[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  });
  const process = (state: { input: string }) => `processed ${state.input}`;
  const needsReview = (result: string) => result.includes("risky");

  const buildGraph = () =>
    new StateGraph(State)
      .addNode(
        "smart_node",
        (state) => {
          const result = process(state);
          if (needsReview(result)) {
            const feedback = interrupt<object, { revised_result: string }>({ result });
            return new Command({ update: { result: feedback.revised_result, trail: ["smart_node"] }, goto: "validation" });
          }
          return { result, trail: ["smart_node"] };
        },
        { ends: ["validation"] },
      )
      .addNode("format", () => ({ trail: ["format"] }))
      .addNode("validation", (state) => ({ trail: [`validation(${state.result})`] }))
      .addEdge(START, "smart_node")
      .addEdge("smart_node", "format")
      .addEdge("format", "validation")
      .addEdge("validation", END)
      .compile({ checkpointer: new InMemorySaver() });

  it("takes the normal path when no review is needed", async () => {
    const result = await buildGraph().invoke({ input: "plain" }, config("plain"));
    assert.deepStrictEqual(result.trail, ["smart_node", "format", "validation(processed plain)"]);
  });

  it("after review, updates the result and goes to validation as the Command says", async () => {
    const app = buildGraph();
    const cfg = config("risky");
    const paused = await app.invoke({ input: "risky plan" }, cfg);
    assert.deepStrictEqual(
      paused.__interrupt__?.map((i) => (i as { value: unknown }).value),
      [{ result: "processed risky plan" }],
    );
    const result = await app.invoke(new Command({ resume: { revised_result: "safe plan" } }), cfg);
    assert.strictEqual(result.result, "safe plan");
    assert.ok(result.trail.includes("validation(safe plan)"), "validation saw the revised result");
  });
});
