/**
 * Draw times of the last frames of one app instance, for the UI benchmark (bench/ui-bench.ts reads them
 * through window.__spelunk): the timelines' frames, and the comparison's diff layers apart. A fixed ring
 * buffer: recording costs nothing measurable.
 */
export interface FrameStats {
  recordFrame(ms: number): void;
  /** The draw times recorded since `since` (a value of frameCount()), oldest first, at most 512. */
  framesSince(since: number): number[];
  frameCount(): number;
  /** Draw times of the comparison's layers (marks over both timelines, the strip), newest last. */
  readonly compareLayerTimes: number[];
}

const SIZE = 512;

export function createFrameStats(): FrameStats {
  const times = new Float64Array(SIZE);
  let next = 0;
  let total = 0;
  const compareLayerTimes: number[] = [];
  return {
    recordFrame(ms) {
      times[next] = ms;
      next = (next + 1) % SIZE;
      total++;
    },
    framesSince(since) {
      const n = Math.min(SIZE, total - since);
      const out: number[] = [];
      for (let k = n; k > 0; k--) out.push(times[(next - k + SIZE) % SIZE] as number);
      return out;
    },
    frameCount: () => total,
    compareLayerTimes,
  };
}
