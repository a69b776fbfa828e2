/**
 * Where the user called a builder method, read off the stack. Under `--enable-source-maps` the stack
 * names the TypeScript file and line, which is what a gutter breakpoint is set on. Reading the
 * formatted stack (not V8's structured call sites) is what lets source maps apply.
 */

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

const FRAME = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?\s*$/;

/** The location of the code that called `method` (the frames of `method` itself are skipped). */
export function callerLocation(method: Function): SourceLocation | undefined {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, method);
  const firstFrame = holder.stack?.split("\n").find((line) => line.trimStart().startsWith("at "));
  return firstFrame ? parseFrame(firstFrame) : undefined;
}

export function parseFrame(frame: string): SourceLocation | undefined {
  const match = FRAME.exec(frame);
  if (!match) return undefined;
  let file = match[1];
  if (file.startsWith("file://")) file = decodeURIComponent(new URL(file).pathname);
  return { file, line: Number(match[2]), column: Number(match[3]) };
}
