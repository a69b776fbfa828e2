// `npm start`: build the extension and open it on examples/ in a real VS Code. The desktop `code`
// when this machine has one; otherwise a local code-server (installed on first use), whose address
// is printed for a browser. Ctrl-C stops it.
import { execSync, spawn } from "node:child_process";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startCodeServer } from "./code-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const examples = join(root, "examples");
execSync("node scripts/setup.mjs deps build", { cwd: root, stdio: "inherit" });

function hasDesktopCode() {
  try {
    execSync("command -v code", { stdio: "ignore", shell: "/bin/sh" });
    return !process.env.LANGGRAPH_DEBUGGER_USE_CODE_SERVER;
  } catch {
    return false;
  }
}

if (hasDesktopCode()) {
  console.log("start: opening examples/ in VS Code with the extension loaded from this folder");
  spawn("code", [`--extensionDevelopmentPath=${root}`, examples], { stdio: "inherit" });
} else {
  const port = Number(process.env.PORT ?? 8765);
  const workDir = join(homedir(), ".cache", "langgraph-debugger", "session");
  const { url, server } = await startCodeServer({ port, workDir, folder: examples, extensionPath: root });
  console.log(`\nstart: VS Code (code-server) is running with the LangGraph Debugger loaded.\n  Open ${url}\n  (Ctrl-C to stop)\n`);
  server.stderr.pipe(process.stderr);
  // Ctrl-C, a closed terminal or a plain `kill` all take the server down with this script.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => { server.kill(); process.exit(0); });
  server.on("exit", (code) => process.exit(code ?? 0));
}
