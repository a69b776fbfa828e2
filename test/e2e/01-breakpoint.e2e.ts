/**
 * End-to-end story 1 in a real VS Code (code-server in Chromium), with the extension loaded from
 * this folder: a gutter breakpoint on an `addNode` line, F5, and the paused run seen in the debug
 * toolbar, the Call Stack, the Variables view and the graph panel. The script itself is in
 * stories/breakpointStory.ts, shared with the installed-.vsix test.
 */
import { playStory } from "./harness/between";
import { sharedEditor } from "./harness/run";
import { recordMeasure } from "./harness/timings";
import { breakpointStory } from "./stories/breakpointStory";

describe("e2e 1: a gutter breakpoint on an addNode line, then F5", function () {
  it("pauses before the node: toolbar, Call Stack, Variables and the panel's next node agree; Stop ends the runner", async function () {
    this.timeout(180_000);
    const session = await sharedEditor();
    await playStory(session.workbench, "1-gutter-breakpoint", async () => {
      const result = await breakpointStory(session);
      recordMeasure("story 1: F5 to paused, from source (ms)", result.f5ToPausedMs);
    });
  });
});
