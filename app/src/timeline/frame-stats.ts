/**
 * Draw times of the last frames, for the UI benchmark (bench/ui-bench.ts reads them through
 * window.__spelunk). A fixed ring buffer: recording costs nothing measurable.
 */
const SIZE = 512;
const times = new Float64Array(SIZE);
let next = 0;
let total = 0;

export function recordFrame(ms: number): void {
  times[next] = ms;
  next = (next + 1) % SIZE;
  total++;
}

/** The draw times recorded since `since` (a value of frameCount()), oldest first, at most SIZE. */
export function framesSince(since: number): number[] {
  const n = Math.min(SIZE, total - since);
  const out: number[] = [];
  for (let k = n; k > 0; k--) out.push(times[(next - k + SIZE) % SIZE] as number);
  return out;
}

export function frameCount(): number {
  return total;
}
