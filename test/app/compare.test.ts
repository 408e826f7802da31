import { describe, expect, it } from 'vitest';
import { computeTraceDiff } from '../../parsers/analysis/diff/index.js';
import { buildStandaloneHtml, readEmbeddedCompare } from '../../app/src/compare/build-standalone-html.js';
import { findNextDifference } from '../../app/src/compare/compare-selection.js';
import { selectDiffMarks, xOfEvent } from '../../app/src/compare/compute-diff-geometry.js';
import { computeDiffData } from '../../app/src/compare/compute-diff-data.js';
import { CHANGE_RESULT } from '../../app/src/compare/diff-data.js';
import { drawDiffMarks } from '../../app/src/compare/draw-diff-layers.js';
import { pickDefaultCompare, readCompareHash } from '../../app/src/compare/compare-sides.js';
import { formatDiffMarkdown } from '../../app/src/compare/format-diff-markdown.js';
import type { ServedTrace } from '../../app/src/load/served-traces.js';
import { selectLaneModel } from '../../app/src/logic/derived.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { selectViewport } from '../../app/src/store/selectors.js';
import { computePhases } from '../../parsers/analysis/phases.js';
import { computePhaseBands } from '../../app/src/lessons/compute-phase-bands.js';
import { GUTTER_CSS_PX } from '../../app/src/timeline/draw-timeline.js';
import { computeCategoryCodes } from '../../app/src/logic/categories.js';
import { loadCorpusTrace } from './load-corpus.js';
import { recordingCanvas } from './recording-context.js';

function fooPair() {
  const a = loadCorpusTrace('foo-host.log');
  const b = loadCorpusTrace('foo-chroot-fails.log');
  const diff = computeTraceDiff(a.trace, b.trace, { labels: { a: 'host', b: 'chroot' } });
  return { a, b, diff, data: computeDiffData(diff) };
}

