/**
 * Runs the BUILT panel in Debian's Chromium, the way VS Code runs it: the bundles are built with
 * esbuild's API (same options as esbuild.mjs), the page comes from `panelHtml()` with its CSP and a
 * fresh nonce, and, as in VS Code, the document and the extension's resources are served from two
 * different origins (two ports on 127.0.0.1), so the CSP, the cross-origin worker loading and the
 * nonce are all real. `acquireVsCodeApi` is a recorder of posted messages whose state survives a
 * reload (VS Code's getState/setState across hide and show). Used by the browser tests and by
 * bench/panel.ts; no mocha globals here.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, extname, join, resolve } from "node:path";
import * as esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import type { HostToPanel, PanelToHost } from "../../src/protocol/panel";
import { panelHtml } from "../../webview/html";
import { THEMES, type ThemeName } from "./themes";

const ROOT = resolve(__dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

/** The panel's browser entries, as in esbuild.mjs's webEntries. */
export const WEB_ENTRIES: Record<string, string> = {
  "webview/panel": "webview/main.ts",
  "webview/layout": "webview/layout/worker.ts",
};

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, ...(process.env.PATH ?? "").split(delimiter).flatMap((dir) => [join(dir, "chromium"), join(dir, "chromium-browser")])];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error("Chromium not found: run `node scripts/setup.mjs browser` (installs Debian's chromium) or set CHROMIUM_PATH.");
  return found;
}

let built: Promise<string> | undefined;

/** Builds the panel once per process into a temporary folder; returns that folder. */
export function buildPanel(): Promise<string> {
  built ??= (async () => {
    const outdir = mkdtempSync(join(tmpdir(), "langgraph-panel-"));
    process.once("exit", () => rmSync(outdir, { recursive: true, force: true }));
    await esbuild.build({
      absWorkingDir: ROOT, entryPoints: WEB_ENTRIES, outdir, bundle: true, sourcemap: true,
      platform: "browser", format: "iife", target: "es2022", logLevel: "warning",
    });
    return outdir;
  })();
  return built;
}

const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".map": "application/json", ".html": "text/html" };

function listen(server: Server): Promise<string> {
  return new Promise((done) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    done(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  }));
}

interface Servers {
  documentOrigin: string;
  resourceOrigin: string;
  close(): void;
}

let servers: Promise<Servers> | undefined;

/** The resource origin serves dist/ and media/ (with CORS, as VS Code's resource loader does); the document origin serves the panel page. */
function startServers(outdir: string): Promise<Servers> {
  servers ??= (async () => {
    const resources = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
      const file = path.startsWith("/dist/") ? join(outdir, path.slice("/dist/".length)) : path.startsWith("/media/") ? join(ROOT, path.slice(1)) : "";
      if (!file || file.includes("..") || !existsSync(file)) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "access-control-allow-origin": "*", "cache-control": "no-store" });
      response.end(readFileSync(file));
    });
    const resourceOrigin = await listen(resources);
    const documents = createServer((request, response) => {
      const html = panelHtml({
        cspSource: resourceOrigin, nonce: randomBytes(16).toString("base64"),
        scriptUri: `${resourceOrigin}/dist/webview/panel.js`, styleUri: `${resourceOrigin}/media/panel.css`,
        workerUri: `${resourceOrigin}/dist/webview/layout.js`, title: "LangGraph panel test",
      });
      response.writeHead(request.url === "/" ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(request.url === "/" ? html : "not found");
    });
    const documentOrigin = await listen(documents);
    return { documentOrigin, resourceOrigin, close: () => { resources.close(); documents.close(); } };
  })();
  return servers;
}

let browser: Promise<Browser> | undefined;

export function launchBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = undefined;
  await (await open)?.close();
  (await servers)?.close();
  servers = undefined;
}

/**
 * Runs in the page before any of its scripts: the VS Code API stand-in, a CSP violation recorder
 * and the theme (VS Code sets the variables on <html> and a class on <body>). A string, not a
 * function, because the test runner's compiler decorates functions with helpers the page lacks.
 */
