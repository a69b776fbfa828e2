/**
 * The panel's HTML and its Content-Security-Policy, as the extension host will serve them: scripts
 * only with the nonce, no inline code or eval, workers only from blob:, and every value escaped.
 */
import * as assert from "node:assert/strict";
import { panelCsp, panelHtml } from "../../webview/html";

const options = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net", nonce: "bm9uY2Utbm9uY2Utbm9uY2U=",
  scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js",
  styleUri: "https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css",
  workerUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/layout.js",
};

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("panel HTML", () => {
  it("allows scripts only by nonce, with no inline code and no eval", () => {
    const csp = directives(panelCsp(options.cspSource, options.nonce));
    assert.deepEqual(csp.get("default-src"), ["'none'"]);
    assert.deepEqual(csp.get("script-src"), [`'nonce-${options.nonce}'`]);
    const everything = [...csp.values()].flat();
    assert.ok(!everything.includes("'unsafe-inline'") && !everything.includes("'unsafe-eval'"), "no unsafe-* source anywhere");
  });

  it("starts the layout worker from blob: and fetches its code from the resource origin only", () => {
    const csp = directives(panelCsp(options.cspSource, options.nonce));
    assert.deepEqual(csp.get("worker-src"), ["blob:"]);
    assert.deepEqual(csp.get("connect-src"), [options.cspSource]);
    assert.deepEqual(csp.get("style-src"), [options.cspSource]);
  });

  it("puts the CSP first and loads one script, with the nonce", () => {
    const html = panelHtml(options);
    assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "the policy comes before any script");
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes(`<script nonce="${options.nonce}" src="${options.scriptUri}"></script>`), "the one script carries the nonce");
    assert.ok(html.includes(`<meta name="langgraph-layout-worker" content="${options.workerUri}">`), "the worker URI is handed over in a meta tag");
  });

  it("escapes the values it is given", () => {
    const html = panelHtml({ ...options, title: `<img src=x onerror="alert(1)">` });
    assert.ok(!html.includes("<img"), "the title is text, not markup");
    assert.ok(html.includes("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;"));
  });

  it("refuses a short or odd nonce, saying what to use", () => {
    assert.throws(() => panelHtml({ ...options, nonce: "abc" }), /at least 16 base64 characters/);
    assert.throws(() => panelHtml({ ...options, nonce: "a\"b onload=x 1234567890" }), /nonce/);
  });
});
