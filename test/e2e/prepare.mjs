// Everything the end-to-end suite needs before mocha starts, each step said out loud: code-server
// 4.100.3 with the Debian packages it needs (Chromium, libkrb5-dev, ripgrep), installed once into
// ~/.cache/langgraph-debugger by scripts/code-server.mjs, and the extension-host test suite built
// into out/test/suite/. The extension itself is built by `scripts/setup.mjs build` just before.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCodeServer } from "../../scripts/code-server.mjs";
import { buildSuite } from "./build-suite.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const started = Date.now();
const entry = ensureCodeServer();
console.log(`e2e: code-server ready (${entry}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (existsSync(join(root, "test", "suite", "index.ts"))) console.log(`e2e: extension-host suite built into ${await buildSuite()}`);
else console.log("e2e: test/suite/index.ts is missing; the extension-host suite test will fail and say so");
