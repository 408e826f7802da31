import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import { computeDiffData } from '../../app/src/compare/compute-diff-data.js';
import { buildMarksFrame } from '../../app/src/compare/compare-frames.js';
import { drawDiffMarks } from '../../app/src/compare/draw-diff-layers.js';
import { xOfEvent } from '../../app/src/compare/compute-diff-geometry.js';
import { exportCompareSvg } from '../../app/src/compare/export-compare-view.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { selectLaneModelOf } from '../../app/src/store/selectors.js';
import { AXIS_HEIGHT_CSS_PX } from '../../app/src/timeline/draw-axis.js';
import { LANE_HEIGHT_CSS_PX } from '../../app/src/timeline/draw-timeline.js';
import { exportViewSvg } from '../../app/src/timeline/export-view.js';
import type { DrawnLabel } from '../../app/src/timeline/lane-labels.js';
import { SvgContext } from '../../app/src/timeline/svg-context.js';
import { ROOT } from '../e2e/harness.js';
import { loadCorpusTrace } from './load-corpus.js';

/** Real pairs, a host run against a chroot (or a container) run of the same program. */
const PAIRS = [
  ['the bare chroot of foo (corpus)', 'foo-host.log', 'foo-chroot-fails.log'],
  ['hello in a bare chroot (samples/)', 'samples/hello-bare-chroot/host', 'samples/hello-bare-chroot/chroot'],
  [
    'python without its stdlib (diagnosis suite)',
    'test/diagnosis/cases/python-stdlib-missing/host',
    'test/diagnosis/cases/python-stdlib-missing/chroot',
  ],
] as const;
const WIDTHS = [800, 1024, 1440, 1920];

const logOf = (p: string): string => (p.includes('/') ? join(ROOT, `${p}.strace.log`) : p);

/** The comparison as the app opens it: both runs, their phases, the diagnosis selected and framed. */
function openPair(aPath: string, bPath: string) {
  const a = loadCorpusTrace(logOf(aPath));
  const b = loadCorpusTrace(logOf(bPath));
  const data = computeDiffData(computeTraceDiff(a.trace, b.trace, { labels: { a: 'host', b: 'chroot' } }));
  const app = createAppStore();
  const s = app.getState();
  s.setTrace('a', a.data);
  s.setTrace('b', b.data);
  s.setCompare({ active: true, status: 'ready', diff: data, traceA: a.data, traceB: b.data });
  s.setLesson({
    phases: {
      a: { traceId: a.data.id, phases: computePhases(a.trace) },
      b: { traceId: b.data.id, phases: computePhases(b.trace) },
    },
  });
  s.frameOnTarget();
  if (data.findings.length) s.selectFinding(0, false);
  return app;
}

/** A text the SVG shows, and its box as the layout measured it (SvgContext's metrics, the same font). */
interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  top: number;
  bottom: number;
}

const unescape = (t: string): string =>
  t.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!,
  );

function readTexts(svg: string): TextBox[] {
  const measure = new SvgContext(1, 1);
  return [
    ...svg.matchAll(
      /<text x="([\d.-]+)" y="([\d.-]+)"( dominant-baseline="middle")? [^>]*style="font:([^"]+)">([^<]*)<\/text>/g,
    ),
  ].map(([, x, y, middle, font, raw]) => {
    const text = unescape(raw!);
    measure.font = unescape(font!);
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(measure.font)![1]);
    const width = measure.measureText(text).width;
    // Middle: centred on y. Alphabetic: most of the glyphs above the baseline.
    const [top, bottom] = middle
      ? [Number(y) - size / 2, Number(y) + size / 2]
      : [Number(y) - size * 0.8, Number(y) + size * 0.2];
    return { text, x: Number(x), y: Number(y), width, top, bottom };
  });
}

function listOverlaps(boxes: readonly TextBox[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < boxes.length; p++)
    for (let q = p + 1; q < boxes.length; q++) {
      const [l, m] = [boxes[p]!, boxes[q]!];
      if (l.x < m.x + m.width && m.x < l.x + l.width && l.top < m.bottom && m.top < l.bottom)
        out.push(`"${l.text}" at ${l.x},${l.y} over "${m.text}" at ${m.x},${m.y}`);
    }
  return out;
}

/**
 * The labels the screen draws over one timeline at this width (the diff layer's, its first lanes in view),
 * measured as the SVG measures: the same layout with the same metrics must give the picture's.
 */
