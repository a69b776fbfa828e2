/**
 * A tiny element builder for the panel. Text always goes in as text nodes (state values and node
 * names are user data, never HTML), attributes are set one by one, and `on*` keys add listeners.
 * Never sets a `style` attribute: the CSP forbids inline styles, so looks live in media/panel.css.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, unknown>;

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(element: Element, attrs: Attrs | undefined, children: Child[]): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value as EventListener);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  apply(element, attrs, children);
  return element;
}

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attrs, children);
  return element;
}

/** Replaces all children of `parent`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  apply(parent, undefined, children);
}

/** Shows or hides an inline error (or note) element. */
export function setMessage(element: HTMLElement, text: string | undefined): void {
  element.textContent = text ?? "";
  element.hidden = !text;
}
