/**
 * First stop against the wait a LangGraph Studio user has (issue 12). The same template and stop
 * as first-stop.ts (react-agent, paused before its second node, `tools`), timed from start:
 * - ours: from the debug adapter's spawn (F5) to the `stopped` event, on each engine;
 * - the peer: LangGraph.js's own dev server, `langgraphjs dev` (@langchain/langgraph-cli), from
 *   its spawn until, through its HTTP API on 127.0.0.1, a thread is created and a run with
 *   `interrupt_before: ["tools"]` has come back interrupted (`/runs/wait`, then the thread's
 *   `next` checked). The Studio web page itself is not counted (it is not on this machine).
 * Goal: ours at least 10x faster on both engines. The server runs offline: no browser, no
 * analytics (LANGGRAPH_CLI_NO_ANALYTICS), no LangSmith (tracing off, `--studio-url` given so no
 * LangSmith client is made), no reload watcher, and every process under the loopback-only
 * network guard. Run alone: `node --import tsx bench/studio-first-stop.ts`.
 */
import { ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import * as path from "node:path";
import { PROJECT_ROOT } from "../test/debug/helpers/build";
import { OFFLINE_ENV, median, runAsScript } from "./dap-timing";
import { ENGINES, EngineName, firstStop, guardChildren } from "./first-stop";
import { GRAPH_ID, ReactTemplate, scaffoldReactTemplate } from "./react-template";

const CLI = path.join(PROJECT_ROOT, "node_modules", "@langchain", "langgraph-cli", "dist", "cli", "cli.mjs");
const RUNS = 3;

interface PeerTimes {
  ready: number;
  interrupted: number;
}

/** One cold start of the dev server, to a run interrupted before `tools`; ms from the spawn. */
async function devServerFirstStop(template: ReactTemplate): Promise<PeerTimes> {
  rmSync(path.join(template.root, ".langgraph_api"), { recursive: true, force: true }); // no thread survives from the last run
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const args = [CLI, "dev", "--port", String(port), "--host", "127.0.0.1", "--no-browser", "--no-reload", "--config", template.config, "--studio-url", "http://127.0.0.1:9"];
  const env = { ...process.env, ...OFFLINE_ENV, ...template.env, LANGGRAPH_CLI_NO_ANALYTICS: "1", BROWSER: "none" };
  const server = spawn(process.execPath, args, { cwd: template.root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout!.on("data", (chunk) => void (log += chunk));
  server.stderr!.on("data", (chunk) => void (log += chunk));
  try {
    await waitUntilOk(base, server, () => log);
    const ready = performance.now() - started;
    const thread = (await post(base, "/threads", {})) as { thread_id: string };
    await post(base, `/threads/${thread.thread_id}/runs/wait`, { assistant_id: GRAPH_ID, input: template.input, interrupt_before: ["tools"] });
    const interrupted = performance.now() - started;
    const state = (await (await fetch(`${base}/threads/${thread.thread_id}/state`)).json()) as { next?: string[] };
    if (state.next?.[0] !== "tools") throw new Error(`the dev server's run stopped with next ${JSON.stringify(state.next)}, not before tools:\n${log}`);
    return { ready, interrupted };
  } finally {
    await stop(server);
  }
}

async function waitUntilOk(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`langgraphjs dev exited with ${server.exitCode}:\n${log()}`);
    const ok = await fetch(`${base}/ok`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`langgraphjs dev did not answer /ok within 60 s:\n${log()}`);
}

async function post(base: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Ends the CLI and the server it spawned: its own process group, which this bench started. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  // The server the CLI spawned may outlive it by a moment: wait until the group is empty, so
  // its shutdown does not fall on the next measure.
  while (groupAlive(server.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
  clearTimeout(timer);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  guardChildren();
  const template = await scaffoldReactTemplate();
  try {
    await devServerFirstStop(template); // warm-up of the disk and tsx caches, on both sides
    for (const engine of ENGINES) await firstStop(template, engine);
    const peer: PeerTimes[] = [];
    const ours: Record<EngineName, number[]> = { workspace: [], builtin: [] };
    for (let index = 0; index < RUNS; index++) {
      peer.push(await devServerFirstStop(template));
      for (const engine of ENGINES) ours[engine].push((await firstStop(template, engine)).ended);
    }
    report(peer, ours);
  } finally {
    await template.dispose();
  }
}

function report(peer: PeerTimes[], ours: Record<EngineName, number[]>): void {
  const fixed = (value: number) => value.toFixed(0);
  const peerMs = median(peer.map((run) => run.interrupted));
  console.log(`first stop from start, react-agent template, paused before "tools", median of ${peer.length}`);
  console.log(`  peer: langgraphjs dev (LangGraph.js's dev server, Studio's backend), spawn -> run interrupted: ${fixed(peerMs)} ms (runs: ${peer.map((run) => fixed(run.interrupted)).join(", ")})`);
  console.log(`        of which spawn -> server answers /ok: ${fixed(median(peer.map((run) => run.ready)))} ms`);
  for (const engine of ENGINES) {
    const ms = median(ours[engine]);
    const factor = peerMs / ms;
    console.log(`  ours, ${engine.padEnd(9)} adapter spawn -> stopped: ${fixed(ms)} ms (runs: ${ours[engine].map(fixed).join(", ")}): ${factor.toFixed(1)}x faster (goal >= 10x: ${factor >= 10 ? "met" : "NOT met"})`);
  }
}

if (require.main === module) {
  runAsScript(main);
}
