/**
 * End-to-end story 9: an agent built by `langchain`'s `createAgent`, debugged as its author writes
 * it (examples/support-agent.ts, on the LangGraph.js that examples/package.json installs). The
 * library adds the agent's nodes, so they sit on the line that called `createAgent(...)`: a gutter
 * breakpoint there pauses before every step of the agent loop. F5 stops before `model_request`;
 * Continue stops before `tools` with the model's tool call in the panel; the person changes the
 * order it looks up in the panel's JSON, as `model_request`, and Continues: the tool looks up the
 * edited order and the agent's final answer names it.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { playStory } from "./harness/between";
import { callStack, clickToolbar, debugConsoleText, showRunAndDebug, toolbarButton, waitFrame, waitPaused, waitSessionEnded, waitVariables } from "./harness/debugViews";
import { breakpointGlyphLines, clickGutter, lineOf, stoppedLine } from "./harness/editor";
import { applyEdit, bannerText, graphNode, panelFrame, waitNext, waitState } from "./harness/panel";
import { sharedEditor } from "./harness/run";
import { recordMeasure } from "./harness/timings";

interface Message {
  type: string;
  content: unknown;
  tool_calls?: Array<{ name: string; args: Record<string, unknown> }>;
}

const messagesOf = (state: Record<string, unknown>): Message[] => (Array.isArray(state.messages) ? (state.messages as Message[]) : []);
const lastOf = (state: Record<string, unknown>): Message | undefined => messagesOf(state).at(-1);

/** The state with the order id of the last message's tool call replaced, as typed into the panel's JSON. */
function askForOrder(orderId: string) {
  return (state: Record<string, unknown>): Record<string, unknown> => {
    const messages = structuredClone(messagesOf(state));
    messages.at(-1)!.tool_calls![0].args.orderId = orderId;
    return { ...state, messages };
  };
}

describe("e2e 9: a createAgent agent", function () {
  it("pauses on the createAgent line before each step, takes an edited tool call in the panel, and the answer uses it", async function () {
    this.timeout(180_000);
    const { workbench, workspace } = await sharedEditor();
    const page = workbench.page;
    const panel = panelFrame(page);
    const file = "support-agent.ts";
    const agentLine = lineOf(readFileSync(path.join(workspace, file), "utf8"), /^export const agent = createAgent\(/);
    await playStory(workbench, "9-create-agent", async () => {
      await workbench.openFile(file);
      await clickGutter(page, agentLine);
      await page.waitForFunction(() => document.querySelector(".editor-group-container.active .codicon-debug-breakpoint"), undefined, { timeout: 10_000 });
      assert.deepEqual(await breakpointGlyphLines(page), [agentLine], "one breakpoint, on the createAgent(...) line");
      await workbench.screenshot("gutter-breakpoint-on-createAgent");

      const since = Date.now();
      await page.keyboard.press("F5");
      await waitPaused(page);
      await showRunAndDebug(page);
      await waitFrame(page, "model_request");
      recordMeasure("story 9: F5 to paused in a createAgent agent (ms)", Date.now() - since);
      assert.match((await callStack(page))[0], new RegExp(`^Stack Frame model_request, line ${agentLine},`), "the agent's model node, placed on the line that built the agent");
      assert.equal(await stoppedLine(page), agentLine, "the editor marks the createAgent(...) line as the stop");
      assert.match(await debugConsoleText(page), /on the workspace's LangGraph\.js 1\.7\.3/, "the example runs on the LangGraph.js examples/package.json installs");
      await waitNext(panel, "model_request", 30_000);
      await graphNode(panel, "tools").waitFor();
      await workbench.screenshot("paused-before-model_request-graph-in-panel");

      await clickToolbar(page, "Continue");
      await waitFrame(page, "tools");
      await waitNext(panel, "tools");
      assert.match(await bannerText(panel), /Paused before tools/);
      await waitVariables(page, (rows) => rows.some((row) => /^messages, value Array\(1\)/.test(row))); // the model's answer is the one message so far
      const asked = lastOf(await waitState(panel, (state) => lastOf(state)?.type === "ai"));
      assert.deepEqual(asked?.tool_calls?.map((call) => [call.name, call.args]), [["lookup_order", { orderId: "A-1002" }]], "the panel shows the model's tool call");
      await workbench.screenshot("paused-before-tools-tool-call-in-panel");

      await applyEdit(panel, askForOrder("A-1001"), "model_request");
      const edited = await waitState(panel, (state) => lastOf(state)?.tool_calls?.[0]?.args.orderId === "A-1001");
      assert.equal(lastOf(edited)?.type, "ai", "the edited message is still the model's AIMessage");
      await waitNext(panel, "tools");
      assert.ok(await toolbarButton(page, "Continue").isVisible(), "the run stays paused after the edit");
      await workbench.screenshot("tool-call-edited-as-model_request");

      await clickToolbar(page, "Continue");
      await waitFrame(page, "model_request");
      const looked = await waitState(panel, (state) => lastOf(state)?.type === "tool");
      assert.equal(lastOf(looked)?.content, "delivered on Monday", "the tool looked up the edited order");
      await clickToolbar(page, "Continue");
      await waitSessionEnded(page);
      const final = await waitState(panel, (state) => messagesOf(state).length === 3 && lastOf(state)?.type === "ai");
      assert.deepEqual(messagesOf(final).map((message) => message.type), ["ai", "tool", "ai"]);
      assert.equal(lastOf(final)?.content, "Order A-1001 is delivered on Monday.", "the agent's answer names the order of the edit");
      await workbench.screenshot("answer-uses-the-edited-order");
    });
  });
});
