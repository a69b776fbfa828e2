/**
 * The Checkpoints view's paging of a thread: a long thread opens on its newest page, "Load more"
 * adds older pages until none is left, and the tree joins them into one line. A refresh after more
 * steps keeps the older pages when the new page reaches them, and starts over when so many steps
 * ran that a gap would open. An answer asked for one checkpoint more than a page tells whether
 * older ones remain.
 */
import { strict as assert } from "node:assert";
import type { HistoryEntry } from "../../src/protocol/debug";
import { type HistoryPage, trimPage } from "../../src/protocol/history";
import { FileSaver } from "../../src/runtime/checkpoint/file";
import { checkpointTree } from "../../src/extension/checkpointTree";
import { ThreadPages, oldestStep, storePages, type PageSource } from "../../src/extension/threadPages";
import { putChatSteps, removeDir, tempDir } from "../runtime/checkpoint/helpers";

function entry(step: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  const id = (s: number) => `c${String(s + 2).padStart(4, "0")}`;
  return { checkpointId: id(step), ...(step > -1 ? { parentId: id(step - 1) } : {}), step, source: "loop", writtenBy: ["chat"], next: [], createdAt: String(step + 2).padStart(5, "0"), ...extra };
}

/** A thread of `steps` steps served in pages of `size`, newest first; `steps` can grow. */
function fakeThread(size: number) {
  const thread = { steps: 0, reads: 0 };
  const source: PageSource = {
    key: "fake",
    threadId: "fake",
    read: async (before) => {
      thread.reads += 1;
      const all = Array.from({ length: thread.steps + 1 }, (_, i) => entry(thread.steps - 1 - i));
      const older = all.filter((e) => !before || e.checkpointId < before);
      return { entries: older.slice(0, size), more: older.length > size } satisfies HistoryPage;
    },
  };
  return { thread, source };
}

describe("the Checkpoints view's pages of a thread", function () {
  this.timeout(30_000);

  it("opens a long stored thread on its newest page and loads older pages until none is left", async () => {
    const directory = tempDir();
    try {
      const saver = new FileSaver(directory, { fsync: false });
      await putChatSteps(saver, "chat", 450);
      await saver.close();
      const pages = new ThreadPages();
      const source = storePages(directory, "chat");
      const first = await pages.newest(source);
      assert.deepEqual([first.entries.length, first.more, oldestStep(first)], [200, true, 250]);
      assert.equal(checkpointTree(first.entries, { showNext: false })[0].label, "449 chat");

      const second = (await pages.older(source))!;
      const third = (await pages.older(source))!;
      assert.deepEqual([second.entries.length, third.entries.length, third.more], [400, 450, false]);
      assert.equal(await pages.older(source), undefined, "nothing older is left");
      const tree = checkpointTree(third.entries, { showNext: false });
      assert.deepEqual([tree.length, tree[tree.length - 1].label], [450, "0 chat"], "one line from the newest to the first step");
    } finally {
      removeDir(directory);
    }
  });

  it("a refresh keeps the older pages it reaches, and starts over past a gap", async () => {
    const { thread, source } = fakeThread(10);
    const pages = new ThreadPages();
    thread.steps = 30;
    await pages.newest(source);
    const loaded = (await pages.older(source))!;
    assert.equal(loaded.entries.length, 20);

    thread.steps = 35; // five steps ran: the new page overlaps the pages read
    const refreshed = await pages.newest(source);
    assert.deepEqual([refreshed.entries.length, oldestStep(refreshed), refreshed.more], [25, 10, true]);

    thread.steps = 60; // too many to overlap: the page stands alone, no hole in the line
    const restarted = await pages.newest(source);
    assert.deepEqual([restarted.entries.length, oldestStep(restarted), restarted.more], [10, 50, true]);
  });

  it("trims an answer of one more than a page to the page, and its subgraph runs with it", () => {
    const root = [entry(3), entry(2), entry(1)];
    const inner = [entry(0, { checkpointId: "s1", checkpointNs: "research:t", parents: { "": root[2].checkpointId } }), entry(0, { checkpointId: "s2", checkpointNs: "research:t", parents: { "": root[0].checkpointId } })];
    const page = trimPage([...root, ...inner], "", 2);
    assert.deepEqual([page.entries.map((e) => e.checkpointId), page.more], [["c0005", "c0004", "s2"], true]);
    assert.deepEqual(trimPage(root, "", 3), { entries: root, more: false });
  });
});
