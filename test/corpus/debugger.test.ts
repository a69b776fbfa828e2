/**
 * Every corpus graph under the debugger, on the workspace engine (the LangGraph.js installed here),
 * as a person would use it: launched with a breakpoint before one of its nodes, stopped there, its
 * state read in Variables, a message edited in Variables, then continued (answering its
 * `interrupt()`s) to the end. Its final state must be the state a plain `node` run of the same file
 * ends in when the same edit is made by hand with LangGraph.js's own `updateState`: the debugger
 * ran the user's program, unchanged.
 */
import assert from "node:assert/strict";
import type { DebugProtocol } from "@vscode/debugprotocol";
import type { SnapshotView } from "../../src/protocol/debug";
import { Story } from "../debug/helpers/story";
import { corpus } from "../fixtures/corpus/manifest";
import { configurableOf, graphFile, type CorpusEntry } from "../fixtures/corpus/manifest-types";
import type { JsonValue } from "../helpers/fake-models/types";
import { normalisedState, plainRun } from "./plain-run";
import { NETWORK_GUARD, startCorpusServices } from "./services";

const EDIT = " (edited in the debugger)";

/** A message as the two runs print it: `{_type: "HumanMessage"}` (plain) and `{type: "human"}` (debugger) are one kind. */
function comparable(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === "_type" && typeof field === "string") out.type = kindOf(field);
    else if (field !== null) out[key] = comparable(field);
  }
  return out;
}

function kindOf(className: string): string {
  const known: Record<string, string> = { HumanMessage: "human", AIMessage: "ai", AIMessageChunk: "ai", ToolMessage: "tool", SystemMessage: "system" };
  return known[className] ?? className;
}

async function debuggerRun(entry: CorpusEntry): Promise<{ values: JsonValue; stops: string[] }> {
  const services = await startCorpusServices(entry);
  const story = await Story.open();
  const stops: string[] = [];
  try {
    const env = { ...services.env, NODE_OPTIONS: `--require ${NETWORK_GUARD}` };
    const launch = { program: graphFile(entry), graph: entry.exportName, input: entry.input, env, configurable: configurableOf(entry), recursionLimit: 50, engine: "workspace" };
    await story.start("launch", launch, { functionBreakpoints: [entry.breakBefore] });
    const terminated = story.next("terminated");
    const answers = [...(entry.resume ?? [])];
    let edited = false;
    for (;;) {
      const stop = await Promise.race([story.next("stopped"), terminated.then(() => undefined)]);
      if (!stop) break;
      stops.push(stop.body.description ?? "");
      if (/^interrupt\(\)/.test(stop.body.description ?? "")) {
        await story.custom("resume", { value: answers.shift() ?? null });
        continue;
      }
      if (!edited && entry.messagesKey) await editFirstMessage(story, entry.messagesKey);
      edited = true;
      await story.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
      await story.dc.continueRequest({ threadId: 1 });
    }
    return { values: (await story.custom<SnapshotView>("snapshot")).values as JsonValue, stops };
  } finally {
    await story.close();
    await services.close();
  }
}

/** Variables → State → the messages → the first one's `content`: Set Value, as a person does. */
async function editFirstMessage(story: Story, key: string): Promise<void> {
  const messages = await story.children((await story.scope("State")).get(key)!.variablesReference);
  const first = messages.get("0") as DebugProtocol.Variable;
  const fields = await story.children(first.variablesReference);
  const content = JSON.parse(fields.get("content")!.value) as string;
  await story.dc.setVariableRequest({ variablesReference: first.variablesReference, name: "content", value: JSON.stringify(`${content}${EDIT}`) });
  assert.match(story.outputText(), /Wrote the update as node/);
  await story.next("stopped"); // the stop that tells of the edit
}

describe("corpus: public LangGraph.js graphs under the debugger (workspace engine)", function () {
  this.timeout(180_000);
  for (const entry of corpus) {
    it(`${entry.id}: stops before ${entry.breakBefore}, takes an edit, and ends as a plain run with that edit`, async () => {
      const edit = entry.messagesKey ? { before: entry.breakBefore, key: entry.messagesKey, suffix: EDIT } : undefined;
      const plain = await plainRun(entry, { threadId: `plain-${entry.id}`, ...(edit ? { edit } : {}) });
      const debugged = await debuggerRun(entry);
      assert.ok(debugged.stops.some((stop) => new RegExp(`^Paused before (.*/)?${entry.breakBefore}\\b`).test(stop)), `stopped before ${entry.breakBefore}: ${debugged.stops.join(" | ")}`);
      assert.deepEqual(comparable(normalisedState(debugged.values)), comparable(normalisedState(plain.values)));
      if (edit) assert.match(JSON.stringify(debugged.values), /\(edited in the debugger\)/, "the edit is in the final state");
    });
  }
});
