/**
 * The graph panel as the tests see it: the webview's page lives two iframes down (VS Code's
 * webview host, then the page itself), and its controls are @vscode-elements components whose
 * inputs sit in shadow roots, which Playwright's CSS locators pierce. Each helper is one thing a
 * person does or reads in the panel: a node's highlight, the banner, the state as JSON, an edit
 * "as node", an interrupt answer, a checkpoint in the timeline, a node's breakpoint dot.
 */
import type { FrameLocator, Locator, Page } from "playwright-core";

export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
}

export function graphNode(panel: FrameLocator, node: string): Locator {
  return panel.locator(`g.node[data-node="${node}"]`);
}

/** Waits until the panel draws `node` highlighted as the next to run. */
export async function waitNext(panel: FrameLocator, node: string, timeoutMs = 20_000): Promise<void> {
  await panel.locator(`g.node.next[data-node="${node}"]`).waitFor({ timeout: timeoutMs });
}

export async function bannerText(panel: FrameLocator): Promise<string> {
  return (await panel.locator(".banner .banner-text").first().textContent()) ?? "";
}

async function showTab(panel: FrameLocator, tab: "state" | "timeline"): Promise<void> {
  const header = panel.locator(`vscode-tab-header.tab-${tab}`);
  if ((await header.getAttribute("aria-selected")) !== "true") await header.click();
}

function jsonBox(panel: FrameLocator): Locator {
  return panel.locator("vscode-textarea.state-json textarea");
}

/** The viewed checkpoint's state, read from the panel's JSON view. */
export async function stateJson(panel: FrameLocator): Promise<Record<string, unknown>> {
  await showTab(panel, "state");
  const json = panel.locator(".mode-json");
  if ((await json.getAttribute("aria-pressed")) !== "true") await json.click();
  return JSON.parse(await jsonBox(panel).inputValue()) as Record<string, unknown>;
}

/** Waits until the panel's state satisfies `check` (the view refreshes after each stop). */
export async function waitState(panel: FrameLocator, check: (state: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, unknown> = {};
  while (Date.now() < deadline) {
    last = await stateJson(panel).catch(() => ({}));
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the panel's state never matched; last seen: ${JSON.stringify(last)}`);
}

/**
 * Edits the state in the JSON view and applies it as `asNode`: types the new JSON, picks the node
 * in the "as node" combobox, presses Apply, and waits for the editor to show the new checkpoint.
 */
export async function applyEdit(panel: FrameLocator, edit: (state: Record<string, unknown>) => Record<string, unknown>, asNode: string): Promise<void> {
  const before = await stateJson(panel);
  await jsonBox(panel).fill(JSON.stringify(edit(before), null, 2));
  const chooser = panel.locator("vscode-single-select.as-node");
  const input = chooser.locator("input.combobox-input");
  await input.click(); // opens the dropdown; typing then filters it
  await input.fill(asNode);
  await chooser.locator('li.option[role="option"]', { hasText: new RegExp(`^\\s*${asNode}\\s*$`) }).click();
  await panel.locator("vscode-button.apply").click();
}

export function interruptCard(panel: FrameLocator): Locator {
  return panel.locator(".interrupt-panel:not([hidden]) .interrupt-card");
}

/** Types `answer` into the first waiting interrupt's box and presses Resume. */
export async function answerInterrupt(panel: FrameLocator, answer: string): Promise<void> {
  await interruptCard(panel).first().waitFor();
  await panel.locator(".interrupt-card vscode-textarea.answer textarea").first().fill(answer);
  await panel.locator(".interrupt-panel vscode-button.resume").click();
}

export function timelineRows(panel: FrameLocator): Locator {
  return panel.locator(".timeline .timeline-row");
}

export async function showTimeline(panel: FrameLocator): Promise<void> {
  await showTab(panel, "timeline");
  await timelineRows(panel).first().waitFor();
}

/** Each timeline row as a line of text ("step 1 loop by research → write head"). */
export async function timelineText(panel: FrameLocator): Promise<string[]> {
  await showTimeline(panel);
  return timelineRows(panel).evaluateAll((rows) => rows.map((row) => {
    const main = row.querySelector(".timeline-main");
    return Array.from(main?.children ?? []).filter((part) => part.tagName !== "TIME").map((part) => part.textContent ?? "").join(" ");
  }));
}

/** Toggles a node's breakpoint dot (before or after) in the drawn graph. */
export async function toggleNodeBreakpoint(panel: FrameLocator, node: string, when: "before" | "after"): Promise<void> {
  await graphNode(panel, node).locator(`g.bp-${when} circle.bp-hit`).click();
}
