/**
 * Answers sent as differences: what crosses is small when little changed, and the receiver ends
 * up holding exactly what the sender sent, through any sequence of answers.
 */
import * as assert from "node:assert/strict";
import { DeltaStream, apply, diff } from "../../src/protocol/value-delta";

/** Sends `answers` through a sender and a receiver, as JSON on the wire; returns what was received and the bytes sent. */
function carry(answers: unknown[]): { received: unknown[]; bytes: number[] } {
  const sender = new DeltaStream();
  const receiver = new DeltaStream();
  const received: unknown[] = [];
  const bytes: number[] = [];
  for (const answer of answers) {
    const wire = JSON.stringify(sender.encode("run", answer));
    bytes.push(wire.length);
    received.push(receiver.decode("run", JSON.parse(wire)));
  }
  return { received, bytes };
}

const message = (index: number) => ({ role: index % 2 ? "assistant" : "user", content: `message ${index} ${"x".repeat(200)}` });
const chat = (length: number) => ({ checkpointId: `c${length}`, values: { messages: Array.from({ length }, (_, i) => message(i)), step: length } });

describe("answers sent as differences", () => {
  it("a chat that grew by two messages crosses as those two messages, however long it is", () => {
    const { received, bytes } = carry([chat(1000), chat(1002)]);
    assert.deepEqual(received[1], chat(1002));
    assert.ok(bytes[0] > 200_000, "the first answer goes whole");
    assert.ok(bytes[1] < 1000, `the second is the two new messages and the changed fields, not ${bytes[1]} bytes`);
  });

  it("the same answer again crosses as one character", () => {
    assert.equal(JSON.stringify(diff(chat(10), chat(10))), "0");
  });

  it("keys that go away, come back in another order or change type come out as sent", () => {
    const answers = [{ a: 1, b: [1, 2], c: { d: "x" } }, { c: { d: "y" }, a: 1 }, { a: [1], b: null, c: "text" }, [1, 2, 3], { a: 1 }];
    const { received } = carry(answers);
    received.forEach((value, index) => assert.equal(JSON.stringify(value), JSON.stringify(answers[index]), `answer ${index}`));
  });

  it("carries what JSON would: no undefined fields, null for undefined items, __proto__ as a plain key", () => {
    const tricky = JSON.parse('{"__proto__": {"polluted": true}, "list": [1, null]}') as Record<string, unknown>;
    const { received } = carry([{ gone: undefined, list: [undefined, 2] }, tricky]);
    assert.deepEqual(received[0], { list: [null, 2] });
    assert.equal(JSON.stringify(received[1]), JSON.stringify(tricky));
    assert.equal(({} as Record<string, unknown>).polluted, undefined, "no prototype was touched");
  });

  it("through a long run of random edits, the receiver always holds the sender's answer", () => {
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % below);
    let state: { messages: unknown[]; note: unknown } = { messages: [], note: "start" };
    const answers: unknown[] = [];
    for (let step = 0; step < 300; step++) {
      const messages = [...state.messages];
      const roll = random(10);
      if (roll < 6) messages.push(message(step));
      else if (roll < 8 && messages.length > 0) messages[random(messages.length)] = { ...message(step), edited: true };
      else messages.splice(0, random(3));
      state = { messages, note: random(4) === 0 ? { step } : state.note };
      answers.push(state);
    }
    const { received } = carry(answers);
    received.forEach((value, index) => assert.deepEqual(value, answers[index], `answer ${index}`));
  });

  it("a patch keeps the receiver's unchanged parts as they were (shared, not copied)", () => {
    const before = chat(3);
    const after = apply(before, diff(before, { ...chat(3), checkpointId: "next" })) as typeof before;
    assert.equal(after.values, before.values);
  });
});
