import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeClampedWindow,
  computePannedWindow,
  computeZoomedWindow,
} from '../../app/src/logic/compute-window.js';

const extent = { x0: 0, x1: 1000 };

describe('zoom and pan windows', () => {
  it('zooming in then out about the same anchor returns the same window', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 900, noNaN: true }),
        fc.double({ min: 10, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1.01, max: 8, noNaN: true }),
        (x0, span, anchor, factor) => {
          const w = { x0, x1: x0 + span };
          const back = computeZoomedWindow(
            computeZoomedWindow(w, factor, anchor, extent, 1e-6),
            1 / factor,
            anchor,
            extent,
            1e-6,
          );
          expect(back.x0).toBeCloseTo(w.x0, 6);
          expect(back.x1).toBeCloseTo(w.x1, 6);
        },
      ),
    );
  });

  it('keeps every window inside the extent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        (x0, span) => {
          const w = computeClampedWindow({ x0, x1: x0 + span }, extent);
          expect(w.x0).toBeGreaterThanOrEqual(0);
          expect(w.x1).toBeLessThanOrEqual(1000 + 1e-9);
        },
      ),
    );
  });

  it('pans by a fraction of the window and stops at the ends', () => {
    expect(computePannedWindow({ x0: 100, x1: 200 }, 0.5, extent)).toEqual({ x0: 150, x1: 250 });
    expect(computePannedWindow({ x0: 900, x1: 1000 }, 0.5, extent)).toEqual({ x0: 900, x1: 1000 });
  });

  it('does not zoom past the minimum span', () => {
    const w = computeZoomedWindow({ x0: 0, x1: 10 }, 1000, 0.5, extent, 5);
    expect(w.x1 - w.x0).toBeCloseTo(5);
  });
});
