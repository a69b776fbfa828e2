/**
 * Errors as the adapter shows them: name, message and stack of what a node threw, the node's name,
 * and the first stack frame in the user's own code (under source maps, a TypeScript line), which
 * is where the Call Stack takes the user when they click the failed task.
 */
import type { SourceLocation } from "../protocol/debug";
import type { ErrorView, RunnerFailure } from "../protocol/runner";

const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?\s*$/;

export function errorView(error: unknown, node?: string): ErrorView {
  const known = error instanceof Error ? error : new Error(String(error));
  const location = userFrame(known.stack);
  return {
    name: known.name,
    message: known.message,
    ...(known.stack ? { stack: known.stack } : {}),
    ...(node ? { node } : {}),
    ...(location ? { location } : {}),
  };
}

export function failure(error: unknown): RunnerFailure {
  const known = error instanceof Error ? error : new Error(String(error));
  return { name: known.name, message: known.message, ...(known.stack ? { stack: known.stack } : {}) };
}

/** The first frame outside Node's internals, `node_modules` and our engine. */
export function userFrame(stack: string | undefined): SourceLocation | undefined {
  for (const line of (stack ?? "").split("\n")) {
    if (!line.trimStart().startsWith("at ")) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    let file = match[1];
    if (file.startsWith("file://")) file = decodeURIComponent(new URL(file).pathname);
    if (file.startsWith("node:") || !file.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(file)) continue;
    if (/[\\/]node_modules[\\/]/.test(file) || /[\\/]src[\\/]runtime[\\/]/.test(file) || /[\\/]runtime\.js$/.test(file)) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
