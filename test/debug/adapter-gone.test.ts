/**
 * Stories of an adapter that dies without a word (SIGKILL: no disconnect, no shutdown request):
 * its runner ends itself within two seconds, even while a node spins in a loop that never gives
 * the runner's main thread back.
 */
import { strict as assert } from "node:assert";
import type { ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import type { GraphStateEvent } from "../../src/protocol/debug";
import { FIXTURES, Story, processAlive, until } from "./helpers/story";

const HANGS = path.join(FIXTURES, "hangs.ts");

/** The adapter's own process: DebugClient keeps it private, and only a test needs to kill it. */
function adapterProcess(story: Story): ChildProcess {
  const adapter = (story.dc as unknown as { _adapterProcess?: ChildProcess })._adapterProcess;
  assert.ok(adapter?.pid, "the story runs the adapter as a child process");
  return adapter;
}

/**
 * Whether the process has ended: `kill(pid, 0)` fails, or it is a zombie. An orphan's exit is
 * collected by init, but where init does not collect (some containers) the dead runner stays a
 * zombie, which `kill(pid, 0)` still finds.
 */
function ended(pid: number): boolean {
  if (!processAlive(pid)) return true;
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").startsWith("Z");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

describe("debug adapter: a runner outlives no adapter", function () {
  this.timeout(60_000);
  let story: Story;
  let adapterKilled = false;
  beforeEach(async () => {
    story = await Story.open();
    adapterKilled = false;
  });
  afterEach(async () => {
    // A dead adapter answers no disconnect: only its checkpoint folder is left to remove.
    if (adapterKilled) rmSync(story.checkpointDir, { recursive: true, force: true });
    else await story.close();
  });

  async function untilRunning(node: string): Promise<void> {
    let state: GraphStateEvent;
    do state = (await story.next("graphState")).body as GraphStateEvent;
    while (!state.running.includes(node));
  }

  for (const graph of ["spinning", "waiting"]) {
    it(`ends the runner within 2 s of the adapter's SIGKILL while a node is ${graph}`, async () => {
      await story.start("launch", { program: HANGS, graph });
      await untilRunning(graph === "spinning" ? "spin" : "wait");
      const [runner] = story.runnerPids;
      const adapter = adapterProcess(story);
      const killed = Date.now();
      adapter.kill("SIGKILL");
      adapterKilled = true;
      assert.ok(await until(() => ended(runner), 2000), "the runner is gone");
      assert.ok(Date.now() - killed < 2000, `gone after ${Date.now() - killed} ms`);
    });
  }
});
