/** Pure viewport math for zoom and pan: windows are [x0, x1] in x units, clamped to the extent. */

export interface XWindow {
  x0: number;
  x1: number;
}

/** Zooms by `factor` (> 1 zooms in) keeping the point at `anchor` (0..1 across the window) in place. */
export function computeZoomedWindow(
  w: XWindow,
  factor: number,
  anchor: number,
  extent: XWindow,
  minSpan: number,
): XWindow {
  const span = w.x1 - w.x0;
  const full = extent.x1 - extent.x0;
  const nextSpan = Math.min(full, Math.max(minSpan, span / factor));
  const pivot = w.x0 + anchor * span;
  return computeClampedWindow(
    { x0: pivot - anchor * nextSpan, x1: pivot - anchor * nextSpan + nextSpan },
    extent,
  );
}

/** Pans by `fraction` of the window's width (positive moves later). */
export function computePannedWindow(w: XWindow, fraction: number, extent: XWindow): XWindow {
  const d = (w.x1 - w.x0) * fraction;
  return computeClampedWindow({ x0: w.x0 + d, x1: w.x1 + d }, extent);
}

/** Keeps the window's width and moves it inside the extent (or shrinks it to the extent). */
export function computeClampedWindow(w: XWindow, extent: XWindow): XWindow {
  const span = Math.min(w.x1 - w.x0, extent.x1 - extent.x0);
  let x0 = w.x0;
  if (x0 < extent.x0) x0 = extent.x0;
  if (x0 + span > extent.x1) x0 = extent.x1 - span;
  return { x0, x1: x0 + span };
}

/** A window of `span` centred on x (for "go to the selected call"). */
export function computeCenteredWindow(x: number, span: number, extent: XWindow): XWindow {
  return computeClampedWindow({ x0: x - span / 2, x1: x + span / 2 }, extent);
}

/** The smallest window worth zooming to: 100 ns of time, or 10 calls in call order. */
export function computeMinSpan(xMode: 'time' | 'order'): number {
  return xMode === 'time' ? 1e-7 : 10;
}
