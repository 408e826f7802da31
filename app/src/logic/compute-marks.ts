/**
 * Level of detail for the timeline: at most one mark per pixel column per lane. Instead of visiting every
 * event in view, the walk jumps (by binary search) to the first event of the next free pixel column, so a
 * frame costs O(lanes x columns x log n) whatever the number of events. Adjacent marks of one colour are
 * merged into one run, so a busy lane zoomed out becomes a few rectangles.
 */

import { lowerBound } from './search-sorted.js';

export interface MarkSource {
  x: Float64Array;
  xEnd: Float64Array;
}

/**
 * Calls `emit(pos, startCssPx, endCssPx)` for the events of `src` visible in [x0, x1] drawn `widthCssPx`
 * wide, thinned to one per pixel column. `positions` restricts the walk to a subset (sorted positions into
 * src, e.g. the failed calls); null means every event. Marks are at least `minWidthCssPx` wide.
 */
export function computeThinnedMarks(
  src: MarkSource,
  positions: Int32Array | null,
  x0: number,
  x1: number,
  widthCssPx: number,
  minWidthCssPx: number,
  emit: (pos: number, startCssPx: number, endCssPx: number) => void,
): number {
  const n = positions ? positions.length : src.x.length;
  if (!n || x1 <= x0 || widthCssPx <= 0) return 0;
  const scale = widthCssPx / (x1 - x0);
  const keyAt = positions
    ? (k: number): number => src.x[positions[k] as number] as number
    : (k: number): number => src.x[k] as number;
  const posAt = positions ? (k: number): number => positions[k] as number : (k: number): number => k;
  const search = (value: number, lo: number): number => {
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keyAt(mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Galloping from `lo`: the next free column's first event is usually close, so this costs O(log distance).
  const gallop = (value: number, lo: number): number => {
    let step = 1;
    let prev = lo;
    while (lo + step - 1 < n && keyAt(lo + step - 1) < value) {
      prev = lo + step;
      step *= 2;
    }
    let hi = Math.min(n, lo + step - 1);
    let a = prev;
    while (a < hi) {
      const mid = (a + hi) >>> 1;
      if (keyAt(mid) < value) a = mid + 1;
      else hi = mid;
    }
    return a;
  };
  let k = search(x0, 0);
  // The call just before the window may still be running inside it (one long wait, a sleep).
  if (k > 0 && (src.xEnd[posAt(k - 1)] as number) > x0) k--;
  let emitted = 0;
  while (k < n) {
    const pos = posAt(k);
    const xs = src.x[pos] as number;
    if (xs > x1) break;
    const startPx = (xs - x0) * scale;
    const endPx = Math.max(startPx + minWidthCssPx, ((src.xEnd[pos] as number) - x0) * scale);
    emit(pos, startPx, endPx);
    emitted++;
    // Everything that would start before the next whole pixel is hidden under this mark: skip it.
    const nextPx = Math.floor(endPx) + 1;
    const next = gallop(x0 + nextPx / scale, k + 1);
    k = next > k ? next : k + 1;
  }
  return emitted;
}

/** Which mark in `src` is nearest to x within `toleranceX` (by distance to its [x, xEnd] span), or -1. */
export function computeNearestMark(src: MarkSource, x: number, toleranceX: number): number {
  const n = src.x.length;
  if (!n) return -1;
  const k = lowerBound(src.x, x);
  let best = -1;
  let bestDist = Infinity;
  for (let j = Math.max(0, k - 2); j < Math.min(n, k + 2); j++) {
    const xs = src.x[j] as number;
    const xe = src.xEnd[j] as number;
    const d = x < xs ? xs - x : x > xe ? x - xe : 0;
    if (d < bestDist) [best, bestDist] = [j, d];
  }
  return bestDist <= toleranceX ? best : -1;
}
