/**
 * Where JSON text stops being valid. `JSON.parse` only sometimes says (V8's messages carry a
 * position for some errors and a quoted snippet for others), and an error report must name the
 * byte, so this small validating scanner finds the first offending character. It runs only after
 * `JSON.parse` has failed, so its speed does not matter.
 */

/** The UTF-8 byte offset in `text` of the first character that makes it invalid JSON. */
export function jsonErrorByte(text: string): number {
  const scanner = new Scanner(text);
  let at: number;
  try {
    scanner.document();
    at = scanner.pos; // valid up to here: anything after is the error (or nothing is wrong)
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    at = stop.at;
  }
  return Buffer.byteLength(text.slice(0, at));
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Stop {
  constructor(readonly at: number) {}
}

/**
 * Reads one JSON value and the space after it. It keeps the brackets still open in a list rather
 * than recursing, so text nested 100,000 levels deep (which JSON.parse reads) cannot exhaust the
 * call stack here and turn the report into a RangeError.
 */
class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    const open: string[] = []; // the closing bracket of each container still open, innermost last
    for (;;) {
      this.space();
      const c = this.text[this.pos];
      if (c === "{" || c === "[") {
        this.pos++;
        const close = c === "{" ? "}" : "]";
        this.space();
        if (this.text[this.pos] !== close) {
          open.push(close);
          if (close === "}") this.key();
          continue; // the container's first value
        }
        this.pos++; // an empty container is a whole value
      } else this.scalar();
      if (!this.afterValue(open)) break;
    }
    this.space();
  }

  /** After a whole value: closes what it ends; true if another value follows (after a comma). */
  private afterValue(open: string[]): boolean {
    for (;;) {
      if (open.length === 0) return false;
      this.space();
      const close = open[open.length - 1];
      if (this.text[this.pos] === close) {
        this.pos++;
        open.pop();
        continue;
      }
      this.expect(",");
      if (close === "}") this.key();
      return true;
    }
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? "")) this.pos++;
  }

  private key(): void {
    this.string();
    this.expect(":");
  }

  private scalar(): void {
    if (this.text[this.pos] === '"') return this.string();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (!number) throw new Stop(this.pos);
    this.pos += number[0].length;
  }

  private string(): void {
    this.space();
    if (this.text[this.pos] !== '"') throw new Stop(this.pos);
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c < " ") throw new Stop(this.pos);
      if (c === "\\") {
        ESCAPE.lastIndex = this.pos;
        const escape = ESCAPE.exec(this.text);
        if (!escape) throw new Stop(this.pos);
        this.pos += escape[0].length - 1;
      }
    }
    throw new Stop(this.pos);
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.pos] !== char) throw new Stop(this.pos);
    this.pos++;
  }
}
