import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNearestMark, computeThinnedMarks } from '../../app/src/logic/compute-marks.js';

function source(starts: number[], durs: number[]) {
  const x = Float64Array.from(starts);
  const xEnd = Float64Array.from(starts.map((s, k) => s + (durs[k] ?? 0)));
  return { x, xEnd };
}

const sortedStarts = fc
  .array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 400 })
  .map((a) => a.sort((p, q) => p - q));

describe('computeThinnedMarks', () => {
  it('draws at most about one mark per pixel column, however many events there are', () => {
    const n = 1_000_000;
    const src = source(
      Array.from({ length: n }, (_, i) => i * 1e-3),
      new Array(n).fill(0),
    );
    const widthPx = 800;
    const emitted = computeThinnedMarks(src, null, 0, 1000, widthPx, 1, () => {});
    expect(emitted).toBeLessThanOrEqual(widthPx + 1);
    expect(emitted).toBeGreaterThan(widthPx / 2 - 1);
  });

  it('leaves no pixel column that holds an event without a mark covering it', () => {
    fc.assert(
      fc.property(sortedStarts, fc.integer({ min: 10, max: 500 }), (starts, widthPx) => {
        const src = source(
          starts,
          starts.map(() => 0),
        );
        const spans: [number, number][] = [];
        computeThinnedMarks(src, null, 0, 1000, widthPx, 1, (_p, s, e) => spans.push([s, e]));
        const scale = widthPx / 1000;
        for (const x of starts) {
          const px = x * scale;
          // A skipped event starts inside (or in the pixel right after) the span of an emitted mark.
          expect(spans.some(([s, e]) => px >= s - 1e-9 && px < Math.floor(e) + 1)).toBe(true);
        }
      }),
    );
  });

  it('walks only the given positions when restricted to a subset', () => {
    const src = source([0, 1, 2, 3, 4, 5], [0, 0, 0, 0, 0, 0]);
    const seen: number[] = [];
    computeThinnedMarks(src, Int32Array.from([1, 4]), 0, 6, 600, 1, (p) => seen.push(p));
    expect(seen).toEqual([1, 4]);
  });

  it('includes a long call that started before the window', () => {
    // A task makes one call at a time: a 100-unit wait, then the next call.
    const src = source([0, 100], [100, 1]);
    const seen: number[] = [];
    computeThinnedMarks(src, null, 60, 70, 100, 1, (p) => seen.push(p));
    expect(seen).toEqual([0]);
  });
});

describe('computeNearestMark', () => {
  it('finds the call under the pointer, and nothing far from any call', () => {
    const src = source([0, 10, 20], [2, 2, 2]);
    expect(computeNearestMark(src, 11, 0.5)).toBe(1);
    expect(computeNearestMark(src, 12.3, 0.5)).toBe(1);
    expect(computeNearestMark(src, 16, 0.5)).toBe(-1);
  });
});
