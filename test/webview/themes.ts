/**
 * A few VS Code theme variables and body classes, as VS Code injects them into a webview, for the
 * browser tests and screenshots: Dark Modern, Light Modern and High Contrast (dark). Only the
 * variables the panel and vscode-elements read are listed.
 */

export type ThemeName = "dark" | "light" | "high-contrast";

const shared: Record<string, string> = {
  "--vscode-font-family": "system-ui, -apple-system, 'Segoe UI', 'Ubuntu', sans-serif",
  "--vscode-font-size": "13px",
  "--vscode-font-weight": "normal",
  "--vscode-editor-font-family": "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
  "--vscode-editor-font-size": "13px",
};

export const THEMES: Record<ThemeName, { bodyClass: string; vars: Record<string, string> }> = {
  dark: {
    bodyClass: "vscode-dark",
    vars: {
      ...shared,
      "--vscode-foreground": "#cccccc", "--vscode-descriptionForeground": "#9d9d9d", "--vscode-editor-background": "#1f1f1f",
      "--vscode-panel-border": "#2b2b2b", "--vscode-focusBorder": "#0078d4", "--vscode-editorWidget-background": "#202020",
      "--vscode-editorWidget-border": "#454545", "--vscode-editorLineNumber-foreground": "#6e7681",
      "--vscode-debugIcon-breakpointCurrentStackframeForeground": "#ffcc00", "--vscode-debugIcon-startForeground": "#89d185",
      "--vscode-notificationsInfoIcon-foreground": "#3794ff", "--vscode-errorForeground": "#f85149", "--vscode-charts-purple": "#b180d7",
      "--vscode-debugIcon-breakpointForeground": "#e51400", "--vscode-editor-stackFrameHighlightBackground": "#ffff0033",
      "--vscode-inputValidation-infoBackground": "#063b49", "--vscode-inputValidation-infoBorder": "#007acc",
      "--vscode-inputValidation-errorBackground": "#5a1d1d", "--vscode-inputValidation-errorBorder": "#be1100",
      "--vscode-inputValidation-warningBackground": "#352a05", "--vscode-inputValidation-warningBorder": "#b89500",
      "--vscode-button-background": "#0078d4", "--vscode-button-foreground": "#ffffff", "--vscode-button-hoverBackground": "#026ec1",
      "--vscode-button-secondaryBackground": "#313131", "--vscode-button-secondaryForeground": "#cccccc",
      "--vscode-button-secondaryHoverBackground": "#3c3c3c", "--vscode-input-background": "#313131", "--vscode-input-foreground": "#cccccc",
      "--vscode-input-border": "#3c3c3c", "--vscode-settings-dropdownBackground": "#313131", "--vscode-settings-dropdownBorder": "#3c3c3c",
      "--vscode-list-hoverBackground": "#2a2d2e", "--vscode-list-inactiveSelectionBackground": "#37373d",
      "--vscode-list-activeSelectionBackground": "#04395e", "--vscode-badge-background": "#616161", "--vscode-badge-foreground": "#f8f8f8",
      "--vscode-textCodeBlock-background": "#2b2b2b", "--vscode-panel-background": "#181818", "--vscode-settings-headerBorder": "#2b2b2b",
      "--vscode-panelTitle-activeForeground": "#cccccc", "--vscode-panelTitle-inactiveForeground": "#9d9d9d", "--vscode-panelTitle-activeBorder": "#0078d4",
      "--vscode-debugTokenExpression-name": "#c586c0", "--vscode-debugTokenExpression-string": "#ce9178",
      "--vscode-debugTokenExpression-number": "#b5cea8", "--vscode-debugTokenExpression-boolean": "#4e94ce",
      "--vscode-progressBar-background": "#0078d4",
    },
  },
  light: {
    bodyClass: "vscode-light",
    vars: {
      ...shared,
      "--vscode-foreground": "#3b3b3b", "--vscode-descriptionForeground": "#717171", "--vscode-editor-background": "#ffffff",
      "--vscode-panel-border": "#e5e5e5", "--vscode-focusBorder": "#005fb8", "--vscode-editorWidget-background": "#f8f8f8",
      "--vscode-editorWidget-border": "#c8c8c8", "--vscode-editorLineNumber-foreground": "#6e7681",
      "--vscode-debugIcon-breakpointCurrentStackframeForeground": "#be8700", "--vscode-debugIcon-startForeground": "#388a34",
      "--vscode-notificationsInfoIcon-foreground": "#1a85ff", "--vscode-errorForeground": "#f85149", "--vscode-charts-purple": "#652d90",
      "--vscode-debugIcon-breakpointForeground": "#e51400", "--vscode-editor-stackFrameHighlightBackground": "#ffff6673",
      "--vscode-inputValidation-infoBackground": "#d6ecf2", "--vscode-inputValidation-infoBorder": "#007acc",
      "--vscode-inputValidation-errorBackground": "#f2dede", "--vscode-inputValidation-errorBorder": "#be1100",
      "--vscode-inputValidation-warningBackground": "#f6f5d2", "--vscode-inputValidation-warningBorder": "#b89500",
      "--vscode-button-background": "#005fb8", "--vscode-button-foreground": "#ffffff", "--vscode-button-hoverBackground": "#0258a8",
      "--vscode-button-secondaryBackground": "#e5e5e5", "--vscode-button-secondaryForeground": "#3b3b3b",
      "--vscode-button-secondaryHoverBackground": "#cccccc", "--vscode-input-background": "#ffffff", "--vscode-input-foreground": "#3b3b3b",
      "--vscode-input-border": "#cecece", "--vscode-settings-dropdownBackground": "#ffffff", "--vscode-settings-dropdownBorder": "#cecece",
      "--vscode-settings-dropdownForeground": "#3b3b3b", "--vscode-list-hoverBackground": "#f2f2f2",
      "--vscode-list-inactiveSelectionBackground": "#e4e6f1", "--vscode-list-activeSelectionBackground": "#e8e8e8",
      "--vscode-badge-background": "#cccccc", "--vscode-badge-foreground": "#3b3b3b", "--vscode-textCodeBlock-background": "#f2f2f2",
      "--vscode-panel-background": "#f8f8f8", "--vscode-settings-headerBorder": "#e5e5e5",
      "--vscode-panelTitle-activeForeground": "#3b3b3b", "--vscode-panelTitle-inactiveForeground": "#717171", "--vscode-panelTitle-activeBorder": "#005fb8",
      "--vscode-debugTokenExpression-name": "#9b46b0", "--vscode-debugTokenExpression-string": "#a31515",
      "--vscode-debugTokenExpression-number": "#098658", "--vscode-debugTokenExpression-boolean": "#0000ff",
      "--vscode-progressBar-background": "#005fb8",
    },
  },
  "high-contrast": {
    bodyClass: "vscode-high-contrast",
    vars: {
      ...shared,
      "--vscode-foreground": "#ffffff", "--vscode-descriptionForeground": "#ffffffb3", "--vscode-editor-background": "#000000",
      "--vscode-panel-border": "#6fc3df", "--vscode-contrastBorder": "#6fc3df", "--vscode-contrastActiveBorder": "#f38518",
      "--vscode-focusBorder": "#f38518", "--vscode-editorWidget-background": "#0c141f", "--vscode-editorWidget-border": "#6fc3df",
      "--vscode-editorLineNumber-foreground": "#ffffff", "--vscode-debugIcon-breakpointCurrentStackframeForeground": "#ffcc00",
      "--vscode-debugIcon-startForeground": "#89d185", "--vscode-notificationsInfoIcon-foreground": "#3794ff",
      "--vscode-errorForeground": "#f48771", "--vscode-charts-purple": "#b180d7", "--vscode-debugIcon-breakpointForeground": "#e51400",
      "--vscode-inputValidation-infoBackground": "#000000", "--vscode-inputValidation-infoBorder": "#6fc3df",
      "--vscode-inputValidation-errorBackground": "#000000", "--vscode-inputValidation-errorBorder": "#6fc3df",
      "--vscode-inputValidation-warningBackground": "#000000", "--vscode-inputValidation-warningBorder": "#6fc3df",
      "--vscode-button-background": "#000000", "--vscode-button-foreground": "#ffffff", "--vscode-button-border": "#6fc3df",
      "--vscode-button-secondaryBackground": "#000000", "--vscode-button-secondaryForeground": "#ffffff",
      "--vscode-input-background": "#000000", "--vscode-input-foreground": "#ffffff", "--vscode-input-border": "#6fc3df",
      "--vscode-settings-dropdownBackground": "#000000", "--vscode-settings-dropdownBorder": "#6fc3df",
      "--vscode-list-hoverBackground": "#000000", "--vscode-list-inactiveSelectionBackground": "#000000",
      "--vscode-badge-background": "#000000", "--vscode-badge-foreground": "#ffffff", "--vscode-textCodeBlock-background": "#000000",
      "--vscode-panel-background": "#000000", "--vscode-settings-headerBorder": "#6fc3df",
      "--vscode-debugTokenExpression-name": "#ffffff", "--vscode-debugTokenExpression-string": "#ce9178",
      "--vscode-debugTokenExpression-number": "#b5cea8", "--vscode-debugTokenExpression-boolean": "#4e94ce",
      "--vscode-progressBar-background": "#6fc3df",
    },
  },
};
