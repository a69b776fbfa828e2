/**
 * What a person does between two tasks, done through the palette so the next story starts from a
 * calm editor: end any debug session, remove every breakpoint, close all editors (the graph panel
 * is one) and clear notifications. Each step is skipped when there is nothing to do.
 */
import { clickToolbar, toolbar, waitSessionEnded } from "./debugViews";
import type { Workbench } from "./workbench";

export async function tidyUp(workbench: Workbench): Promise<void> {
  const page = workbench.page;
  await workbench.dismissQuickInput();
  for (let i = 0; i < 3 && (await page.locator(".monaco-dialog-box").isVisible()); i++) await page.keyboard.press("Escape");
  if (await toolbar(page).isVisible()) {
    await clickToolbar(page, "Stop");
    await waitSessionEnded(page, 15_000);
  }
  // Palette labels as VS Code 1.100 shows them ("Remove All Breakpoints" has no category).
  await workbench.runCommandIfOffered("Remove All Breakpoints");
  await workbench.runCommandIfOffered("View: Close All Editors");
  await workbench.runCommandIfOffered("Notifications: Clear All Notifications");
  await workbench.dismissQuickInput();
}

/**
 * Plays one story in a window: screenshots go to test-artifacts/e2e/<name>/, a failure is
 * photographed as it stands (before anything is tidied away), and the window is tidied after.
 */
export async function playStory(workbench: Workbench, name: string, body: () => Promise<void>): Promise<void> {
  workbench.story(name);
  try {
    await body();
  } catch (error) {
    await workbench.screenshot("FAILED");
    throw error;
  } finally {
    await tidyUp(workbench).catch((error: Error) => workbench.log(`tidy-up failed: ${error.message}`));
  }
}
