/**
 * One saver suite, two savers: MemorySaver and FileSaver (on a fresh directory, and reopened on
 * it to check that what a new process would read is what the writer has in memory), the latter in
 * its default mode and with an fsync before every put returns.
 */
import { MemorySaver } from "../../../src/runtime/checkpoint/memory";
import { FileSaver, FileSaverOptions } from "../../../src/runtime/checkpoint/file";
import { describeSaverContract } from "./saver-contract";
import { removeDir, tempDir } from "./helpers";

describeSaverContract("MemorySaver", () => ({ saver: new MemorySaver(), cleanup: async () => undefined }));

function fileSaver(options: FileSaverOptions = {}) {
  const directory = tempDir();
  const saver = new FileSaver(directory, options);
  const reopened: FileSaver[] = [];
  return {
    saver,
    reopen: () => {
      const fresh = new FileSaver(directory);
      reopened.push(fresh);
      return fresh;
    },
    cleanup: async () => {
      await Promise.all([saver, ...reopened].map((s) => s.close()));
      removeDir(directory);
    },
  };
}

describeSaverContract("FileSaver", () => fileSaver());
describeSaverContract("FileSaver, fsync always", () => fileSaver({ fsync: "always" }));
