/**
 * The VS Code window a test drives: Debian's Chromium (through playwright-core) on a code-server
 * workbench. It waits for the extension's "LangGraph ready" status bar item before touching any
 * command (the workbench draws seconds before extensions activate), runs palette commands by their
 * exact label (fuzzy ranking can put another command first), saves numbered screenshots of each
 * step, and keeps the workbench's log (including the extension host's console) for a failed run.
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import { chromium } from "playwright-core";
import type { Browser, Locator, Page } from "playwright-core";

export const CHROMIUM = process.env.LANGGRAPH_E2E_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
export const READY_TEXT = "LangGraph ready";

export class Workbench {
  private step = 0;
  private exitCode?: (code: number) => void;
  private shotsDir: string;

  private constructor(readonly browser: Browser, readonly page: Page, readonly artifactsDir: string, readonly logFile: string) {
    this.shotsDir = artifactsDir;
  }

  /** A browser with one page; the workbench log goes to `<artifactsDir>/<name>-workbench.log`. */
  static async launch(artifactsDir: string, name: string): Promise<Workbench> {
    mkdirSync(artifactsDir, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    try {
      const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const workbench = new Workbench(browser, page, artifactsDir, path.join(artifactsDir, `${name}-workbench.log`));
      writeFileSync(workbench.logFile, ""); // a fresh log for each run
      await workbench.listen();
      return workbench;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Screenshots of the next steps go to `<artifactsDir>/<story>/`, numbered from 01. */
  story(name: string): void {
    this.shotsDir = path.join(this.artifactsDir, name);
    rmSync(this.shotsDir, { recursive: true, force: true }); // no picture of an earlier run stays
    mkdirSync(this.shotsDir, { recursive: true });
    this.step = 0;
    this.log(`===== story ${name}`);
  }

  async screenshot(name: string): Promise<string> {
    this.step += 1;
    const file = path.join(this.shotsDir, `${String(this.step).padStart(2, "0")}-${name}.png`);
    this.log(`screenshot ${path.relative(this.artifactsDir, file)}`);
    await this.page.screenshot({ path: file, timeout: 15_000 }).catch((error: Error) => this.log(`screenshot ${name} failed: ${error.message}`));
    return file;
  }

  /**
   * The whole window with the bottom panel (Debug Console, Terminal: their paths name this
   * machine) hidden for the picture and shown again after.
   */
  async screenshotWithoutPanel(name: string): Promise<string> {
    const file = path.join(this.artifactsDir, `${name}.png`);
    const panel = this.page.locator(".part.panel").first();
    await this.runCommand("View: Toggle Panel Visibility");
    await panel.waitFor({ state: "hidden" });
    this.log(`screenshot ${name}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    await this.runCommand("View: Toggle Panel Visibility");
    await panel.waitFor({ state: "visible" });
    return file;
  }

  /** A picture of one part of the window (the graph panel for the README, for instance). */
  async screenshotOf(part: Locator, name: string): Promise<string> {
    const file = path.join(this.artifactsDir, `${name}.png`);
    this.log(`screenshot ${name}.png`);
    await part.screenshot({ path: file, timeout: 15_000 });
    return file;
  }

  /** Opens the workbench and waits until the extension says it is active. */
  async open(url: string, timeoutMs = 90_000): Promise<void> {
    this.log(`goto ${url}`);
    await this.page.goto(url, { timeout: timeoutMs });
    await this.waitReady(timeoutMs);
  }

  async waitReady(timeoutMs = 90_000): Promise<void> {
    await this.page.locator(".statusbar-item", { hasText: READY_TEXT }).first().waitFor({ timeout: timeoutMs });
  }

  /**
   * Resolves with the exit code the workbench reports through `window.codeAutomationExit`, as
   * VS Code's test runners do when an `extensionTestsPath` suite finishes.
   */
  async openTests(url: string, timeoutMs: number): Promise<number | "timeout"> {
    const exited = new Promise<number>((resolve) => (this.exitCode = resolve));
    this.log(`goto ${url}`);
    await this.page.goto(url, { timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a command from the palette (F1), clicking the row whose label is exactly `label`. */
  async runCommand(label: string, timeoutMs = 15_000): Promise<void> {
    const page = this.page;
    await this.dismissQuickInput();
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(`>${label}`);
    const row = page.locator(".quick-input-widget .monaco-list-row").filter({
      has: page.locator(".quick-input-list-label .label-name", { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    }).first();
    await row.click({ timeout: timeoutMs });
  }

  /** Runs a palette command when the palette offers it (some exist only when there is work to do). */
  async runCommandIfOffered(label: string): Promise<boolean> {
    try {
      await this.runCommand(label, 3000);
      return true;
    } catch {
      await this.dismissQuickInput();
      return false;
    }
  }

  /** Closes an open palette or quick pick, if any. */
  async dismissQuickInput(): Promise<void> {
    if (await this.page.locator(".quick-input-widget").isVisible()) await this.page.keyboard.press("Escape");
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a person would. */
  async openFile(relativePath: string): Promise<void> {
    const page = this.page;
    await this.dismissQuickInput();
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(relativePath);
    const base = path.basename(relativePath);
    // Click the row itself: Enter would take whichever row is first, maybe a recent file shown
    // before the list is filtered.
    await page.locator(".quick-input-widget .monaco-list-row").filter({
      has: page.locator(".label-name", { hasText: new RegExp(`^${escapeRegExp(base)}$`) }),
    }).first().click();
    await page.locator(".tab.active", { hasText: base }).waitFor();
    await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().waitFor();
  }

  log(text: string): void {
    appendFileSync(this.logFile, `${new Date().toISOString()} ${text}\n`);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    await this.page.exposeFunction("codeAutomationLog", (level: unknown, args: unknown[]) => {
      this.log(`[workbench ${String(level)}] ${format(...(Array.isArray(args) ? args : [args]))}`);
    });
    await this.page.exposeFunction("codeAutomationExit", (code: number) => {
      this.log(`codeAutomationExit(${code})`);
      this.exitCode?.(code);
    });
    this.page.on("pageerror", (error) => this.log(`[pageerror] ${error.message}`));
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
