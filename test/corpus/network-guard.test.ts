/**
 * The network guard refuses every way out of the machine at once, with a clear error, and lets
 * loopback through. The probe child puts recording stubs under the guard, so this test can never
 * send traffic itself, whatever the guard does.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { NETWORK_GUARD } from "./services";

interface Attempt {
  code?: string;
  status?: number;
  message: string;
}

function probe(): { attempts: Record<string, Attempt>; reached: string[]; stderr: string } {
  const child = spawnSync(process.execPath, [path.join(__dirname, "guard-probe.cjs"), NETWORK_GUARD], { encoding: "utf8" });
  return { ...JSON.parse(child.stdout), stderr: child.stderr };
}

describe("network guard", () => {
  const { attempts, reached, stderr } = probe();

  it("refuses sockets, fetch and DNS for outside names and addresses, saying why", () => {
    for (const name of ["httpToAddress", "netToName", "fetchToName", "lookupOfName"]) {
      assert.equal(attempts[name].code, "ENETWORKGUARD", `${name}: ${attempts[name].message}`);
      assert.match(attempts[name].message, /network guard: refused an outgoing connection to .*only reach 127\.0\.0\.1/);
    }
  });

  it("says on stderr which host it blocked, once per host", () => {
    assert.deepEqual(stderr.trim().split("\n"), [
      "[network-guard] blocked 192.0.2.10:80",
      "[network-guard] blocked example.invalid:443",
      "[network-guard] blocked example.invalid",
    ]);
  });

  it("gives fetch refusals status 403, so retrying clients stop at once", () => {
    assert.equal(attempts.fetchToName.status, 403);
  });

  it("lets loopback through, and nothing else", () => {
    assert.deepEqual(reached, ["connect 127.0.0.1"]);
    assert.match(attempts.httpToLoopback.message, /stub: no real connection/);
  });
});
