import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelPlacement, LabelRequest } from '../../app/src/logic/layout-lane-labels.js';
import { LABEL_GAP_PX, fitLabelText, layoutLaneLabels } from '../../app/src/logic/layout-lane-labels.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { selectLaneModelOf } from '../../app/src/store/selectors.js';
import { buildTimelineFrame } from '../../app/src/timeline/build-frame.js';
import { GUTTER_CSS_PX, drawOverlay } from '../../app/src/timeline/draw-timeline.js';
import type { DrawnLabel } from '../../app/src/timeline/lane-labels.js';
import { buildPhaseBands, drawTimelineLabels } from '../../app/src/timeline/timeline-labels.js';
import { loadCorpusTrace } from './load-corpus.js';
import { recordingCanvas } from './recording-context.js';

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

/** The single view of a real run with its phases, as the app shows it (the store, the frame it builds). */
function singleView(name: string) {
  const { trace, data } = loadCorpusTrace(name);
  const app = createAppStore();
  app.getState().setTrace('a', data);
  const phases = computePhases(trace);
  app.getState().setLesson({ phases: { a: { traceId: data.id, phases } } });
  const model = selectLaneModelOf(app.getState(), 'a')!;
  const frameAt = (x0: number, x1: number, width = 1200) => {
    app.getState().setViewport('a', { x0, x1, laneTop: 0 });
    const f = buildTimelineFrame(app.getState(), 'a', { widthCssPx: width, heightCssPx: 4 * 22 })!;
    return { f, bands: buildPhaseBands(app.getState(), 'a', f) };
  };
  return { model, phases, frameAt };
}

const apart = (l: DrawnLabel, m: DrawnLabel): boolean =>
  l.x + l.width <= m.x || m.x + m.width <= l.x || l.y + l.height <= m.y || m.y + m.height <= l.y;

describe('the single view: phase labels and call names laid out together', () => {
  it('draws no label over another, at the whole run and closer and closer on its start, at three widths', () => {
    for (const name of ['foo-chroot-fails.log', 'pipe-f-yy.log']) {
      const { model, frameAt } = singleView(name);
      let phases = 0;
      let names = 0;
      for (const width of [800, 1200, 1920])
        for (const k of [1, 5, 20, 100, 500, 2000]) {
          const { f, bands } = frameAt(model.xMin, model.xMin + (model.xMax - model.xMin) / k, width);
          const { ctx, log } = recordingCanvas();
          const labels = drawTimelineLabels(ctx, f, bands, false);
          for (let p = 0; p < labels.length; p++)
            for (let q = p + 1; q < labels.length; q++)
              expect(apart(labels[p]!, labels[q]!), `${labels[p]!.text} over ${labels[q]!.text}`).toBe(true);
          for (const l of labels) {
            expect(log).toContain(`fillText ${l.text} ${l.x + 3} ${l.y + 7}`);
            expect(l.x).toBeGreaterThanOrEqual(GUTTER_CSS_PX);
            expect(l.x + l.width).toBeLessThanOrEqual(width + 1e-9);
          }
          phases += labels.filter((l) => l.kind === 'phase').length;
          names += labels.filter((l) => l.kind === 'name').length;
        }
      expect(phases).toBeGreaterThan(0);
      if (name === 'foo-chroot-fails.log') expect(names).toBeGreaterThan(0);
    }
  });

  // The older rule drew a phase label only if it fitted its band whole ("startup" in a band 40 px wide:
  // nothing); now it is shortened first, as in the comparison.
  it('shortens a phase label with "…" in a band too narrow for it, before dropping it', () => {
    const { model, phases, frameAt } = singleView('foo-chroot-fails.log');
    const startup = phases.find((p) => p.kind === 'startup')!;
    const lane = model.lanes[model.laneOf[startup.firstIndex]!]!;
    const from = lane.x[model.posOf[startup.firstIndex]!]!;
    const to = lane.xEnd[model.posOf[startup.lastIndex]!]!;
    // The band 40 px wide: neither "libc start-up: chroot" nor "startup" fits, "star…" does.
    const span = ((to - from) * (1200 - GUTTER_CSS_PX)) / 40;
    const { f, bands } = frameAt(from - span / 2, from + span / 2);
    expect(bands.find((b) => b.kind === 'startup')!.widthCssPx).toBeCloseTo(40, 0);
    const labels = drawTimelineLabels(recordingCanvas().ctx, f, bands, false);
    expect(labels.filter((l) => l.kind === 'phase').map((l) => l.text)).toContain('star…');
  });

  // A range selected with shift-drag has its duration written at the top of the plot by the timeline
  // underneath ("1.2 ms"): the labels keep its place free, as they keep each other's.
  it("keeps a selected range's duration clear of every label", () => {
    const { model, phases, frameAt } = singleView('foo-chroot-fails.log');
    const loader = phases.find((p) => p.kind === 'loader')!;
    const lane = model.lanes[model.laneOf[loader.firstIndex]!]!;
    const from = lane.x[model.posOf[loader.firstIndex]!]!;
    let ranges = 0;
    for (const k of [1, 20, 200])
      for (const at of [0, 0.3]) {
        // The window starts at the loader's band, whose label sits where the duration is written.
        const span = (model.xMax - model.xMin) / k;
        const { f } = frameAt(from - span * at, from - span * at + span);
        const range = { x0: f.x0 + span * at, x1: f.x0 + span * (at + 0.1) };
        const { ctx, log } = recordingCanvas();
        const labels = drawTimelineLabels(ctx, { ...f, range }, frameAt(f.x0, f.x1).bands, false);
        const duration = labels.find((l) => l.kind === 'range');
        expect(duration).toBeDefined();
        ranges++;
        // Not painted by the labels' layer: the timeline writes it, there.
        expect(log.some((l) => l.startsWith(`fillText ${duration!.text} `))).toBe(false);
        const overlay = recordingCanvas();
        drawOverlay(overlay.ctx, { ...f, range });
        expect(overlay.log).toContain(`fillText ${duration!.text} ${duration!.x + 3} ${duration!.y + 7}`);
        for (const l of labels)
          if (l !== duration) expect(apart(l, duration!), `${l.text} over it`).toBe(true);
      }
    expect(ranges).toBe(6);
  });
});
