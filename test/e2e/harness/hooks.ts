/**
 * Mocha root hooks of the end-to-end suite: whatever happened, every code-server, browser and
 * workspace copy the stories started is ended when the suite ends (also on Ctrl-C).
 */
import { ARTIFACTS, stopAll } from "./run";
import { writeTimings } from "./timings";

export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await stopAll();
    writeTimings(ARTIFACTS);
  },
};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}
