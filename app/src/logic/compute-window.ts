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

/** A viewport: the visible window and the first visible lane. */
export interface LaneWindow extends XWindow {
  laneTop: number;
}

/**
 * The viewport that shows event `index` of a lane model: unchanged when it is already in view, else
 * panned (same zoom) to centre it and scrolled so its lane is in the middle. `visibleLanes` is how many
 * lanes the plot shows.
 */
export function computeRevealedViewport(
  model: { lanes: readonly { x: Float64Array }[]; laneOf: Int32Array; posOf: Int32Array },
  vp: LaneWindow,
  index: number,
  visibleLanes: number,
  extent: XWindow,
): LaneWindow {
  const li = model.laneOf[index] ?? -1;
  const pos = model.posOf[index] ?? -1;
  const lane = model.lanes[li];
  if (!lane || pos < 0) return vp;
  const x = lane.x[pos] as number;
  let { x0, x1, laneTop } = vp;
  if (x < x0 || x > x1) ({ x0, x1 } = computeCenteredWindow(x, x1 - x0, extent));
  const visible = Math.max(1, Math.floor(visibleLanes));
  if (li < laneTop || li >= laneTop + visible) laneTop = Math.max(0, li - Math.floor(visible / 2));
  return x0 === vp.x0 && laneTop === vp.laneTop ? vp : { x0, x1, laneTop };
}
