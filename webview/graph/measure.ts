/**
 * Text measuring for the layout: the page has the real font, the worker does not, so box sizes are
 * decided here before a layout is requested.
 */
import type { MeasureText } from "./scene";

/**
 * Measures text with the panel's real font, so boxes fit their names. Made once per layout: the
 * computed style is read once and the canvas font is set only when it changes, which keeps a
 * 500-node graph's measuring to a few milliseconds.
 */
export function textMeasurer(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  const style = getComputedStyle(document.body);
  const nodeSize = parseFloat(style.fontSize) || 13;
  const fonts = { node: `600 ${nodeSize}px ${style.fontFamily}`, small: `400 11px ${style.fontFamily}` };
  let current = "";
  return (text, kind) => {
    if (!context) return text.length * (kind === "node" ? nodeSize : 11) * 0.6;
    const font = kind === "node" ? fonts.node : fonts.small;
    if (font !== current) context.font = current = font;
    return context.measureText(text).width;
  };
}
