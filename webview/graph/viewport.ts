/**
 * Zoom and pan for the graph's SVG: ctrl/cmd+wheel (and trackpad pinch) zooms around the pointer,
 * a plain wheel pans, dragging the background pans, `+`/`-`/`0` zoom in, out and fit. The
 * transform is one attribute on one group, so moving the view never touches the nodes; it is
 * reported to the caller to be saved with the panel's view state.
 */

export interface Transform {
  x: number;
  y: number;
  k: number;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
const STEP = 1.25;
const FIT_MARGIN = 24;
/** Below this scale node names are hard to read: a graph fitted on its own is not shrunk further. */
const READABLE_SCALE = 0.6;

export class Viewport {
  private transform: Transform = { x: 0, y: 0, k: 1 };
  private content = { width: 0, height: 0 };
  /** True once the person zoomed or panned: a new layout then keeps their view instead of fitting. */
  moved = false;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly group: SVGGElement,
    private readonly onChange: (transform: Transform) => void,
  ) {
    svg.addEventListener("wheel", (event) => this.onWheel(event), { passive: false });
    svg.addEventListener("pointerdown", (event) => this.onPointerDown(event));
  }

  get current(): Transform {
    return { ...this.transform };
  }

  setContentSize(width: number, height: number): void {
    this.content = { width, height };
  }

  set(transform: Transform, moved = this.moved): void {
    this.transform = { x: transform.x, y: transform.y, k: clamp(transform.k, MIN_SCALE, MAX_SCALE) };
    this.moved = moved;
    this.group.setAttribute("transform", `translate(${round(this.transform.x)},${round(this.transform.y)}) scale(${round(this.transform.k, 1000)})`);
    this.onChange(this.current);
  }

  /**
   * Shows the whole graph (Fit, `0`). A fit the panel makes by itself (`readable`) stops at a
   * readable scale instead, showing the top of a tall graph; the pane then pans to the nodes lit.
   */
  fit(readable = false): void {
    const { width, height } = this.svg.getBoundingClientRect();
    if (!this.content.width || !width || !height) return;
    const k = Math.min((width - 2 * FIT_MARGIN) / this.content.width, (height - 2 * FIT_MARGIN) / this.content.height, 1.5);
    const scale = clamp(readable ? Math.max(k, READABLE_SCALE) : k, MIN_SCALE, MAX_SCALE);
    this.set({ k: scale, x: (width - this.content.width * scale) / 2, y: Math.max(FIT_MARGIN, (height - this.content.height * scale) / 2) }, false);
  }

  zoomBy(factor: number, around?: { x: number; y: number }): void {
    const { width, height } = this.svg.getBoundingClientRect();
    const point = around ?? { x: width / 2, y: height / 2 };
    const k = clamp(this.transform.k * factor, MIN_SCALE, MAX_SCALE);
    const ratio = k / this.transform.k;
    this.set({ k, x: point.x - (point.x - this.transform.x) * ratio, y: point.y - (point.y - this.transform.y) * ratio }, true);
  }

  zoomIn(): void {
    this.zoomBy(STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / STEP);
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.transform, x: this.transform.x + dx, y: this.transform.y + dy }, true);
  }

  /** Pans just enough to show a box given in content coordinates (used when tabbing to a node). */
  reveal(box: { x: number; y: number; width: number; height: number }): void {
    const { width, height } = this.svg.getBoundingClientRect();
    const { x, y, k } = this.transform;
    const left = box.x * k + x;
    const top = box.y * k + y;
    const dx = left < FIT_MARGIN ? FIT_MARGIN - left : Math.min(0, width - FIT_MARGIN - (left + box.width * k));
    const dy = top < FIT_MARGIN ? FIT_MARGIN - top : Math.min(0, height - FIT_MARGIN - (top + box.height * k));
    if (dx || dy) this.set({ k, x: x + dx, y: y + dy }, this.moved);
  }

  /** Keys for the focused graph area; returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    switch (event.key) {
      case "+": case "=": this.zoomIn(); return true;
      case "-": case "_": this.zoomOut(); return true;
      case "0": this.fit(); return true;
      default: return false;
    }
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      this.zoomBy(Math.exp(-event.deltaY * 0.002), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    } else {
      this.panBy(-event.deltaX, -event.deltaY);
    }
  }

  private onPointerDown(event: PointerEvent): void {
    const target = event.target as Element;
    if (event.button !== 0 || target.closest(".node, .bp")) return;
    const start = { x: event.clientX, y: event.clientY, from: this.current };
    this.svg.setPointerCapture(event.pointerId);
    this.svg.classList.add("panning");
    const move = (moveEvent: PointerEvent) => {
      this.set({ ...start.from, x: start.from.x + moveEvent.clientX - start.x, y: start.from.y + moveEvent.clientY - start.y }, true);
    };
    const end = () => {
      this.svg.classList.remove("panning");
      this.svg.removeEventListener("pointermove", move);
      this.svg.removeEventListener("pointerup", end);
      this.svg.removeEventListener("pointercancel", end);
    };
    this.svg.addEventListener("pointermove", move);
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number, precision = 10): number {
  return Math.round(value * precision) / precision;
}
