/**
 * LangGraph's own checkpointer conformance suite (`@langchain/langgraph-checkpoint-validation`)
 * run against FileSaver, each checkpointer on a fresh directory. Run with `npm run
 * test:validation` (vitest with globals; the package's CLI is broken in 1.1.1). The name is not
 * "MemorySaver", so no test is skipped on our account: the suite only skips the delta-storage test
 * for savers that store every channel.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validate } from "@langchain/langgraph-checkpoint-validation";
import { FileSaver } from "../../src/runtime/checkpoint/file";
import { LangGraphFileSaver } from "./langgraph-adapter";

const directories: string[] = [];

validate<LangGraphFileSaver>({
  checkpointerName: "FileSaver",
  createCheckpointer() {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "filesaver-validation-"));
    directories.push(directory);
    return new LangGraphFileSaver(new FileSaver(directory));
  },
  async destroyCheckpointer(checkpointer) {
    await checkpointer.inner.close();
    fs.rmSync(checkpointer.inner.directory, { recursive: true, force: true });
  },
  afterAll() {
    for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
  },
});
