/**
 * How many lines an `addNode(...)` call spans, read off the source text: from the call site the
 * engine recorded (the `addNode` name) to the parenthesis that closes its arguments. A breakpoint
 * set anywhere inside the call (say, inside an inline node function) then moves to the call's
 * first line. The scan knows strings, template literals, comments and nesting; a regular
 * expression literal with an unbalanced parenthesis inside the call can fool it (the breakpoint
 * then lands on a wrong line of that call's neighbourhood, never outside the file).
 */

export interface LineSpan {
  first: number;
  last: number;
}

/** The lines of the call whose callee name starts at `line`:`column` (both 1-based). */
export function callSpan(text: string, line: number, column: number): LineSpan {
  const start = offsetOf(text, line, column);
  const open = text.indexOf("(", start);
  if (start < 0 || open < 0) return { first: line, last: line };
  const close = matchingParen(text, open);
  return { first: line, last: close < 0 ? line : lineAt(text, close) };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    offset = text.indexOf("\n", offset) + 1;
    if (offset === 0) return -1;
  }
  return offset + column - 1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line++;
  return line;
}

/** The offset of the `)` that closes the `(` at `open`, or -1 when the text ends first. */
export function matchingParen(text: string, open: number): number {
  const closers: string[] = [];
  let index = open;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === "/" && next === "/") index = endOfLine(text, index);
    else if (char === "/" && next === "*") index = endOf(text, "*/", index + 2);
    else if (char === '"' || char === "'") index = endOfQuoted(text, index, char);
    else if (char === "`") index = endOfTemplate(text, index, closers);
    else if (char === "(" || char === "[" || char === "{") closers.push(char === "(" ? ")" : char === "[" ? "]" : "}");
    else if (char === "}" && closers.length > 0 && closers[closers.length - 1] === "`") {
      closers.pop(); // the end of a `${...}` inside a template: the template goes on
      index = endOfTemplate(text, index, closers);
    } else if (char === ")" || char === "]" || char === "}") {
      closers.pop();
      if (closers.length === 0) return char === ")" ? index : -1;
    }
    index++;
  }
  return -1;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

function endOf(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length - 1;
}

function endOfQuoted(text: string, from: number, quote: string): number {
  for (let index = from + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === quote || text[index] === "\n") return index;
  }
  return text.length;
}

/** Skips template text up to its closing backtick, or into a `${`, whose `}` is marked by "`". */
function endOfTemplate(text: string, from: number, closers: string[]): number {
  for (let index = from + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === "`") return index;
    else if (text[index] === "$" && text[index + 1] === "{") {
      closers.push("`");
      return index + 1;
    }
  }
  return text.length;
}
