import type { LaneModel } from '../logic/compute-lanes.js';
import { computeClampedWindow, computeMinSpan } from '../logic/compute-window.js';
import type { Viewport } from '../store/create-app-store.js';

/**
 * The viewport that shows a lesson step: every event of the step with some context either side, and the
 * focus event's lane near the top. Pure: x comes from the lane model, so it works in time and call order.
 */
export function computeStepViewport(
  model: LaneModel,
  events: readonly number[],
  focus: number,
  visibleLanes: number,
): Viewport | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of events) {
    const lane = model.lanes[model.laneOf[i] ?? -1];
    const pos = model.posOf[i] ?? -1;
    if (!lane || pos < 0) continue;
    lo = Math.min(lo, lane.x[pos] as number);
    hi = Math.max(hi, lane.xEnd[pos] as number);
  }
  const focusLane = model.laneOf[focus] ?? -1;
  if (!Number.isFinite(lo) || focusLane < 0) return null;
  const full = model.xMax - model.xMin;
  // Context: a third of the step's own extent each side, and never less than 4% of the whole trace (or
  // 20 calls in call order), so a single call is shown among its neighbours rather than alone.
  const floor = Math.max(full * 0.04, model.xMode === 'order' ? 20 : 0, computeMinSpan(model.xMode));
  const span = Math.max(hi - lo, 0);
  const pad = Math.max(span / 3, floor / 2);
  const w = computeClampedWindow({ x0: lo - pad, x1: hi + pad }, { x0: model.xMin, x1: model.xMax });
  const maxTop = Math.max(0, model.lanes.length - visibleLanes);
  return { x0: w.x0, x1: w.x1, laneTop: Math.min(maxTop, Math.max(0, focusLane - 1)) };
}
