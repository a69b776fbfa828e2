/**
 * The panel as most browser stories start: opened, given the fixture graph and its first stop, and
 * drawn. One place, so the suites that need a fresh panel per story or per suite say only that.
 */
import { openingMessages } from "./fixtures";
import { openPanel, type PanelPage } from "./harness";

export async function openDrawnPanel(): Promise<PanelPage> {
  const panel = await openPanel();
  await panel.send(...openingMessages());
  await panel.waitForGraph();
  return panel;
}
