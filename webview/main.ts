/**
 * The panel's entry point (bundled as dist/webview/panel.js). It builds the page — toolbar with the
 * thread switcher and zoom buttons, the banner, the graph, and a side column with the interrupt
 * answers, the state editor and the timeline — routes host messages into the store, restores the
 * view state VS Code kept while the panel was hidden, and then says `ready` so the host sends
 * everything it knows.
 */
import "@vscode-elements/elements/dist/vscode-button/index.js";
import "@vscode-elements/elements/dist/vscode-option/index.js";
import "@vscode-elements/elements/dist/vscode-progress-bar/index.js";
import "@vscode-elements/elements/dist/vscode-single-select/index.js";
import "@vscode-elements/elements/dist/vscode-tab-header/index.js";
import "@vscode-elements/elements/dist/vscode-tab-panel/index.js";
import "@vscode-elements/elements/dist/vscode-tabs/index.js";
import "@vscode-elements/elements/dist/vscode-textarea/index.js";
import "@vscode-elements/elements/dist/vscode-textfield/index.js";
import { engineLabel, engineNotes } from "../src/protocol/engine-words";
import { withNewestPage } from "../src/protocol/history";
import { PANEL_PROTOCOL_VERSION, type HostToPanel } from "../src/protocol/panel";
import type { EngineInfo } from "../src/protocol/runner";
import { Banner } from "./banner";
import { h } from "./dom";
import { GraphPane, type GraphViewState } from "./graph/graphPane";
import { HostChannel } from "./host";
import { InterruptPanel } from "./interrupts/interruptPanel";
import { LayoutClient } from "./layout/client";
import { StatePanel, type StateViewState } from "./state/statePanel";
import { Store } from "./store";
import { ThreadSwitcher } from "./threads";
import { TimelinePanel } from "./timeline/timelinePanel";

interface PanelViewState {
  v: 1;
  graph?: GraphViewState;
  state?: StateViewState;
  tab?: number;
  answers?: Record<string, string>;
}

function receive(store: Store, message: HostToPanel): void {
  switch (message.type) {
    case "graph": return store.update({ graph: message.graph, title: message.title }, ["graph"]);
    case "graphState":
      // A stop shows its own checkpoint: whatever was picked in the timeline gives way.
      return store.update({ state: message.state, defaultAsNode: message.defaultAsNode, viewed: undefined }, ["state", "viewed"]);
    // The newest page: the older pages read since stay (src/protocol/history.ts).
    case "history": return store.update({ history: withNewestPage(store.data.history, message.threadId, { entries: message.entries, more: message.more === true }) }, ["history"]);
    case "threads": return store.update({ threads: { threads: message.threads, current: message.current } }, ["threads"]);
    case "nodeBreakpoints": return store.update({ breakpoints: message.breakpoints }, ["breakpoints"]);
    case "session": return store.update({ session: { status: message.status, message: message.message } }, ["session"]);
    case "reply": return;
  }
}

function start(): void {
  const store = new Store();
  const host = new HostChannel((message) => receive(store, message));
  const saved: PanelViewState = { v: 1, ...(host.getState<PanelViewState>() ?? {}) };
  const view: PanelViewState = { ...saved, answers: { ...saved.answers } };
  const save = () => host.setState(view);

  const workerUri = document.querySelector<HTMLMetaElement>('meta[name="langgraph-layout-worker"]')?.content ?? "";
  const layout = new LayoutClient(workerUri);
  const graph = new GraphPane(store, host, layout, view.graph ?? {}, (state) => { view.graph = state; save(); });
  const statePanel = new StatePanel(store, host, view.state ?? {}, (state) => { view.state = state; save(); });
  const interrupts = new InterruptPanel(store, host, view.answers!, save);
  const tabs = h("vscode-tabs", { class: "side-tabs", panel: true },
    h("vscode-tab-header", { slot: "header", class: "tab-state" }, "State"),
    h("vscode-tab-panel", undefined, statePanel.element),
    h("vscode-tab-header", { slot: "header", class: "tab-timeline" }, "Timeline"),
    h("vscode-tab-panel", undefined, new TimelinePanel(store, host, async (entry) => {
      statePanel.startFork(entry);
      (tabs as HTMLElement & { selectedIndex: number }).selectedIndex = 0;
    }).element)) as HTMLElement & { selectedIndex: number };
  tabs.selectedIndex = view.tab ?? 0;
  tabs.addEventListener("vsc-tabs-select", (event) => { view.tab = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex; save(); });

  const title = h("h1", { class: "panel-title" }, "Graph");
  const engine = h("span", { class: "engine-badge" });
  store.on(["graph"], () => {
    title.textContent = store.data.title ?? "Graph";
    showEngine(engine, store.data.graph?.engine);
  });
  const toolbar = h("header", { class: "toolbar" }, title, engine, new ThreadSwitcher(store, host).element,
    h("div", { class: "zoom-buttons", role: "group", "aria-label": "Zoom" },
      h("vscode-button", { class: "zoom-out", secondary: true, title: "Zoom out (-)", "aria-label": "Zoom out", onclick: () => graph.zoomOut() }, "−"),
      h("vscode-button", { class: "zoom-in", secondary: true, title: "Zoom in (+)", "aria-label": "Zoom in", onclick: () => graph.zoomIn() }, "+"),
      h("vscode-button", { class: "zoom-fit", secondary: true, title: "Fit (0)", "aria-label": "Fit the graph", onclick: () => graph.fit() }, "Fit")));

  const app = document.getElementById("app")!;
  app.replaceChildren(toolbar, new Banner(store).element,
    h("main", { class: "panel-body" }, graph.element, h("aside", { class: "side-pane" }, interrupts.element, tabs)));
  app.removeAttribute("aria-busy");
  (window as unknown as { __langgraphPanel: unknown }).__langgraphPanel = { stats: graph.stats, store };
  window.addEventListener("pagehide", () => layout.dispose());
  host.post({ type: "ready", version: PANEL_PROTOCOL_VERSION });
}

/** The engine that runs the graph, and (on hover) what it does differently. */
function showEngine(badge: HTMLElement, engine: EngineInfo | undefined): void {
  badge.hidden = !engine;
  if (!engine) return;
  badge.textContent = engineLabel(engine);
  const notes = engineNotes(engine);
  badge.title = notes.length > 0 ? `On this engine, ${notes.join("; ")}.` : "";
}

start();
