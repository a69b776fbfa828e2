/**
 * The runner serves only the methods it declares: a name every JavaScript object inherits
 * (`constructor`, `toString`, `__proto__`) is an unknown method, never a call into Object's own.
 */
import { strict as assert } from "node:assert";
import * as os from "node:os";
import { RunnerUnderTest, startRunner } from "./helpers";

describe("runner: method names", function () {
  this.timeout(30_000);
  let under: RunnerUnderTest;
  beforeEach(() => (under = startRunner(os.tmpdir())));
  afterEach(async () => under.runner.stop());

  it("refuses methods that every object inherits, as unknown", async () => {
    const request = under.runner.request.bind(under.runner) as unknown as (method: string, params: unknown) => Promise<unknown>;
    for (const method of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      await assert.rejects(request(method, {}), new RegExp(`Unknown runner method "${method}"`));
    }
    await assert.rejects(request("graph", {}), /No graph is loaded yet/, "a declared method is still served");
  });
});
