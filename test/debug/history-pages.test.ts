/**
 * The `history` request in pages: a finished run's thread read `limit` checkpoints at a time,
 * newest first, each page `before` the last one's oldest, gives back the whole history; a page of a
 * thread with subgraphs holds the runs of its own checkpoints. Reverse Continue walks a long
 * history a page at a time, reading only as far back as the breakpoint it looks for.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { HistoryEntry, SnapshotView } from "../../src/protocol/debug";
import { breakpointBefore, type HistorySource } from "../../src/debug/time-travel";
import { FIXTURES, Story } from "./helpers/story";
import { PROJECT_ROOT } from "./helpers/build";

const COUNTER = path.join(FIXTURES, "counter.ts");
const REPORT = path.join(PROJECT_ROOT, "examples", "research-report.ts");

type HistoryBody = { entries: HistoryEntry[]; more?: boolean };

describe("debug adapter: history in pages", function () {
  this.timeout(60_000);
  let story: Story;
  beforeEach(async () => (story = await Story.open()));
  afterEach(async () => story.close());

  /** Every page of the thread, `limit` root checkpoints each. */
  async function allPages(limit: number, subgraphs = false): Promise<HistoryBody[]> {
    const pages: HistoryBody[] = [];
    let before: string | undefined;
    do {
      const page = await story.custom<HistoryBody>("history", { limit, ...(before ? { before } : {}), ...(subgraphs ? { subgraphs } : {}) });
      pages.push(page);
      const roots = page.entries.filter((entry) => !entry.checkpointNs);
      before = page.more ? roots[roots.length - 1].checkpointId : undefined;
    } while (before);
    return pages;
  }

  it("pages a thread newest first, and the pages together are its whole history", async () => {
    await story.start("launch", { program: COUNTER, input: { target: 9 } });
    await story.next("terminated");
    const whole = (await story.custom<HistoryBody>("history")).entries;
    assert.equal(whole.length, 11, "input, start, nine ticks");

    const pages = await allPages(4);
    assert.deepEqual(pages.map((page) => [page.entries.length, page.more]), [[4, true], [4, true], [3, false]]);
    assert.deepEqual(pages.flatMap((page) => page.entries), whole);
    await assert.rejects(story.custom("history", { limit: 0 }), /"limit" must be a positive whole number/);
  });

  it("puts each subgraph run in the page of the checkpoint it ran from", async () => {
    await story.start("launch", { program: REPORT, input: { topic: "tides" } });
    await story.next("terminated");
    const whole = (await story.custom<HistoryBody>("history", { subgraphs: true })).entries;
    const pages = await allPages(2, true);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    for (const page of pages) {
      const roots = new Set(page.entries.filter((entry) => !entry.checkpointNs).map((entry) => entry.checkpointId));
      const inner = page.entries.filter((entry) => entry.checkpointNs);
      assert.ok(inner.every((entry) => roots.has(entry.parents![""])), "every inner checkpoint ran under one of the page's");
    }
    const paged = pages.flatMap((page) => page.entries.map((entry) => entry.checkpointId)).sort();
    assert.deepEqual(paged, whole.map((entry) => entry.checkpointId).sort());
    assert.ok(whole.some((entry) => entry.checkpointNs), "the report has subgraph runs");
  });
});

describe("Reverse Continue on a long history", () => {
  /** A 450-step loop of `tick` (step 300 pauses before `review`) as a history source, counting the pages read. */
  function longLoop(): HistorySource & { pages: number } {
    const id = (step: number) => `c${String(step + 2).padStart(4, "0")}`;
    const entries: HistoryEntry[] = [];
    for (let step = -1; step < 450; step++) {
      entries.unshift({ checkpointId: id(step), ...(step > -1 ? { parentId: id(step - 1) } : {}), step, source: step < 0 ? "input" : "loop", writtenBy: step < 1 ? ["__start__"] : ["tick"], next: [step === 300 ? "review" : "tick"], createdAt: "" });
    }
    const source = {
      pages: 0,
      async history(_ns: string, page?: { limit: number; before?: string }) {
        source.pages += 1;
        if (!page) return entries;
        return entries.filter((entry) => !page.before || entry.checkpointId < page.before).slice(0, page.limit);
      },
      read: async () => {
        throw new Error("not needed without subgraphs");
      },
    };
    return source;
  }

  const level = (checkpointId: string) => ({ checkpointNs: "", path: [], snapshot: { checkpointId } as SnapshotView });

  it("reads back only as many pages as the walk needs", async () => {
    const source = longLoop();
    const target = await breakpointBefore(source, level("c0451"), { before: ["review"], after: [] });
    assert.deepEqual(target, { checkpointId: "c0302", checkpointNs: "" }, "the checkpoint before review (step 300)");
    assert.equal(source.pages, 2, "pages of 100 from step 449 down to step 300");
  });

  it("without a breakpoint it reaches the first checkpoint through every page", async () => {
    const source = longLoop();
    assert.deepEqual(await breakpointBefore(source, level("c0451"), { before: [], after: [] }), { checkpointId: "c0001", checkpointNs: "" });
    assert.equal(source.pages, 5);
  });
});
