/**
 * The panel wired to a real debug adapter as the extension wires it: the built panel in Chromium,
 * the extension's PanelBridge as its host, and a Story (real DAP client, real runner) as the
 * session. The live browser stories start here; no mocha globals.
 */
import type { GraphStateEvent, NodeBreakpoints } from "../../src/protocol/debug";
import type { HostToPanel } from "../../src/protocol/panel";
import { PanelBridge, type PanelEditor } from "../../src/extension/panelBridge";
import { readStoredHistory } from "../../src/extension/storeReader";
import type { Story } from "../debug/helpers/story";
import { openPanel, type PanelPage } from "./harness";

/** The stop the adapter reported before the panel opened (the extension's tracker keeps it too). */
async function firstStop(story: Story): Promise<GraphStateEvent> {
  for (;;) {
    const event = (await story.next("graphState")).body as GraphStateEvent;
    if (event.status !== "running" && event.checkpointId) return event;
  }
}

export interface LivePanel {
  panel: PanelPage;
  /** Resolves when the run ends (the bridge has been told). */
  ended: Promise<void>;
  /** What the bridge logged. */
  logged: string[];
}

/** Opens the panel on the story's session, stopped already; `setNodeBreakpoints` goes to `onBreakpoints`. */
export async function openLivePanel(story: Story, title: string, onBreakpoints: (wanted: NodeBreakpoints) => Promise<NodeBreakpoints> = async (wanted) => wanted): Promise<LivePanel> {
  const logged: string[] = [];
  // The bridge answers `ready` while the page is still opening: hold its messages until then.
  let opened!: (page: PanelPage) => void;
  let delivery: Promise<PanelPage> = new Promise((done) => (opened = done));
  const editor: PanelEditor = {
    // In order, without waiting for each to land (as a webview's postMessage): one message is not held up by the one before.
    post: (message: HostToPanel) => { delivery = delivery.then((page) => { void page.send(message); return page; }); },
    nodeBreakpoints: () => ({ before: [], after: [] }),
    setNodeBreakpoints: onBreakpoints,
    openSource: async () => undefined,
    switchThread: async () => undefined,
    listThreads: async () => [],
    storedHistory: (threadId, before) => readStoredHistory(story.checkpointDir, threadId, before ? { before } : {}),
    graphShown: () => undefined,
    log: (text) => logged.push(text),
  };
  const bridge = new PanelBridge(editor);
  await bridge.attach({ customRequest: async (name, args) => (await story.dc.customRequest(name, args)).body }, await firstStop(story), title);
  // The adapter's events reach the bridge as the extension's session tracker passes them on.
  story.dc.on("graphState", (event: { body: GraphStateEvent }) => bridge.onGraphState(event.body));
  const ended = new Promise<void>((done) => story.dc.once("terminated", () => { bridge.sessionEnded("The run finished."); done(); }));
  const panel = await openPanel({ onPost: (message) => void bridge.receive(message) });
  opened(panel);
  await panel.waitForGraph();
  return { panel, ended, logged };
}
