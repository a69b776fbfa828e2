/**
 * The debug adapter as a program: DAP over stdin/stdout, one session per process. VS Code runs the
 * same session inline; Neovim, Emacs and any other DAP client run this file (`dist/debugAdapter.js`).
 */
import { LangGraphDebugSession } from "./session";

const session = new LangGraphDebugSession();
process.on("SIGTERM", () => session.shutdown());
session.start(process.stdin, process.stdout);
