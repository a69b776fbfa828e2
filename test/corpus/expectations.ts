/**
 * Checks a plain run against what its manifest entry's fake-model script implies: the last
 * message is the scripted answer, tool results exist where tool calls were scripted, named keys
 * hold the expected values, the fake index holds the expected documents, the network guard
 * refused exactly the hosts listed, and a checkpoint had the entry's breakBefore node next (so
 * a debugger breakpoint there would stop). Each failed check throws an assertion naming the entry.
 */
import assert from "node:assert/strict";
import { scriptedAnswer } from "../helpers/fake-models/default-script";
import type { JsonValue } from "../helpers/fake-models/types";
import type { CorpusEntry } from "../fixtures/corpus/manifest-types";
import { normalisedState, type PlainRun } from "./plain-run";

type Record_ = { [key: string]: JsonValue };

export function checkExpectations(entry: CorpusEntry, run: PlainRun): void {
  const { expect } = entry;
  const values = run.values as Record_;
  assert.deepEqual(run.next, [], `${entry.id} should run to its end`);
  assert.ok(run.calls.length > 0, `${entry.id} should call the fake model server`);
  assert.ok(run.scheduled.includes(entry.breakBefore), `${entry.id}: no checkpoint had ${entry.breakBefore} next (${run.scheduled})`);
  if (expect.answerFrom) assert.equal(lastText(entry, values), scriptedAnswer(expect.answerFrom), `${entry.id}: last message`);
  for (const tool of expect.toolResults ?? []) assert.ok(toolResultNames(entry, values).includes(tool), `${entry.id}: no result of ${tool}`);
  checkKeys(entry, values, expect.values, "state");
  checkKeys(entry, run.output as Record_, expect.output, "output");
  for (const key of expect.nonEmpty ?? []) assert.ok(Array.isArray(values[key]) && (values[key] as JsonValue[]).length > 0, `${entry.id}: ${key} is empty`);
  if (expect.indexed) assert.equal(run.indexed[expect.indexed.index], expect.indexed.count, `${entry.id}: indexed documents`);
  assert.equal(run.answered.length, expect.answered ?? 0, `${entry.id}: interrupts answered`);
  assert.deepEqual(blockedHosts(run.stderr), expect.blockedHosts ?? [], `${entry.id}: hosts the network guard refused`);
}

function checkKeys(entry: CorpusEntry, actual: Record_, expected: Record_ | undefined, what: string) {
  for (const [key, value] of Object.entries(expected ?? {})) {
    assert.deepEqual(normalisedState(actual?.[key] ?? null), normalisedState(value), `${entry.id}: ${what}.${key}`);
  }
}

function messagesOf(entry: CorpusEntry, values: Record_): Record_[] {
  const messages = values[entry.messagesKey ?? "messages"];
  assert.ok(Array.isArray(messages), `${entry.id}: no messages in ${entry.messagesKey}`);
  return messages as Record_[];
}

/** A message's text, whether its content is a string or a list of content blocks. */
function lastText(entry: CorpusEntry, values: Record_): string {
  const last = messagesOf(entry, values).at(-1);
  assert.match(String(last?._type), /^AIMessage/, `${entry.id}: the last message is not the model's`);
  const content = last?.content;
  if (typeof content === "string") return content;
  return ((content ?? []) as Record_[]).map((block) => (block.type === "text" ? String(block.text) : "")).join("");
}

function toolResultNames(entry: CorpusEntry, values: Record_): string[] {
  return messagesOf(entry, values).filter((m) => String(m._type).startsWith("ToolMessage")).map((m) => String(m.name));
}

function blockedHosts(stderr: string): string[] {
  return [...stderr.matchAll(/^\[network-guard\] blocked (\S+)$/gm)].map((m) => m[1]).sort();
}
