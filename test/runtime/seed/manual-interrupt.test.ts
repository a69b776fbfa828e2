/**
 * Seed "Manual Interrupt": a review node calls `interrupt()` when confidence is low, and the person
 * answers with `updateState(config, {approved})` followed by `invoke(null)`. As the seed promises
 * (and LangGraph.js does not), that update becomes what `interrupt()` returns.
 */
import * as assert from "assert";
import { Annotation, Command, END, InMemorySaver, START, StateGraph, interrupt, isInterrupted } from "../../../src/runtime";
import { config } from "./agent";

const State = Annotation.Root({
  confidence: Annotation<number>(),
  result: Annotation<string>(),
  status: Annotation<string>(),
  approved: Annotation<boolean>(),
});
type ReviewState = typeof State.State;

function buildReviewGraph(questions: unknown[]) {
  const reviewNode = (state: ReviewState) => {
    if (state.confidence < 0.8) {
      const question = { question: "Confidence is low. Should I proceed?", current_result: state.result };
      questions.push(question);
      const feedback = interrupt<typeof question, { approved?: boolean }>(question);
      return { status: feedback.approved ? "approved" : "rejected" };
    }
    return { status: "auto_approved" };
  };
  return new StateGraph(State)
    .addNode("review_node", reviewNode)
    .addEdge(START, "review_node")
    .addEdge("review_node", END)
    .compile({ checkpointer: new InMemorySaver() });
}

describe("seed: manual interrupt", () => {
  it("lets a confident result through without asking anyone", async () => {
    const questions: unknown[] = [];
    const app = buildReviewGraph(questions);
    const result = await app.invoke({ confidence: 0.95, result: "42" }, config("sure"));
    assert.strictEqual(result.status, "auto_approved");
    assert.strictEqual(isInterrupted(result), false);
    assert.deepStrictEqual(questions, []);
  });

  it("asks for review when unsure, and approves once the reviewer's update says approved", async () => {
    const questions: unknown[] = [];
    const app = buildReviewGraph(questions);
    const cfg = config("unsure");

    const paused = await app.invoke({ confidence: 0.3, result: "maybe 42" }, cfg);
    assert.ok(isInterrupted(paused), "the run stops inside review_node");
    assert.deepStrictEqual(
      paused.__interrupt__?.map((i) => (i as { value: unknown }).value),
      [{ question: "Confidence is low. Should I proceed?", current_result: "maybe 42" }],
    );

    await app.updateState(cfg, { approved: true });
    const result = await app.invoke(null, cfg);
    assert.strictEqual(result.status, "approved", "interrupt() returned the update");
    assert.strictEqual(result.approved, true, "the update is also written to the state as usual");
    assert.deepStrictEqual((await app.getState(cfg)).next, []);
  });

  it("rejects when the reviewer's update says not approved", async () => {
    const app = buildReviewGraph([]);
    const cfg = config("rejected");
    await app.invoke({ confidence: 0.5, result: "guess" }, cfg);
    await app.updateState(cfg, { approved: false });
    const result = await app.invoke(null, cfg);
    assert.strictEqual(result.status, "rejected");
  });

  it("still accepts the explicit Command({resume}) way of answering", async () => {
    const app = buildReviewGraph([]);
    const cfg = config("command");
    await app.invoke({ confidence: 0.1, result: "?" }, cfg);
    const result = await app.invoke(new Command({ resume: { approved: true } }), cfg);
    assert.strictEqual(result.status, "approved");
  });

  it("re-runs the review node from the top on resume, asking the same question again first", async () => {
    const questions: unknown[] = [];
    const app = buildReviewGraph(questions);
    const cfg = config("rerun");
    await app.invoke({ confidence: 0.2, result: "x" }, cfg);
    await app.updateState(cfg, { approved: true });
    await app.invoke(null, cfg);
    assert.strictEqual(questions.length, 2, "the node body ran once to ask and once to finish");
  });
});
