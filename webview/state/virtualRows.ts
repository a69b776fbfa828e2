/**
 * A list of fixed-height rows of which only those in view (and a few around them) are in the
 * DOM: the state tree and the JSON view of a 1,000-message state hold a few dozen elements, not a
 * few hundred thousand. A sizer as tall as every row gives the scrollbar its true length; rows are
 * placed by their index. A row that stays in view across a repaint is kept as it is, so a value
 * being edited in it survives scrolling a little. Positions go through CSSOM (`style.setProperty`),
 * which the panel's CSP allows, unlike style attributes.
 */
import { h } from "../dom";

/** Height of one row in CSS pixels; media/panel.css gives `.virtual-row` the same. */
export const ROW_HEIGHT = 22;
/** Rows drawn beyond each edge of the view, so a small scroll shows no gap. */
const OVERSCAN = 20;

export interface RowSource {
  count: number;
  render(index: number): HTMLElement;
}

export class VirtualRows {
  /** The scrolling box; put it in the page. */
  readonly element: HTMLElement;
  private readonly sizer: HTMLElement;
  private readonly shown = new Map<number, HTMLElement>();
  private source: RowSource = { count: 0, render: () => h("li") };
  private frame = 0;

  constructor(list: HTMLElement, className: string) {
    this.sizer = list;
    this.sizer.classList.add("virtual-sizer");
    this.element = h("div", { class: `virtual-scroll ${className}` }, this.sizer);
    this.element.addEventListener("scroll", () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** New rows (a branch opened, another state): every row is drawn again. */
  setRows(source: RowSource): void {
    this.source = source;
    for (const row of this.shown.values()) row.remove();
    this.shown.clear();
    this.sizer.style.setProperty("height", `${source.count * ROW_HEIGHT}px`);
    this.paint();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Draws the rows in view; before the box is laid out, as many as a window's height holds. */
  private paint(): void {
    const height = this.element.clientHeight || window.innerHeight;
    const first = Math.max(0, Math.floor(this.element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.source.count, Math.ceil((this.element.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    for (const [index, row] of this.shown) {
      if (index < first || index >= last) {
        row.remove();
        this.shown.delete(index);
      }
    }
    for (let index = first; index < last; index++) {
      if (this.shown.has(index)) continue;
      const row = this.source.render(index);
      row.classList.add("virtual-row");
      row.style.setProperty("top", `${index * ROW_HEIGHT}px`);
      this.sizer.insertBefore(row, this.nextShown(index));
      this.shown.set(index, row);
    }
  }

  /** The drawn row after `index`, so rows stay in document order (what assistive technology reads). */
  private nextShown(index: number): HTMLElement | null {
    let next: number | undefined;
    for (const shown of this.shown.keys()) if (shown > index && (next === undefined || shown < next)) next = shown;
    return next === undefined ? null : this.shown.get(next)!;
  }
}
