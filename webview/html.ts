/**
 * The panel's HTML document, as a pure function the extension host calls with its webview's values
 * (`webview.cspSource`, a fresh nonce, and `asWebviewUri` of the built files). It owns the
 * Content-Security-Policy, so the browser tests exercise the exact policy VS Code will enforce.
 * Why each directive: scripts run only with the nonce (no inline code, no eval); styles and fonts
 * come from the extension's files; the layout worker is started from a blob: URL because VS Code
 * serves webview resources from another origin than the webview document, and browsers only start
 * workers from same-origin (or blob:) URLs; `connect-src` lets the panel fetch that worker's code.
 * Node-safe: no DOM use, no imports of browser code.
 */

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin VS Code serves extension resources from. */
  cspSource: string;
  /** Random, at least 128 bits, new for every HTML load. */
  nonce: string;
  /** The panel bundle, `dist/webview/panel.js`. */
  scriptUri: string;
  /** The panel stylesheet, `media/panel.css`. */
  styleUri: string;
  /** The layout worker bundle, `dist/webview/layout.js`. */
  workerUri: string;
  title?: string;
}

/** The directives, in a stable order; exported so tests can check each one. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `connect-src ${cspSource}`,
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Escapes text for an HTML attribute value or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NONCE_SHAPE = /^[A-Za-z0-9+/=_-]{16,}$/;

export function panelHtml(options: PanelHtmlOptions): string {
  if (!NONCE_SHAPE.test(options.nonce)) {
    throw new Error("panelHtml: the nonce must be at least 16 base64 characters (use crypto.randomBytes(16).toString('base64'))");
  }
  const e = escapeHtml;
  const title = options.title ?? "LangGraph";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(panelCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="langgraph-layout-worker" content="${e(options.workerUri)}">
<link rel="stylesheet" href="${e(options.styleUri)}">
<title>${e(title)}</title>
</head>
<body>
<div id="app" class="app" aria-busy="true"></div>
<script nonce="${e(options.nonce)}" src="${e(options.scriptUri)}"></script>
</body>
</html>
`;
}
