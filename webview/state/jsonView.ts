/**
 * The state as JSON text. A small state is an editable text area at once. A large one (a long
 * chat) is first shown a screen of lines at a time, because a text area holding megabytes takes
 * the page seconds to lay out; "Edit as text" turns it into the text area when a person means to
 * edit it.
 */
import { h } from "../dom";
import { VirtualRows } from "./virtualRows";

/** Characters of JSON above which the text is shown line by line until edited. */
export const LARGE_JSON_CHARS = 200_000;

/** The JSON of `text`, calling `onInput` with each edit. */
export function renderJson(text: string, onInput: (text: string) => void): HTMLElement {
  if (text.length <= LARGE_JSON_CHARS) return textArea(text, onInput);
  const lines = text.split("\n");
  const list = h("ol", { class: "json-lines", "aria-label": `State as JSON, ${lines.length} lines` });
  const view = new VirtualRows(list, "json-scroll");
  view.setRows({ count: lines.length, render: (index) => h("li", { class: "json-line" }, lines[index]) });
  const box = h("div", { class: "state-json-large" });
  const edit = h("vscode-button", { class: "edit-json", secondary: true }, "Edit as text");
  edit.addEventListener("click", () => {
    const area = textArea(text, onInput);
    box.replaceWith(area);
    requestAnimationFrame(() => area.focus());
  });
  box.append(h("div", { class: "json-note" }, `${lines.length.toLocaleString()} lines. `, edit), view.element);
  return box;
}

function textArea(text: string, onInput: (text: string) => void): HTMLElement {
  const area = h("vscode-textarea", { class: "state-json", monospace: true, rows: 14, resize: "vertical", "aria-label": "State as JSON", spellcheck: "false" }) as HTMLElement & { value: string };
  area.value = text;
  area.addEventListener("input", () => onInput(area.value));
  return area;
}
