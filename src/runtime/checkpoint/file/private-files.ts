/**
 * How FileSaver creates what it stores: folders 0700 and files 0600 (before the umask), so the
 * checkpoints of a thread (prompts, tool results, anything a graph keeps in its state) are readable
 * by their owner only, as other tools keep private data under a home folder. `PrivateJsonFile` is
 * the registry's lowdb adapter: lowdb's own JSON file adapter writes its files with the default
 * 0644 and takes no mode.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates `folder` and any missing parents, each readable by this user only. */
export function makePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
}

/** A lowdb sync adapter for one JSON document, written whole to a private temporary file and renamed over the old one. */
export class PrivateJsonFile<T> {
  private readonly temporary: string;

  constructor(private readonly file: string) {
    this.temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  read(): T | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): void {
    // A temporary file left by a crash keeps whatever mode it had: start from a new one.
    fs.rmSync(this.temporary, { force: true });
    fs.writeFileSync(this.temporary, JSON.stringify(data, null, 2), { mode: FILE_MODE });
    fs.renameSync(this.temporary, this.file);
  }
}
