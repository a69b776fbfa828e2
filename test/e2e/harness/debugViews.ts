/**
 * VS Code's debugging surface, read and clicked the way a person does: the floating debug toolbar
 * (Continue, Pause, Stop...), the Call Stack, Variables and Breakpoints views of Run and Debug,
 * and the extension's "LangGraph Checkpoints" view. Rows are found by their accessible labels,
 * which VS Code builds from what the debug adapter sent, so a check here is a check of the adapter
 * through the real UI.
 */
import type { Locator, Page } from "playwright-core";

export type ToolbarAction = "Continue" | "Pause" | "Step Over" | "Step Into" | "Step Out" | "Step Back" | "Reverse" | "Restart" | "Stop" | "Disconnect";

export function toolbar(page: Page): Locator {
  return page.locator(".debug-toolbar");
}

export function toolbarButton(page: Page, action: ToolbarAction): Locator {
  return page.locator(`.debug-toolbar .action-label[aria-label^="${action}"]`).first();
}

export async function clickToolbar(page: Page, action: ToolbarAction): Promise<void> {
  await toolbarButton(page, action).click();
}

/** Waits until the run is paused: the toolbar offers Continue. */
export async function waitPaused(page: Page, timeoutMs = 30_000): Promise<void> {
  await toolbarButton(page, "Continue").waitFor({ state: "visible", timeout: timeoutMs });
}

/** Waits until the run goes on: the toolbar offers Pause. */
export async function waitRunning(page: Page, timeoutMs = 15_000): Promise<void> {
  await toolbarButton(page, "Pause").waitFor({ state: "visible", timeout: timeoutMs });
}

/** Waits until no debug session is left: the toolbar is gone. */
export async function waitSessionEnded(page: Page, timeoutMs = 30_000): Promise<void> {
  await toolbar(page).waitFor({ state: "hidden", timeout: timeoutMs });
}

/** Opens the Run and Debug side bar (Ctrl+Shift+D) when another view is showing. */
export async function showRunAndDebug(page: Page): Promise<void> {
  if (await page.locator(".debug-variables").isVisible()) return;
  await page.keyboard.press("Control+Shift+D");
  await page.locator(".debug-variables, .debug-call-stack").first().waitFor();
}

/**
 * The rows' accessible labels, read in one go: a list redraws after each stop or frame selection,
 * and a row counted a moment before may be gone when read (a Call Stack going from two frames to one).
 */
async function labels(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("aria-label") ?? (row as HTMLElement).innerText));
}

/** The Call Stack's rows, as their accessible labels ("Stack Frame tools, line 74, tool-call-review.ts"). */
export function callStackRows(page: Page): Locator {
  return page.locator(".debug-call-stack .monaco-list-row");
}

export async function callStack(page: Page): Promise<string[]> {
  return labels(callStackRows(page));
}

/** Waits for a Call Stack frame of `node` (its label may go on, as in "review (waiting in interrupt())"). */
export async function waitFrame(page: Page, node: string, timeoutMs = 20_000): Promise<string> {
  const frame = new RegExp(`^Stack Frame ${node}\\b`);
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await callStack(page);
    const found = seen.find((label) => frame.test(label));
    if (found) return found;
    await page.waitForTimeout(200);
  }
  throw new Error(`no Call Stack frame for ${node} within ${timeoutMs} ms; the Call Stack shows ${JSON.stringify(seen)}`);
}

/** The Variables view's rows, as their accessible labels ("queries, value Array(3)", "State"). */
export async function variables(page: Page): Promise<string[]> {
  return labels(page.locator(".debug-variables .monaco-list-row"));
}

/** The Variables view's rows, polled until `check` holds (the view refreshes when a frame is selected). */
export async function waitVariables(page: Page, check: (rows: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    rows = await variables(page);
    if (check(rows)) return rows;
    await page.waitForTimeout(200);
  }
  throw new Error(`the Variables view never matched within ${timeoutMs} ms; it shows ${JSON.stringify(rows)}`);
}

/** Waits for a variable row whose label starts with `name, value`. */
export async function waitVariable(page: Page, name: string, timeoutMs = 15_000): Promise<string> {
  const row = page.locator(`.debug-variables .monaco-list-row[aria-label^="${name}, value"]`).first();
  await row.waitFor({ timeout: timeoutMs });
  return (await row.getAttribute("aria-label")) ?? "";
}

/** A view pane of the Run and Debug side bar, by its title, opened or folded as asked. */
export async function setPane(page: Page, title: RegExp, expanded: boolean): Promise<Locator> {
  const pane = page.locator(".pane").filter({ has: page.locator(".pane-header", { hasText: title }) }).first();
  const header = pane.locator(".pane-header").first();
  await header.waitFor();
  if (((await header.getAttribute("aria-expanded")) === "true") !== expanded) await header.click();
  return pane;
}

/** The Breakpoints view's rows ("tool-call-review.ts 74, /path/...", "interrupt() calls"). */
export async function breakpointsView(page: Page): Promise<string[]> {
  await setPane(page, /^\s*Breakpoints/i, true);
  return labels(page.locator(".debug-breakpoints .monaco-list-row"));
}

/**
 * The "LangGraph Checkpoints" view's rows, polled until `check` holds (the view refreshes after
 * each stop). Watch and Breakpoints are folded first so the view has room to draw its rows.
 */
export async function checkpointRows(page: Page, check: (rows: string[]) => boolean = (rows) => rows.length > 0, timeoutMs = 15_000): Promise<string[]> {
  await setPane(page, /^\s*Watch/i, false);
  await setPane(page, /^\s*Breakpoints/i, false);
  const pane = await setPane(page, /LangGraph Checkpoints/i, true);
  const deadline = Date.now() + timeoutMs;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    rows = await labels(pane.locator(".monaco-list-row"));
    if (check(rows)) break;
    await page.waitForTimeout(250);
  }
  return rows;
}

/** Opens (by its twistie, without selecting it) the Checkpoints view row whose label matches. */
export async function expandCheckpointRow(page: Page, label: RegExp): Promise<void> {
  const pane = await setPane(page, /LangGraph Checkpoints/i, true);
  const rows = pane.locator(".monaco-list-row");
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    if (!label.test((await row.getAttribute("aria-label")) ?? "")) continue;
    if ((await row.getAttribute("aria-expanded")) === "false") await row.locator(".monaco-tl-twistie").click();
    return;
  }
  throw new Error(`no Checkpoints row matches ${label}`);
}

/** The Debug Console's text (the adapter's output events). */
export async function debugConsoleText(page: Page): Promise<string> {
  const repl = page.locator(".repl").first();
  return (await repl.isVisible()) ? repl.innerText() : "";
}
