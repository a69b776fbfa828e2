/**
 * Finds the `.addNode("name", ...)` calls in a TypeScript or JavaScript file's text, for the
 * CodeLens ("Break before / Break after") and for matching gutter breakpoints to nodes. It reads
 * the text with a small scanner that skips comments and strings, so an `addNode(` inside a comment
 * or a string is not taken for a call, and it measures each call up to its closing parenthesis so
 * a breakpoint set anywhere inside a multi-line call belongs to that node (the adapter moves such a
 * breakpoint to the call's first line too). Only calls whose first argument is a string literal
 * name a node here; `addNode({ a, b })` forms are left to the adapter, which knows every node.
 * No VS Code import: lines are 0-based like VS Code positions.
 */

export interface AddNodeCall {
  /** The node's name, the string literal given to `addNode`. */
  name: string;
  /** 0-based line of the `addNode` identifier. */
  line: number;
  /** 0-based column of the `addNode` identifier. */
  character: number;
  /** 0-based line of the call's closing parenthesis (the same as `line` for a one-line call). */
  lastLine: number;
}

/** Every `.addNode("name", ...)` call in `text`, in source order. */
export function findAddNodeCalls(text: string): AddNodeCall[] {
  const calls: AddNodeCall[] = [];
  const lines = lineStarts(text);
  let i = 0;
  while (i < text.length) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (startsIdentifier(text, i, "addNode") && precededByDot(text, i)) {
      const call = readCall(text, i + "addNode".length);
      if (call) calls.push({ name: call.name, ...position(lines, i), lastLine: position(lines, call.end).line });
    }
    i++;
  }
  return calls;
}

/** The call whose lines contain `line` (0-based): the innermost when calls nest. */
export function callAtLine(calls: readonly AddNodeCall[], line: number): AddNodeCall | undefined {
  return calls.filter((call) => call.line <= line && line <= call.lastLine).sort((a, b) => b.line - a.line)[0];
}

/** After `addNode`: optional space, `(`, optional space, a string literal; then the call's end. */
function readCall(text: string, from: number): { name: string; end: number } | undefined {
  let i = skipSpace(text, from);
  if (text[i] !== "(") return undefined;
  const open = i;
  i = skipSpace(text, i + 1);
  const name = readStringLiteral(text, i);
  if (name === undefined) return undefined;
  return { name, end: closingParen(text, open) };
}

function readStringLiteral(text: string, i: number): string | undefined {
  const quote = text[i];
  if (quote !== '"' && quote !== "'" && quote !== "`") return undefined;
  const end = stringEnd(text, i);
  const body = text.slice(i + 1, end - 1);
  if (quote === "`" && body.includes("${")) return undefined; // a computed name is not a literal
  return body.replace(/\\(.)/g, "$1");
}

/** The index of the `)` matching the `(` at `open` (or the end of the text when unbalanced). */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
    i++;
  }
  return text.length - 1;
}

/** When `i` starts a comment or a string, the index just past it; else `i`. */
function skipNonCode(text: string, i: number): number {
  const c = text[i];
  if (c === "/" && text[i + 1] === "/") {
    const end = text.indexOf("\n", i);
    return end < 0 ? text.length : end;
  }
  if (c === "/" && text[i + 1] === "*") {
    const end = text.indexOf("*/", i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '"' || c === "'" || c === "`") return stringEnd(text, i);
  return i;
}

/** Just past the string starting at `i` (escapes honoured; a template's `${}` is not parsed). */
function stringEnd(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    if (text[j] === "\\") j++;
    else if (text[j] === "\n" && quote !== "`") break; // an unterminated string ends at the line
    j++;
  }
  return Math.min(j + 1, text.length);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i && text[i] === "/") i = skipped; // comments count as space; strings do not
    else if (/\s/.test(text[i])) i++;
    else break;
  }
  return i;
}

function startsIdentifier(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i) && !isIdentifierChar(text[i - 1]) && !isIdentifierChar(text[i + word.length]);
}

function precededByDot(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /\s/.test(text[j])) j--;
  return text[j] === "."; // also covers `?.addNode`
}

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}
