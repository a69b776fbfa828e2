/**
 * The names the extension shares with package.json's `contributes`: command, view, panel and
 * setting ids. One place, so a renamed command cannot leave a menu entry pointing at nothing
 * (test/extension/manifest.test.ts checks package.json against this file).
 */
export const COMMANDS = {
  showGraphPanel: "langgraph.showGraphPanel",
  debugGraphFile: "langgraph.debugGraphFile",
  toggleBreakBefore: "langgraph.toggleBreakBefore",
  toggleBreakAfter: "langgraph.toggleBreakAfter",
  refreshCheckpoints: "langgraph.checkpoints.refresh",
  selectCheckpoint: "langgraph.checkpoints.select",
  openThread: "langgraph.checkpoints.openThread",
  loadMoreCheckpoints: "langgraph.checkpoints.loadMore",
} as const;

export const CHECKPOINTS_VIEW = "langgraph.checkpoints";
export const PANEL_VIEW_TYPE = "langgraph.graph";
export const OPEN_PANEL_SETTING = "langgraph.openGraphPanelOnDebug";
export const READY_TEXT = "LangGraph ready";
