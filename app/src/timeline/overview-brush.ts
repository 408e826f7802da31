import type { XWindow } from '../logic/compute-window.js';

/**
 * Where the overview's brush shows the window, in CSS px from the overview's left edge. The window may
 * lie partly or wholly outside the trace (a linked comparison zoomed past the end of the shorter run):
 * the brush is then clamped to the edge it went past, at least 2 px wide, never negative.
 */
export function computeOverviewBrush(window: XWindow, extent: XWindow, widthCssPx: number): [number, number] {
  const span = extent.x1 - extent.x0 || 1;
  const w = Math.max(2, widthCssPx);
  const clamp = (v: number): number => Math.max(0, Math.min(w, Number.isFinite(v) ? v : 0));
  let a = clamp(((window.x0 - extent.x0) / span) * w);
  let b = clamp(((window.x1 - extent.x0) / span) * w);
  if (b - a < 2) {
    if (a > w - 2) a = w - 2;
    b = a + 2;
  }
  return [a, b];
}