describe('the comparison data the worker sends', () => {
  it('keeps the diff counts and a consistent pair index on both sides (host against bare chroot)', () => {
    const { a, b, diff, data } = fooPair();
    expect([data.equal, data.changed, data.onlyA, data.onlyB]).toEqual([
      diff.equal,
      diff.changed,
      diff.onlyA,
      diff.onlyB,
    ]);
    expect(data.count).toBe(diff.pairs.count);
    for (let k = 0; k < data.count; k++) {
      const i = data.pairA[k] as number;
      const j = data.pairB[k] as number;
      if (i >= 0) expect(data.pairOfA[i]).toBe(k);
      if (j >= 0) expect(data.pairOfB[j]).toBe(k);
    }
    // The alignment point is the target's execve in both runs: ok on the host, ENOENT in the chroot.
    expect(a.trace.name(data.execA)).toBe('execve');
    expect(b.trace.name(data.execB)).toBe('execve');
    expect(a.trace.errno(data.execA)).toBeNull();
    expect(b.trace.errno(data.execB)).toBe('ENOENT');
    const k = data.pairOfA[data.execA] as number;
    expect(data.pairB[k]).toBe(data.execB);
    expect((data.change[k] as number) & CHANGE_RESULT).toBe(CHANGE_RESULT);
  });

  it('points every finding that names a line at that very event', () => {
    const { a, b, data } = fooPair();
    const failed = data.findings.find((f) => f.kind === 'failed-only' && f.message.includes('execve'));
    expect(failed?.message).toContain('ENOENT');
    for (const f of data.findings) {
      if (f.a) expect(a.trace.line(f.indexA)).toBe(f.a.line);
      if (f.b) expect(b.trace.line(f.indexB)).toBe(f.b.line);
    }
    // The chroot program's start-up is one block on B's side.
    const block = data.blocks.find((bl) => bl.why === 'chroot-scaffolding');
    expect(block?.kind).toBe('onlyB');
    expect(b.trace.name(block!.firstB)).toBe('execve');
  });

  it('counts syscalls side by side without the chroot start-up, as the findings do', () => {
    const { data } = fooPair();
    const execve = data.deltasWithoutLaunchers?.find((d) => d.name === 'execve');
    expect(execve).toMatchObject({ callsA: 1, callsB: 1, errorsA: 0, errorsB: 1 });
    const finding = data.findings.find((f) => f.kind === 'syscall-delta');
    expect(finding?.details).toContain('execve 1 → 1 (+0), errors 0 → 1');
    // With the start-up counted, B also has the chroot program's own execve.
    expect(data.deltas.find((d) => d.name === 'execve')?.callsB).toBe(2);
  });

  it('writes a Markdown report with the findings and the lines behind them', () => {
    const { diff } = fooPair();
    const md = formatDiffMarkdown(diff, { a: ['foo-host.log'], b: ['foo-chroot-fails.log'] });
    expect(md).toMatch(/^# spelunk comparison: host against chroot/);
    expect(md).toContain('## Findings');
    expect(md).toMatch(/\*\*failed-only\*\*: execve.*ENOENT/);
    expect(md).toContain('| execve |');
    expect(md).toContain('```');
  });
});

describe('linked timelines, through the one store', () => {
  function setup() {
    const { a, b, data } = fooPair();
    const app = createAppStore();
    app.getState().setTrace('a', a.data);
    app.getState().setTrace('b', b.data);
    app.getState().setCompare({ active: true, status: 'ready', diff: data, traceA: a.data, traceB: b.data });
    app.getState().frameOnTarget();
    return { app, data, a, b };
  }
  const screenX = (vp: { x0: number; x1: number }, x: number) => (x - vp.x0) / (vp.x1 - vp.x0);
  const viewB = (app: ReturnType<typeof setup>['app']) => selectViewport(app.getState(), 'b')!;

  it('frames both runs with their target execve at the same place', () => {
    const { app, data, a, b } = setup();
    const s = app.getState();
    const xa = xOfEvent(selectLaneModel(a.data, s.xMode), data.execA);
    const xb = xOfEvent(selectLaneModel(b.data, s.xMode), data.execB);
    expect(screenX(s.viewports.a!, xa)).toBeCloseTo(screenX(viewB(app), xb), 9);
  });

  it("opens on the target program: A's run fills the width, B's start-up is to the left", () => {
    const { app, a } = setup();
    const model = selectLaneModel(a.data, 'time');
    const vp = app.getState().viewports.a!;
    // A starts within the first few per cent of the view, not after B's launcher stage.
    expect(screenX(vp, model.xMin)).toBeLessThan(0.05);
    expect(screenX(vp, model.xMax)).toBeGreaterThan(0.9);
  });

  it("derives B's window from A's while linked, and keeps it once unlinked", () => {
    const { app } = setup();
    const before = viewB(app);
    const va = app.getState().viewports.a!;
    app.getState().setViewport('a', { x0: va.x0 + 0.001, x1: va.x1 + 0.001, laneTop: 0 });
    expect(viewB(app).x0).toBeCloseTo(before.x0 + 0.001, 12);
    // Moving B moves A: there is one window, seen from both runs.
    const vb = viewB(app);
    app.getState().setViewport('b', { x0: vb.x0 - 0.002, x1: vb.x1 - 0.002, laneTop: 0 });
    expect(app.getState().viewports.a!.x0).toBeCloseTo(va.x0 - 0.001, 12);
    app.getState().setLinked(false);
    const b2 = viewB(app);
    app.getState().setViewport('a', { x0: va.x0, x1: va.x1 + 0.5, laneTop: 0 });
    expect(viewB(app)).toEqual(b2);
  });

  it('lets the linked view zoom out over both runs, past the end of the shorter one', () => {
    const { app, a, b } = setup();
    const s = app.getState();
    const ma = selectLaneModel(a.data, 'time');
    const mb = selectLaneModel(b.data, 'time');
    const off = s.compare.offset;
    const extent = { x0: Math.min(ma.xMin, mb.xMin - off), x1: Math.max(ma.xMax, mb.xMax - off) };
    app.getState().setViewport('a', { ...extent, laneTop: 0 });
    expect(viewB(app).x0).toBeCloseTo(extent.x0 + off, 12);
  });

  it('selects the partner call when one run is clicked, and both calls of a finding', () => {
    const { app, data } = setup();
    app.getState().select({ slot: 'a', index: data.execA });
    expect(app.getState().compare.selB).toBe(data.execB);
    const k = data.findings.findIndex((f) => f.kind === 'failed-only');
    const finding = data.findings[k]!;
    app.getState().selectFinding(k);
    expect(app.getState().compare.selA).toBe(finding.indexA);
    expect(app.getState().compare.selB).toBe(finding.indexB);
    expect(app.getState().compare.finding).toBe(k);
    expect(app.getState().compare.pair).toBe(data.pairOfB[finding.indexB]);
    expect(finding.evidenceB).toContain(finding.indexB);
  });

  it('steps through the differences, past the chroot start-up block', () => {
    const { app, data } = setup();
    const first = findNextDifference(data, -1, 1);
    expect(first).toBe(data.firstDivergence);
    app.getState().selectAligned({ pair: first }, true);
    const second = findNextDifference(data, app.getState().compare.pair, 1);
    expect(second).toBeGreaterThan(first);
    expect(data.status[second]).not.toBe(0);
    app.getState().selectAligned({ pair: second }, true);
    expect(findNextDifference(data, app.getState().compare.pair, -1)).toBe(first);
  });

  it('ends when another trace is opened in slot a', () => {
    const { app } = setup();
    app.getState().setTrace('a', loadCorpusTrace('pipe-f-yy.log').data);
    expect(app.getState().compare.active).toBe(false);
    expect(app.getState().traces.b).toBeUndefined();
  });

  it('ends too when another trace arrives in slot a while the runs are being aligned', () => {
    const { app } = setup();
    app.getState().setCompare({ status: 'aligning', diff: null });
    app.getState().setTrace('a', loadCorpusTrace('pipe-f-yy.log').data);
    expect(app.getState().compare.active).toBe(false);
    expect(app.getState().traces.b).toBeUndefined();
  });

  it('finds the non-equal calls of each lane once', () => {
    const { data, a, b } = setup();
    const ma = selectDiffMarks(selectLaneModel(a.data, 'time'), data, 'a');
    const mb = selectDiffMarks(selectLaneModel(b.data, 'time'), data, 'b');
    const count = (m: typeof ma) => m.pos.reduce((n, p) => n + p.length, 0);
    expect(count(ma)).toBe(data.changed + data.onlyA);
    expect(count(mb)).toBe(data.changed + data.onlyB);
  });
});

describe('which comparison the page opens with', () => {
  const run = (label: string, url = `${label}.log`) => ({ label, urls: [url] });
  type Pick = ReturnType<typeof pickDefaultCompare>;
  const samples: ServedTrace[] = [
    { id: 'hello-world', title: 'hello', runs: [run('host'), run('chroot')] },
    { id: 'hello-bare-chroot', title: 'bare', runs: [run('host'), run('chroot')] },
  ];
  const id = (p: Pick) => p?.map(({ t, r }) => `${t.id}/${r.label}`);

  it('opens the bare-chroot sample by default, and nothing when a trace or a lesson is asked for', () => {
    expect(id(pickDefaultCompare(samples, '', ''))).toEqual([
      'hello-bare-chroot/host',
      'hello-bare-chroot/chroot',
    ]);
    expect(pickDefaultCompare(samples, '#trace=hello-world/host', '')).toBeNull();
    expect(pickDefaultCompare(samples, '', '?lesson=x&step=1')).toBeNull();
  });

  it('opens two served logs, a session, or the pair named in the URL', () => {
    const two: ServedTrace[] = [
      { id: 'a.log', title: 'a.log', runs: [run('log', 'a')] },
      { id: 'b.log', title: 'b.log', runs: [run('log', 'b')] },
    ];
    expect(id(pickDefaultCompare(two, '', ''))).toEqual(['a.log/log', 'b.log/log']);
    const session: ServedTrace[] = [{ id: 's', title: 's', runs: [run('chroot'), run('host')] }];
    expect(id(pickDefaultCompare(session, '', ''))).toEqual(['s/host', 's/chroot']);
    expect(pickDefaultCompare([two[0]!], '', '')).toBeNull();
    const hash = `#${new URLSearchParams({ compare: 'hello-world/chroot,hello-world/host' })}`;
    expect(readCompareHash(hash)).toEqual(['hello-world/chroot', 'hello-world/host']);
    expect(id(pickDefaultCompare(samples, hash, ''))).toEqual(['hello-world/chroot', 'hello-world/host']);
  });
});

describe('the self-contained HTML export', () => {
  it('embeds both logs so that no line can end the script, and reads them back', () => {
    const template =
      '<html><head><script type="application/json" id="spelunk-embedded">null</script></head><body></body></html>';
    const hostile = 'openat(AT_FDCWD, "</script><img src=x onerror=alert(1)>", O_RDONLY) = -1 ENOENT\n';
    const data = {
      version: 1 as const,
      labels: { a: 'host', b: 'chroot' },
      titles: { a: 'host.log', b: 'chroot.log' },
      a: [{ name: 'host.log', text: 'x\u2028y\n' }],
      b: [{ name: 'chroot.log', text: hostile }],
    };
    const html = buildStandaloneHtml(template, data);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const again = buildStandaloneHtml(html, { ...data, labels: { a: 'A', b: 'B' } });
    expect(again.match(/id="spelunk-embedded"/g)).toHaveLength(1);
    const json = /<script type="application\/json" id="spelunk-embedded">([\s\S]*?)<\/script>/.exec(
      html,
    )![1]!;
    const doc = { getElementById: () => ({ textContent: json }) } as unknown as Document;
    expect(readEmbeddedCompare(doc)).toEqual(data);
  });
});

describe('the diff marks over a timeline (a draw log on a fake context)', () => {
  const frame = (side: 'a' | 'b') => {
    const { a, b, data } = fooPair();
    const t = side === 'a' ? a.data : b.data;
    const model = selectLaneModel(t, 'time');
    const phases = computePhases((side === 'a' ? a : b).trace);
    return {
      data,
      frame: {
        side,
        model,
        diff: data,
        marks: selectDiffMarks(model, data, side),
        names: t.names,
        nameId: t.columns.nameId,
        errnos: t.errnos,
        errnoId: t.columns.errnoId,
        x0: model.xMin,
        x1: model.xMax,
        laneTop: 0,
        widthCssPx: 1200,
        heightCssPx: 100,
        selected: side === 'a' ? data.execA : data.execB,
        evidence: [] as number[],
        cursorX: (model.xMin + model.xMax) / 2,
        textColor: '#000',
        labelBackground: '#fff',
        dark: false,
        callNames: {
          marks: model,
          kind: t.columns.kind,
          categoryOfName: computeCategoryCodes(t.names),
          color: '#fff',
        },
        phases: computePhaseBands(model, phases, model.xMin, model.xMax, 1200 - GUTTER_CSS_PX),
      },
      phases,
    };
  };

  it("draws B's chroot start-up as one labelled block, its failing execve named, the selection and the cursor", () => {
    const { data, frame: f } = frame('b');
    const { ctx, log } = recordingCanvas();
    const drawn = drawDiffMarks(ctx, f).marks;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(data.changed + data.onlyB);
    expect(log.some((l) => /^fillText .*start-up: \d+ calls, one block/.test(l))).toBe(true);
    // The execve that fails only in the chroot is boxed and named, to be seen at first glance.
    expect(log.some((l) => l.startsWith('fillText ✕ execve ENOENT'))).toBe(true);
    expect(log.filter((l) => l.startsWith('arc')).length).toBe(1);
    expect(log.filter((l) => l.startsWith('moveTo')).length).toBeGreaterThanOrEqual(2); // ring + cursor
  });

  it("says what changed on A's side, and rings the evidence of the selected finding", () => {
    const { data, frame: f } = frame('a');
    const k = data.findings.findIndex((x) => x.evidenceA.length > 0);
    const evidence = data.findings[k]!.evidenceA.filter((i) => i !== f.selected);
    const { ctx, log } = recordingCanvas();
    drawDiffMarks(ctx, { ...f, evidence });
    expect(log.some((l) => l.startsWith('fillText ≠ result'))).toBe(true);
    expect(log.filter((l) => l.startsWith('arc')).length).toBe(1 + evidence.length);
  });

  // Every label of a lane (failure, `≠`, block, phases) laid out at once, at the zooms a reader uses:
  // the whole run, and windows of a few widths around the execve that fails in the chroot.
  it('draws no label over another in any lane, at any zoom, and always names the failing execve', () => {
    for (const side of ['a', 'b'] as const) {
      const { frame: f, phases } = frame(side);
      const exec = xOfEvent(f.model, f.selected);
      const span = f.x1 - f.x0;
      const windows = [
        [f.x0, f.x1],
        ...[0.5, 0.1, 0.02, 0.004, 0.001, 0.0002].map((w) => [exec - span * w * 0.1, exec + span * w * 0.9]),
      ];
      let phaseLabels = 0;
      let callNames = 0;
      for (const [x0, x1] of windows as [number, number][]) {
        const bands = computePhaseBands(f.model, phases, x0, x1, 1200 - GUTTER_CSS_PX);
        const { ctx, log } = recordingCanvas();
        const { labels } = drawDiffMarks(ctx, { ...f, x0, x1, phases: bands });
        for (let p = 0; p < labels.length; p++)
          for (let q = p + 1; q < labels.length; q++) {
            const [l, m] = [labels[p]!, labels[q]!];
            const apart =
              l.x + l.width <= m.x || m.x + m.width <= l.x || l.y + l.height <= m.y || m.y + m.height <= l.y;
            expect(apart, `${l.text} over ${m.text}`).toBe(true);
          }
        // Each label drawn is the one in the draw log, inside the plot.
        for (const l of labels) {
          expect(log).toContain(`fillText ${l.text} ${l.x + 3} ${l.y + 7}`);
          expect(l.x).toBeGreaterThanOrEqual(GUTTER_CSS_PX);
          expect(l.x + l.width).toBeLessThanOrEqual(1200 + 1e-9);
        }
        if (side === 'b')
          expect(labels.filter((l) => l.kind === 'failure').map((l) => l.text)).toContain('✕ execve ENOENT');
        phaseLabels += labels.filter((l) => l.kind === 'phase').length;
        callNames += labels.filter((l) => l.kind === 'name').length;
      }
      expect(phaseLabels).toBeGreaterThan(0);
      // Close up, the calls' names inside their marks take part too (the timeline underneath leaves them).
      expect(callNames).toBeGreaterThan(0);
    }
  });
});
