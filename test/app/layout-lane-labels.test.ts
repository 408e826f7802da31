import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelPlacement, LabelRequest } from '../../app/src/logic/layout-lane-labels.js';
import { LABEL_GAP_PX, fitLabelText, layoutLaneLabels } from '../../app/src/logic/layout-lane-labels.js';

/** A label box as a lane of the comparison asks for them: one or two rows, widths from a few px to most of the plot. */
const request: fc.Arbitrary<LabelRequest> = fc
  .record({
    priority: fc.integer({ min: 0, max: 4 }),
    left: fc.double({ min: -50, max: 1200, noNaN: true }),
    top: fc.constantFrom(-1, 0, 2, 7, 22, 29),
    width: fc.double({ min: 1, max: 400, noNaN: true }),
    shrink: fc.double({ min: 0, max: 1, noNaN: true }),
    slide: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: undefined }),
    right: fc.option(fc.double({ min: 0, max: 1400, noNaN: true }), { nil: undefined }),
  })
  .map(({ priority, left, top, width, shrink, slide, right }) => ({
    priority,
    left,
    top,
    width,
    height: 14,
    minWidth: Math.max(0.5, width * shrink),
    maxLeft: slide === undefined ? undefined : left + slide,
    maxRight: right,
  }));

const overlaps = (a: LabelPlacement, b: LabelPlacement): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

describe('layoutLaneLabels: the labels of one lane, none over another', () => {
  it('never places two labels that overlap, and keeps each within what it allowed', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const placed = layoutLaneLabels(requests);
        for (let a = 0; a < placed.length; a++)
          for (let b = a + 1; b < placed.length; b++) expect(overlaps(placed[a]!, placed[b]!)).toBe(false);
        for (const p of placed) {
          const r = requests[p.index]!;
          expect(p.top).toBe(r.top);
          expect(p.height).toBe(r.height);
          expect(p.left).toBeGreaterThanOrEqual(r.left);
          expect(p.left).toBeLessThanOrEqual(Math.max(r.left, r.maxLeft ?? r.left));
          expect(p.width).toBeLessThanOrEqual(r.width);
          expect(p.width).toBeGreaterThanOrEqual(Math.min(r.minWidth, r.width));
          expect(p.left + p.width).toBeLessThanOrEqual((r.maxRight ?? Infinity) + 1e-9);
        }
      }),
    );
  });

  it('never gives up a label for one of a lower priority: adding lower ones changes nothing above them', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (requests, cut) => {
        const all = layoutLaneLabels(requests);
        const keep = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.priority <= cut);
        const alone = layoutLaneLabels(keep.map(({ r }) => r)).map((p) => ({
          ...p,
          index: keep[p.index]!.i,
        }));
        expect(all.filter((p) => requests[p.index]!.priority <= cut)).toEqual(alone);
      }),
    );
  });

  it('draws a label in full where it asked when nothing else is in its way', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        const placed = layoutLaneLabels(requests);
        requests.forEach((r, i) => {
          const box = { index: i, left: r.left, top: r.top, width: r.width, height: r.height };
          const clear = requests.every(
            (o, j) =>
              j === i ||
              !overlaps(
                { ...box, left: box.left - LABEL_GAP_PX, width: box.width + 2 * LABEL_GAP_PX },
                {
                  index: j,
                  left: o.left,
                  top: o.top,
                  width: Math.max(o.width, (o.maxLeft ?? o.left) - o.left + o.width),
                  height: o.height,
                },
              ),
          );
          if (clear && r.left + r.width <= (r.maxRight ?? Infinity) && r.minWidth <= r.width)
            expect(placed.find((p) => p.index === i)).toEqual(box);
        });
      }),
    );
  });

  // The defect this layout fixes, as the bare-chroot comparison drew it: lane B's failure label across the
  // start of the "chroot start-up" phase label, and "≠ args" labels on the phases further right.
  it('lets the failure label keep its place, moves the phase label along its band, shortens or drops the rest', () => {
    const failure = { priority: 0, left: 182, top: 0, width: 98, height: 14, minWidth: 30 };
    const phase = {
      priority: 3,
      left: 170,
      top: 2,
      width: 104,
      height: 14,
      minWidth: 34,
      maxLeft: 420,
      maxRight: 460,
    };
    const change = { priority: 4, left: 300, top: 7, width: 40, height: 14, minWidth: 30 };
    const placed = layoutLaneLabels([change, phase, failure]);
    expect(placed.find((p) => p.index === 2)).toMatchObject({ left: 182, width: 98 });
    // The phase label's own place is taken: it moves right of the failure label, whole, within its band.
    expect(placed.find((p) => p.index === 1)).toMatchObject({ left: 182 + 98 + LABEL_GAP_PX, width: 104 });
    // "≠ args" at 300 would cover the phase label: nothing is left for it.
    expect(placed.find((p) => p.index === 0)).toBeUndefined();
    // With a narrower band the phase label is shortened to the room it has, not drawn over.
    const narrow = layoutLaneLabels([failure, { ...phase, maxRight: 330 }]);
    expect(narrow[1]).toMatchObject({ left: 282, width: 48 });
  });
});

describe('fitLabelText', () => {
  const measure = (t: string): number => Array.from(t).length * 6;
  it('keeps a text that fits, and cuts one that does not at the longest beginning that fits with "…"', () => {
    expect(fitLabelText('chroot start-up', 90, measure)).toBe('chroot start-up');
    expect(fitLabelText('chroot start-up', 60, measure)).toBe('chroot st…');
    expect(fitLabelText('libc start-up: hello', 42, measure)).toBe('libc s…');
    expect(fitLabelText('chroot start-up', 20, measure)).toBeNull();
  });

  it('never returns a text wider than the room, nor fewer than the characters asked for', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (text, room) => {
          const out = fitLabelText(text, room, measure, 3);
          if (out === null) return;
          expect(measure(out)).toBeLessThanOrEqual(room);
          if (out !== text) {
            expect(out.endsWith('…')).toBe(true);
            expect(text.startsWith(out.slice(0, -1))).toBe(true);
            expect(Array.from(out).length - 1).toBeGreaterThanOrEqual(3);
          }
        },
      ),
    );
  });
});
