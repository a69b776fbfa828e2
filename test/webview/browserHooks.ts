/**
 * Imported by every browser test file: one Chromium for the whole mocha run, closed at the end.
 * Mocha registers a hook declared outside any `describe` on the root suite, and the module cache
 * makes sure it is declared once.
 */
import { closeBrowser } from "./harness";

after(closeBrowser);
