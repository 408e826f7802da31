/** First index k in [lo, hi) with keys[k] >= value in a sorted array (hi when none). */
export function lowerBound(
  keys: Float64Array | Int32Array,
  value: number,
  lo = 0,
  hi: number = keys.length,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
