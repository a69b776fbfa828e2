/**
 * Seed "Streaming with Interrupts", "Timeout Handling" and "Debugging Interrupts": streaming values
 * up to a pause and resuming the stream; waiting for an approval with a deadline and rejecting
 * through `updateState` when it passes; and reading the debug stream of a run with a breakpoint.
 */
import * as assert from "assert";
import { Annotation, END, InMemorySaver, START, StateGraph, interrupt } from "../../../src/runtime";
import { AgentState, buildAgentGraph, config, question } from "./agent";

async function collect(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("seed: streaming with interrupts", () => {
  it("streams values up to the pause, reports where it stopped, then streams the rest", async () => {
    const executed: string[] = [];
    const app = buildAgentGraph(executed, { interruptBefore: ["tools"] });
    const cfg = config("thread-1");

    const first = (await collect(await app.stream(question("q"), { ...cfg, streamMode: "values" }))) as Array<Record<string, unknown>>;
    const states = first.filter((chunk) => "messages" in chunk) as AgentState[];
    assert.deepStrictEqual(
      states.map((s) => s.messages.length),
      [1, 2],
      "the input state, then the agent's",
    );
    const state = await app.getState(cfg);
    assert.deepStrictEqual(state.next, ["tools"], "Interrupted at: tools");

    const rest = (await collect(await app.stream(null, { ...cfg, streamMode: "values" }))) as AgentState[];
    assert.deepStrictEqual(
      rest.map((s) => s.messages.length),
      [2, 3, 4],
      "the resumed stream repeats the paused state, then the tool's and the agent's",
    );
    assert.deepStrictEqual(executed, ["search(q)"]);
  });
});

describe("seed: timeout handling", () => {
  const State = Annotation.Root({
    approved: Annotation<boolean>(),
    reason: Annotation<string>(),
    outcome: Annotation<string>(),
  });
  const buildGraph = () =>
    new StateGraph(State)
      .addNode("await_approval", () => {
        const answer = interrupt<string, { approved?: boolean; reason?: string }>("approve?");
        return { outcome: answer.approved ? "approved" : `rejected (${answer.reason ?? "no reason"})` };
      })
      .addEdge(START, "await_approval")
      .addEdge("await_approval", END)
      .compile({ checkpointer: new InMemorySaver() });
  type App = ReturnType<typeof buildGraph>;

  /** The seed's wait_for_approval: poll the state until approved, or reject through updateState. */
  async function waitForApproval(app: App, cfg: ReturnType<typeof config>, timeoutMs: number): Promise<boolean> {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      const state = await app.getState(cfg);
      if (state.values.approved) return true;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await app.updateState(cfg, { approved: false, reason: "timeout" });
    return false;
  }

  it("rejects with reason timeout when nobody answers in time, and the node sees that answer", async () => {
    const app = buildGraph();
    const cfg = config("nobody");
    await app.invoke({}, cfg);
    assert.strictEqual(await waitForApproval(app, cfg, 30), false);
    const result = await app.invoke(null, cfg);
    assert.strictEqual(result.outcome, "rejected (timeout)");
    assert.strictEqual(result.reason, "timeout");
  });

  it("returns true as soon as someone approves through updateState, and the run finishes approved", async () => {
    const app = buildGraph();
    const cfg = config("someone");
    await app.invoke({}, cfg);
    const reviewer = new Promise<void>((resolve) =>
      setTimeout(() => void app.updateState(cfg, { approved: true }).then(() => resolve()), 10),
    );
    assert.strictEqual(await waitForApproval(app, cfg, 5000), true);
    await reviewer;
    const result = await app.invoke(null, cfg);
    assert.strictEqual(result.outcome, "approved");
  });
});

describe("seed: debugging interrupts", () => {
  interface DebugEvent {
    step: number;
    type: string;
    payload: { name?: string; next?: string[] };
  }

  it("streams checkpoint, task and task_result events up to the breakpoint before tools", async () => {
    const app = buildAgentGraph([], { interruptBefore: ["tools"], debug: true });
    const cfg = config("debug");
    const quiet = silenceConsole();
    let events: DebugEvent[];
    try {
      events = (await collect(await app.stream(question("q"), { ...cfg, streamMode: "debug" }))) as DebugEvent[];
    } finally {
      quiet.restore();
    }
    const trace = events.map((e) => `${e.step}:${e.type}:${e.payload.name ?? (e.payload.next ?? []).join(",")}`);
    assert.deepStrictEqual(trace, [
      "-1:checkpoint:__start__",
      "0:checkpoint:agent",
      "1:task:agent",
      "1:task_result:agent",
      "1:checkpoint:tools",
    ]);
    assert.deepStrictEqual((await app.getState(cfg)).next, ["tools"]);
  });
});

/** `debug: true` prints each step; the test reads the stream instead and keeps its output clean. */
function silenceConsole() {
  const original = { log: console.log, error: console.error, info: console.info };
  console.log = console.error = console.info = () => undefined;
  return { restore: () => Object.assign(console, original) };
}