function pageSetup(theme: { bodyClass: string; vars: Record<string, string> }): string {
  return `(() => {
  const posted = [];
  const violations = [];
  window.__posted = posted;
  window.__csp = violations;
  document.addEventListener("securitypolicyviolation", (event) => violations.push(event.violatedDirective + " " + event.blockedURI));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error("acquireVsCodeApi may only be called once");
    acquired = true;
    return {
      postMessage: (message) => {
        const copy = JSON.parse(JSON.stringify(message));
        posted.push(copy);
        if (window.__toHost) window.__toHost(copy);
      },
      getState: () => JSON.parse(sessionStorage.getItem("vscode-state") ?? "null") ?? undefined,
      setState: (state) => sessionStorage.setItem("vscode-state", JSON.stringify(state)),
    };
  };
  const theme = ${JSON.stringify(theme)};
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    for (const [name, value] of Object.entries(theme.vars)) document.documentElement.style.setProperty(name, value);
    document.body.classList.add(theme.bodyClass);
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

export interface OpenOptions {
  theme?: ThemeName;
  width?: number;
  height?: number;
  /** Called with every message the panel posts, as an extension host would receive it. */
  onPost?: (message: unknown) => void;
}

export type Request = Extract<PanelToHost, { requestId: string }>;

export class PanelPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on("pageerror", (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => { if (message.type() === "error") this.errors.push(`console: ${message.text()}`); });
  }

  async send(...messages: HostToPanel[]): Promise<void> {
    for (const message of messages) await this.page.evaluate((m) => window.postMessage(m, "*"), message as unknown);
  }

  posted(): Promise<PanelToHost[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: PanelToHost[] }).__posted.slice());
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => { (window as unknown as { __posted: unknown[] }).__posted.length = 0; });
  }

  /** Waits for the next request of `type` posted after the first `skip` messages. */
  async nextRequest<T extends Request["type"]>(type: T, timeout = 5000): Promise<Extract<Request, { type: T }>> {
    const handle = await this.page.waitForFunction((t) => {
      const posted = (window as unknown as { __posted: { type: string; requestId?: string }[] }).__posted;
      const done = (window as unknown as { __seen?: Set<string> }).__seen ??= new Set();
      const found = posted.find((m) => m.type === t && m.requestId && !done.has(m.requestId));
      if (found) done.add(found.requestId!);
      return found;
    }, type, { timeout });
    return (await handle.jsonValue()) as Extract<Request, { type: T }>;
  }

  async reply(request: Request, body?: unknown): Promise<void> {
    await this.send({ type: "reply", requestId: request.requestId, ok: true, body });
  }

  async fail(request: Request, error: string): Promise<void> {
    await this.send({ type: "reply", requestId: request.requestId, ok: false, error });
  }

  /** Waits until the graph is drawn and the layout bar is gone. */
  async waitForGraph(): Promise<void> {
    await this.page.locator(".graph-svg .node, .graph-svg .terminal").first().waitFor();
    await this.page.locator(".layout-progress").waitFor({ state: "hidden" });
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice());
  }

  async screenshot(name: string): Promise<string> {
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Reloads the page (VS Code does this when a hidden panel is shown again) and waits for `ready`. */
  async reload(): Promise<void> {
    await this.page.reload();
    await waitForReady(this.page);
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}

/** Opens the built panel in a fresh browser context and waits for its `ready`. */
export async function openPanel(options: OpenOptions = {}): Promise<PanelPage> {
  const outdir = await buildPanel();
  const { documentOrigin } = await startServers(outdir);
  const context = await (await launchBrowser()).newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 760 } });
  if (options.onPost) await context.exposeFunction("__toHost", options.onPost);
  const page = await context.newPage();
  await page.addInitScript({ content: pageSetup(THEMES[options.theme ?? "dark"]) });
  const panel = new PanelPage(page);
  page.on("console", (m) => process.env.PANEL_DEBUG && console.log("[page]", m.type(), m.text()));
  page.on("pageerror", (e) => process.env.PANEL_DEBUG && console.log("[page error]", e.message));
  await page.goto(`${documentOrigin}/`);
  await waitForReady(page);
  return panel;
}

function waitForReady(page: Page): Promise<unknown> {
  return page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === "ready"));
}
