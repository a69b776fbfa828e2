/**
 * Every corpus graph, run plainly twice (as node/tsx would, with the fake model server and the
 * network guard): each run ends in the state its fake-model script implies, and the two runs end
 * in the same state once ids and clock times are normalised away. The runs all start up front,
 * a few at a time, so the whole corpus stays within a couple of minutes on two cores.
 */
import assert from "node:assert/strict";
import { corpus } from "../fixtures/corpus/manifest";
import { checkExpectations } from "./expectations";
import { normalisedState, plainRun, type PlainRun } from "./plain-run";

const CONCURRENCY = 3;

async function inPool<T>(jobs: Array<() => Promise<T>>, size: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

/** A run's outcome, kept as a value so one failed graph does not hide the others. */
type Outcome = { run: PlainRun } | { error: Error };

describe("corpus: plain runs of public LangGraph.js graphs", function () {
  this.timeout(300_000);
  const outcomes = new Map<string, [Outcome, Outcome]>();

  before(async function () {
    const attempt = (id: string, thread: string) => async (): Promise<Outcome> => {
      const entry = corpus.find((e) => e.id === id)!;
      return plainRun(entry, { threadId: thread }).then((run) => ({ run }), (error: Error) => ({ error }));
    };
    const jobs = corpus.flatMap((e) => [attempt(e.id, "first"), attempt(e.id, "second")]);
    const results = await inPool(jobs, CONCURRENCY);
    corpus.forEach((entry, i) => outcomes.set(entry.id, [results[2 * i], results[2 * i + 1]]));
  });

  const runsOf = (id: string): [PlainRun, PlainRun] => {
    const pair = outcomes.get(id)!;
    for (const outcome of pair) if ("error" in outcome) throw outcome.error;
    return pair.map((o) => (o as { run: PlainRun }).run) as [PlainRun, PlainRun];
  };

  for (const entry of corpus) {
    describe(entry.id, () => {
      it(`ends as its script implies: ${entry.runs}`, () => {
        checkExpectations(entry, runsOf(entry.id)[0]);
      });

      it("ends in the same normalised state when run twice", () => {
        const [first, second] = runsOf(entry.id);
        assert.deepEqual(normalisedState(second.values), normalisedState(first.values));
        assert.equal(second.calls.length, first.calls.length, "both runs make the same model calls");
      });
    });
  }
});
