/**
 * The state as an editable tree: objects and arrays fold open, leaves show their value colored by
 * type, and a leaf is edited in place (click it, or focus it and press Enter or F2). What is typed
 * is read as JSON, or taken as a plain string when it is not JSON, the same rule as interrupt
 * answers. The open branches are flattened into rows, and only the rows in view are drawn
 * (virtualRows.ts), so a list of a thousand messages costs a few dozen elements however far it is
 * scrolled; a row shows a long string cut short (the editor holds all of it).
 */
import { h } from "../dom";
import { parseJson } from "./validate";
import { VirtualRows } from "./virtualRows";

export type JsonPath = (string | number)[];

export interface TreeEvents {
  /** A leaf got a new value at `path` (top-level key first). */
  onEdit(path: JsonPath, value: unknown): void;
  /** Whether the branch is open; `id` is `JSON.stringify(path)`. */
  isOpen(id: string, path: JsonPath, size: number): boolean;
  setOpen(id: string, open: boolean): void;
}

/** One line of the tree. */
interface Row {
  key: string | number;
  value: unknown;
  path: JsonPath;
  /** `JSON.stringify(path)`, built a segment at a time (a long list would stringify every path). */
  id: string;
  level: number;
  position: number;
  siblings: number;
  /** For a branch: its number of children. */
  size?: number;
  open?: boolean;
}

/** Characters of a leaf's JSON shown in its row (a row is one line of a side pane). */
export const SHOWN_CHARS = 120;

/** The tree of `values` in its own scrolling box (`.state-tree` is the list inside it). */
export function renderTree(values: Record<string, unknown>, events: TreeEvents): HTMLElement {
  if (Object.keys(values).length === 0) return h("p", { class: "tree-empty" }, "The state is empty.");
  const list = h("ul", { class: "state-tree", role: "tree", "aria-label": "State values" });
  const view = new VirtualRows(list, "state-tree-scroll");
  const draw = () => {
    const rows = flatten(values, events);
    view.setRows({ count: rows.length, render: (index) => renderRow(rows[index], events, toggle) });
  };
  const toggle = (row: Row, refocus: boolean) => {
    events.setOpen(row.id, !row.open);
    draw();
    if (refocus) focusRow(list, row.id);
  };
  draw();
  return view.element;
}

function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** The rows of every open branch, in order. */
function flatten(values: Record<string, unknown>, events: TreeEvents): Row[] {
  const rows: Row[] = [];
  const visit = (container: Record<string, unknown> | unknown[], path: JsonPath, inner: string, level: number) => {
    const keys: (string | number)[] = Array.isArray(container) ? container.map((_, index) => index) : Object.keys(container);
    keys.forEach((key, position) => {
      const value = (container as Record<string | number, unknown>)[key];
      const segment = inner ? `${inner},${JSON.stringify(key)}` : JSON.stringify(key);
      const row: Row = { key, value, path: [...path, key], id: `[${segment}]`, level, position: position + 1, siblings: keys.length };
      rows.push(row);
      if (!isBranch(value)) return;
      row.size = Array.isArray(value) ? value.length : Object.keys(value).length;
      row.open = events.isOpen(row.id, row.path, row.size);
      if (row.open) visit(value, row.path, segment, level + 1);
    });
  };
  visit(values, [], "", 1);
  return rows;
}

function renderRow(row: Row, events: TreeEvents, toggle: (row: Row, refocus: boolean) => void): HTMLElement {
  const item = h("li", {
    class: "tree-item", role: "treeitem", "aria-level": row.level, "aria-posinset": row.position, "aria-setsize": row.siblings, "data-path": row.id,
  });
  item.style.setProperty("--level", String(row.level - 1));
  const keyLabel = h("span", { class: "tree-key" }, typeof row.key === "number" ? `[${row.key}]` : row.key);
  if (row.size === undefined) {
    item.append(h("div", { class: "tree-row" }, keyLabel, leafValue(row.value, row.path, events)));
    return item;
  }
  const summary = Array.isArray(row.value) ? `Array(${row.size})` : `{${row.size} key${row.size === 1 ? "" : "s"}}`;
  const toggleButton = h("button", { class: "tree-toggle", type: "button", "aria-label": `Open ${row.key}`, tabindex: -1 });
  const line = h("div", { class: "tree-row tree-branch", tabindex: 0 }, toggleButton, keyLabel, h("span", { class: "tree-summary" }, summary));
  item.setAttribute("aria-expanded", String(row.open));
  item.append(line);
  line.addEventListener("click", () => toggle(row, false));
  line.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " " || (event.key === "ArrowRight" && !row.open) || (event.key === "ArrowLeft" && row.open)) {
      event.preventDefault();
      toggle(row, true);
    }
  });
  return item;
}

/** Puts the focus back on a branch's row once the tree is drawn again. */
function focusRow(list: HTMLElement, id: string): void {
  const item = Array.from(list.children).find((child) => child.getAttribute("data-path") === id);
  (item?.querySelector(".tree-row") as HTMLElement | null)?.focus();
}

function leafValue(value: unknown, path: JsonPath, events: TreeEvents): HTMLElement {
  const type = value === null ? "null" : typeof value;
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
  const span = h("span", { class: `tree-value value-${type}`, tabindex: 0, role: "button", title: "Click or press Enter to edit" }, shown);
  const edit = () => startEdit(span, value, path, events);
  span.addEventListener("click", edit);
  span.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      edit();
    }
  });
  return span;
}

function startEdit(span: HTMLElement, value: unknown, path: JsonPath, events: TreeEvents): void {
  const field = h("vscode-textfield", { class: "tree-editor", "aria-label": `New value for ${path.join(".")}` }) as HTMLElement & { value: string };
  field.value = JSON.stringify(value) ?? "";
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    if (commit) {
      const parsed = parseJson(field.value);
      events.onEdit(path, parsed.ok ? parsed.value : field.value);
    } else {
      field.replaceWith(span);
      span.focus();
    }
  };
  field.addEventListener("keydown", (event: KeyboardEvent) => {
    if (event.key === "Enter") { event.preventDefault(); finish(true); }
    if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); finish(false); }
  });
  field.addEventListener("focusout", () => finish(true));
  span.replaceWith(field);
  requestAnimationFrame(() => field.focus());
}

/**
 * A copy of `root` with `value` set at `path`: only the objects on the path are copied, the rest
 * is shared, so an edit in a large state costs its depth, not its size (values are never changed in place).
 */
export function setAtPath(root: Record<string, unknown>, path: JsonPath, value: unknown): Record<string, unknown> {
  const copy = (container: unknown): Record<string | number, unknown> =>
    (Array.isArray(container) ? [...container] : { ...(container as Record<string, unknown>) }) as Record<string | number, unknown>;
  const top = copy(root);
  let target = top;
  for (const step of path.slice(0, -1)) target = target[step] = copy(target[step]);
  target[path[path.length - 1]] = value;
  return top as Record<string, unknown>;
}