function screenLabels(
  app: ReturnType<typeof openPair>,
  side: 'a' | 'b',
  width: number,
  lanes: number,
): DrawnLabel[] {
  const f = buildMarksFrame(app.getState(), side, {
    widthCssPx: width,
    heightCssPx: lanes * LANE_HEIGHT_CSS_PX,
  });
  return f ? drawDiffMarks(new SvgContext(width, 400) as never, f).labels : [];
}

describe('the exported comparison picture: every label laid out as on screen, none over another', () => {
  for (const [name, aPath, bPath] of PAIRS)
    it(`${name}: no two texts of the SVG overlap at ${WIDTHS.join(', ')} px and three zooms, the screen's ≠ labels all in it`, () => {
      const app = openPair(aPath, bPath);
      let changes = 0;
      let names = 0;
      const opened = app.getState().viewports.a!;
      const sel = app.getState().compare.selA;
      const model = selectLaneModelOf(app.getState(), 'a')!;
      const at = sel >= 0 ? xOfEvent(model, sel) : (opened.x0 + opened.x1) / 2;
      const span = opened.x1 - opened.x0;
      // As opened, then close up on the diagnosis' call (1/40 and 1/400 as wide), where the calls' names
      // inside their marks join in.
      const views = [
        opened,
        ...[40, 400].map((k) => ({ ...opened, x0: at - span / k / 10, x1: at + (span / k) * 0.9 })),
      ];
      for (const [width, view] of WIDTHS.flatMap((w) => views.map((v) => [w, v] as const))) {
        app.getState().setViewport('a', view);
        const svg = exportCompareSvg(app.getState(), width)!;
        const texts = readTexts(svg);
        expect(texts.length).toBeGreaterThan(4);
        expect(listOverlaps(texts), `at ${width} px`).toEqual([]);
        // Where each side's lanes start in the picture: a title bar (22 px) and the axis above each, the
        // alignment strip (48 px) between them.
        const lanesA = Math.max(1, selectLaneModelOf(app.getState(), 'a')!.lanes.length);
        const topA = 22 + AXIS_HEIGHT_CSS_PX;
        const topOf = { a: topA, b: topA + lanesA * LANE_HEIGHT_CSS_PX + 48 + 22 + AXIS_HEIGHT_CSS_PX };
        for (const side of ['a', 'b'] as const)
          for (const l of screenLabels(app, side, width, 3)) {
            if (l.kind === 'name') names++;
            if (l.kind !== 'change' && l.kind !== 'focus-change') continue;
            changes++;
            const at = { x: l.x + 3, y: topOf[side] + l.y + l.height / 2 };
            expect(
              texts.some(
                (t) => t.text === l.text && Math.abs(t.x - at.x) < 0.01 && Math.abs(t.y - at.y) < 0.01,
              ),
              `${side}: "${l.text}" at ${at.x},${at.y} (${width} px)`,
            ).toBe(true);
          }
      }
      console.log(name, changes, names);
      expect(changes).toBeGreaterThan(0);
      expect(names).toBeGreaterThan(0);
    });
});

describe('the exported picture of one trace', () => {
  it('lays its phase labels and call names out together: no two texts overlap, at four widths and zooms', () => {
    const { trace, data } = loadCorpusTrace('foo-chroot-fails.log');
    const app = createAppStore();
    const s = app.getState();
    s.setTrace('a', data);
    s.setLesson({ phases: { a: { traceId: data.id, phases: computePhases(trace) } } });
    const model = selectLaneModelOf(app.getState(), 'a')!;
    const kinds = new Set(computePhases(trace).map((p) => p.kind));
    let phases = 0;
    let names = 0;
    // The whole run, then closer and closer on its start (the loader, libc's start-up, chroot's work).
    for (const width of WIDTHS)
      for (const k of [1, 20, 200, 1000]) {
        s.setViewport('a', { x0: model.xMin, x1: model.xMin + (model.xMax - model.xMin) / k, laneTop: 0 });
        const texts = readTexts(exportViewSvg(app.getState(), 'a', width)!);
        expect(listOverlaps(texts), `at ${width} px, 1/${k} of the run`).toEqual([]);
        phases += texts.filter((t) => [...kinds].some((kind) => t.text.startsWith(kind.slice(0, 4)))).length;
        names += texts.filter((t) => /^(execve|openat|mmap|read|close|brk|access)/.test(t.text)).length;
      }
    expect(phases).toBeGreaterThan(0);
    expect(names).toBeGreaterThan(0);
  });
});
