/**
 * The text editor as a person uses it: reveal a line with Go to Line (Ctrl+G) and click the gutter
 * (the glyph margin) beside it to toggle a breakpoint, then read back the breakpoint glyphs VS Code
 * draws there. Positions come from the line-number element of the line, so nothing depends on
 * font sizes or scroll offsets.
 */
import type { Locator, Page } from "playwright-core";

// The text editor of the editor area (the graph panel beside it is a webview, not a .monaco-editor).
const EDITOR = ".editor-group-container .monaco-editor";

/** 1-based line of the first line of `text` that matches `pattern`. */
export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split("\n").findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

/** The line of `.addNode("name"` in code (not in a comment). */
export function addNodeLine(text: string, node: string): number {
  return lineOf(text, new RegExp(`^\\s*\\.addNode\\(\\s*["']${node}["']`));
}

export async function goToLine(page: Page, line: number): Promise<void> {
  // Ctrl+1 focuses the first editor group, where the text editor is (the panel opens beside it).
  // A click would do too, but Playwright scrolls a clicked element into view, which scrolls Monaco.
  await page.keyboard.press("Control+1");
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor();
  await input.fill(`:${line}`);
  await page.keyboard.press("Enter");
  await lineNumber(page, line).waitFor();
}

function lineNumber(page: Page, line: number): Locator {
  return page.locator(`${EDITOR} .margin-view-overlays .line-numbers`).filter({ hasText: new RegExp(`^${line}$`) }).first();
}

/**
 * Clicks the gutter left of `line`'s number, where VS Code toggles a breakpoint. In a graph file
 * the "Break before | Break after" lenses arrive a moment after the file opens and push the lines
 * down, so the click waits for them and for the line to stop moving.
 */
export async function clickGutter(page: Page, line: number): Promise<void> {
  await page.locator(`${EDITOR} .codelens-decoration`).first().waitFor({ state: "attached", timeout: 10_000 }).catch(() => undefined);
  await goToLine(page, line);
  const number = await settledBox(lineNumber(page, line));
  const glyphs = await page.locator(`${EDITOR} .glyph-margin`).first().boundingBox();
  if (!glyphs) throw new Error("the glyph margin is not on screen");
  const x = glyphs.x + glyphs.width / 2;
  const y = number.y + number.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/** The element's box once it has stayed put for three looks in a row, 150 ms apart. */
async function settledBox(element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await element.boundingBox();
  for (let still = 0, looks = 0; still < 2 && looks < 40; looks++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await element.boundingBox();
    still = now && last && now.y === last.y ? still + 1 : 0;
    last = now;
  }
  if (!last) throw new Error("the line is not on screen");
  return last;
}

/** The 1-based lines that show a breakpoint glyph in the active editor. */
export async function breakpointGlyphLines(page: Page): Promise<number[]> {
  return page.evaluate((editorSelector) => {
    const editor = document.querySelector(editorSelector);
    if (!editor) return [];
    const numbers = Array.from(editor.querySelectorAll<HTMLElement>(".margin-view-overlays .line-numbers"));
    const glyphs = Array.from(editor.querySelectorAll<HTMLElement>(".codicon-debug-breakpoint, .codicon-debug-breakpoint-unverified, .codicon-debug-breakpoint-stackframe, .codicon-debug-stackframe"));
    const lines = new Set<number>();
    for (const glyph of glyphs) {
      if (!glyph.className.includes("debug-breakpoint")) continue;
      const top = glyph.getBoundingClientRect().top + glyph.getBoundingClientRect().height / 2;
      const owner = numbers.find((number) => {
        const box = number.getBoundingClientRect();
        return top >= box.top && top <= box.bottom;
      });
      if (owner) lines.add(Number(owner.textContent));
    }
    return [...lines].sort((a, b) => a - b);
  }, EDITOR);
}

/** The line of the editor that VS Code marks as the current stop (the yellow arrow), if any. */
export async function stoppedLine(page: Page): Promise<number | undefined> {
  return page.evaluate((editorSelector) => {
    const editor = document.querySelector(editorSelector);
    const marker = editor?.querySelector<HTMLElement>(".codicon-debug-stackframe, .codicon-debug-breakpoint-stackframe");
    if (!editor || !marker) return undefined;
    const mid = marker.getBoundingClientRect().top + marker.getBoundingClientRect().height / 2;
    const owner = Array.from(editor.querySelectorAll<HTMLElement>(".margin-view-overlays .line-numbers")).find((number) => {
      const box = number.getBoundingClientRect();
      return mid >= box.top && mid <= box.bottom;
    });
    return owner ? Number(owner.textContent) : undefined;
  }, EDITOR);
}
