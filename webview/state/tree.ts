/**
 * The state as an editable tree: objects and arrays fold open, leaves show their value colored by
 * type, and a leaf is edited in place (click it, or focus it and press Enter or F2). What is typed
 * is read as JSON, or taken as a plain string when it is not JSON, the same rule as interrupt
 * answers. Children are built only when a branch is opened, so a long message list costs nothing
 * until someone looks at it.
 */
import { h } from "../dom";
import { parseJson } from "./validate";

export type JsonPath = (string | number)[];

export interface TreeEvents {
  /** A leaf got a new value at `path` (top-level key first). */
  onEdit(path: JsonPath, value: unknown): void;
  /** Whether the branch at this path is open. */
  isOpen(path: JsonPath, size: number): boolean;
  setOpen(path: JsonPath, open: boolean): void;
}

export function renderTree(values: Record<string, unknown>, events: TreeEvents): HTMLElement {
  const root = h("ul", { class: "state-tree", role: "tree", "aria-label": "State values" });
  for (const key of Object.keys(values)) root.append(renderItem(key, values[key], [key], events, 1));
  if (!root.childElementCount) root.append(h("li", { class: "tree-empty" }, "The state is empty."));
  return root;
}

function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function renderItem(key: string | number, value: unknown, path: JsonPath, events: TreeEvents, level: number): HTMLLIElement {
  const item = h("li", { class: "tree-item", role: "treeitem", "aria-level": level, "data-path": JSON.stringify(path) });
  const keyLabel = h("span", { class: "tree-key" }, typeof key === "number" ? `[${key}]` : key);
  if (!isBranch(value)) {
    item.append(h("div", { class: "tree-row" }, keyLabel, leafValue(value, path, events)));
    return item;
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length} key${entries.length === 1 ? "" : "s"}}`;
  const children = h("ul", { class: "tree-children", role: "group" });
  const toggle = h("button", { class: "tree-toggle", type: "button", "aria-label": `Open ${key}`, tabindex: -1 });
  const row = h("div", { class: "tree-row tree-branch", tabindex: 0 }, toggle, keyLabel, h("span", { class: "tree-summary" }, summary));
  item.append(row, children);
  const setOpen = (open: boolean) => {
    item.setAttribute("aria-expanded", String(open));
    if (open && !children.childElementCount) {
      for (const [childKey, childValue] of entries) children.append(renderItem(childKey, childValue, [...path, childKey], events, level + 1));
    }
    children.hidden = !open;
  };
  setOpen(events.isOpen(path, entries.length));
  const flip = () => {
    const open = item.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    events.setOpen(path, open);
  };
  row.addEventListener("click", flip);
  row.addEventListener("keydown", (event) => {
    const open = item.getAttribute("aria-expanded") === "true";
    if (event.key === "Enter" || event.key === " " || (event.key === "ArrowRight" && !open) || (event.key === "ArrowLeft" && open)) {
      event.preventDefault();
      flip();
    }
  });
  return item;
}

function leafValue(value: unknown, path: JsonPath, events: TreeEvents): HTMLElement {
  const type = value === null ? "null" : typeof value;
  const span = h("span", { class: `tree-value value-${type}`, tabindex: 0, role: "button", title: "Click or press Enter to edit" }, JSON.stringify(value) ?? String(value));
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

/** A copy of `root` with `value` set at `path`. */
export function setAtPath(root: Record<string, unknown>, path: JsonPath, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let target: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}
