import { describe, expect, it } from 'vitest';
import { computeLanes } from '../../app/src/logic/compute-lanes.js';
import { computeCategoryCodes } from '../../app/src/logic/categories.js';
import { formatChromeTrace } from '../../app/src/logic/export-chrome-trace.js';
import type { TimelineFrame } from '../../app/src/timeline/draw-timeline.js';
import { drawOverlay, drawTimeline, listCallNames } from '../../app/src/timeline/draw-timeline.js';
import { computeLaneLinks } from '../../app/src/logic/compute-lane-links.js';
import { SvgContext } from '../../app/src/timeline/svg-context.js';
import type { LabelContext } from '../../app/src/timeline/lane-labels.js';
import { drawTimelineLabels } from '../../app/src/timeline/timeline-labels.js';
import { exportViewSvg } from '../../app/src/timeline/export-view.js';
import { createAppStore } from '../../app/src/store/create-app-store.js';
import { LIGHT_THEME } from '../../app/src/timeline/timeline-theme.js';
import { buildTraceData } from '../../app/src/worker/build-trace-data.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { loadCorpusTrace } from './load-corpus.js';
import { readFileSync } from 'node:fs';
import { CORPUS } from '../corpus-path.js';
import { recordingCanvas } from './recording-context.js';

/** A LabelContext that logs its calls, numbers rounded (recording-context.ts). */
function recordingContext(): LabelContext & { log: string[] } {
  const { ctx, log } = recordingCanvas({ roundNumbers: true });
  return Object.assign(ctx, { log }) as unknown as LabelContext & { log: string[] };
}

function frameFor(text: string, width = 1000): TimelineFrame {
  const data = buildTraceData(parseStrace(text, { fileName: 'x.log' }), 'x', 'x', text.length, 0);
  const model = computeLanes(data, 'time');
  return {
    model,
    marks: model,
    ghost: false,
    kind: data.columns.kind,
    nameId: data.columns.nameId,
    errnoId: data.columns.errnoId,
    names: data.names,
    errnos: data.errnos,
    categoryOfName: computeCategoryCodes(data.names),
    x0: model.xMin,
    x1: model.xMax,
    laneTop: 0,
    widthCssPx: width,
    heightCssPx: 200,
    highlights: [],
    selected: null,
    links: [],
    range: null,
    theme: LIGHT_THEME,
    labels: true,
  };
}

/** The real log repeated n times, re-timed 1 µs apart so it stays one realistic process. */
function repeatLog(n: number): string {
  const lines = readFileSync(`${CORPUS}/foo-host.log`, 'latin1')
    .split('\n')
    .filter((l) => /^\d+ +\d\d:\d\d:\d\d\.\d+ /.test(l));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = lines[i % lines.length]!;
    const t = 3600 + i * 1e-6;
    const hh = String(Math.floor(t / 3600)).padStart(2, '0');
    const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
    const ss = (t % 60).toFixed(6).padStart(9, '0');
    out.push(
      line.replace(/^(\d+ +)\d\d:\d\d:\d\d\.\d+/, `$1${hh}:${mm}:${ss}`).replace(/<[\d.]+>$/, '<0.000000>'),
    );
  }
  return out.join('\n') + '\n';
}

describe('drawTimeline', () => {
  it('draws a bounded number of marks whatever the event count (level of detail)', () => {
    const small = recordingContext();
    const big = recordingContext();
    const drawnSmall = drawTimeline(small, frameFor(repeatLog(2_000)));
    const drawnBig = drawTimeline(big, frameFor(repeatLog(100_000)));
    expect(drawnSmall).toBeGreaterThan(100);
    expect(drawnBig).toBeLessThan(drawnSmall * 3);
    expect(big.log.filter((l) => l.startsWith('rect')).length).toBeLessThan(4000);
  });

  it('labels lanes with pid and program, and marks failures in the bare chroot run', () => {
    const text = readFileSync(`${CORPUS}/foo-chroot-fails.log`, 'latin1');
    const ctx = recordingContext();
    drawTimeline(ctx, frameFor(text));
    expect(ctx.log.some((l) => /^fillText\s+\d+ chroot/.test(l))).toBe(true);
    // Failure bars are 3 px high rects at the bottom of the lane (y0 + 17).
    expect(ctx.log.filter((l) => / 17 \d+ 3$/.test(l) && l.startsWith('rect')).length).toBeGreaterThan(0);
  });

  it('draws the marks without text; the names listCallNames lists are written over them as labels', () => {
    const text = readFileSync(`${CORPUS}/foo-chroot-fails.log`, 'latin1');
    const f = frameFor(text);
    // Close up on the first calls, so that their marks are wide enough for a name.
    const zoomed = { ...f, x1: f.x0 + (f.x1 - f.x0) / 200 };
    const named = zoomed.model.lanes.flatMap((_, li) => listCallNames(zoomed, li));
    expect(named.length).toBeGreaterThan(0);
    const marks = recordingContext();
    drawTimeline(marks, zoomed);
    expect(marks.log.filter((l) => l.startsWith('fillText') && !/^fillText\s+\d+ /.test(l))).toEqual([]);
    const ctx = recordingContext();
    const labels = drawTimelineLabels(ctx, zoomed, [], false);
    const written = ctx.log.filter((l) => l.startsWith('fillText'));
    for (const n of named)
      expect(written.some((l) => l.startsWith(`fillText ${n.text.slice(0, 4)}`))).toBe(true);
    expect(labels.every((l) => l.kind === 'name')).toBe(true);
  });

  it('renders the same drawing as SVG, escaping trace text', () => {
    const f = frameFor(
      '1 00:00:01.000000 openat(AT_FDCWD, "/tmp/<b>x</b>&", O_RDONLY) = 3 <0.000010>\n1 00:00:01.000100 exit_group(0) = ?\n1 00:00:01.000200 +++ exited with 0 +++\n',
    );
    (f.model.lanes[0] as { label: string }).label = '<script>alert(1)</script>';
    const svg = new SvgContext(1000, 200);
    drawTimeline(svg, f);
    const doc = svg.toSvg('t<i>');
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('&lt;script&gt;');
    expect(doc).toContain('<title>t&lt;i&gt;</title>');
    expect(doc).toMatch(/<path d="M[^"]+" fill="#2563eb"\/>/); // openat, a file call, in the file colour
  });
});

describe('what the timeline writes and joins', () => {
  it('names a call inside its mark when the mark is wide enough, with its errno when it failed', () => {
    const text =
      '1 00:00:01.000000 execve("/x", ["x"], 0x7ffd /* 3 vars */) = -1 ENOENT (No such file or directory) <0.000400>\n' +
      '1 00:00:01.000500 nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0 <0.000001>\n' +
      '1 00:00:01.000600 exit_group(0) = ?\n';
    const ctx = recordingContext();
    drawTimelineLabels(ctx, frameFor(text, 1200), [], false);
    // execve lasts 400 of 600 µs: a wide mark, named; nanosleep lasts 1 µs: too narrow for a name.
    expect(ctx.log.some((l) => l.startsWith('fillText execve ENOENT'))).toBe(true);
    expect(ctx.log.some((l) => l.startsWith('fillText nanosleep'))).toBe(false);
  });

  it('draws an arrow from each fork to its child, and from a reaped child to the wait', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(data, 'time');
    const links = computeLaneLinks(data);
    const ctx = recordingContext();
    const { arrows } = drawOverlay(ctx, {
      ...frameFor('1 00:00:01.000000 getpid() = 1\n'),
      model,
      marks: model,
      x0: model.xMin,
      x1: model.xMax,
      links,
    });
    expect(arrows).toBe(links.filter((l) => model.laneOf[l.from] !== model.laneOf[l.to]).length);
    expect(arrows).toBeGreaterThan(2);
    expect(ctx.log.filter((l) => l.startsWith('stroke')).length).toBe(3); // one path per kind of arrow
  });
});

describe('SVG export of the view', () => {
  it('draws the axis and every lane of the current window, with the highlights and the selection', () => {
    const store = createAppStore();
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const s = store.getState();
    s.setTrace('a', data);
    s.setViewport('a', { x0: 0, x1: 0.004, laneTop: 0 });
    s.addHighlight('openat');
    s.select({ slot: 'a', index: 5 });
    const svg = exportViewSvg(store.getState(), 'a', 1200)!;
    expect(svg).toMatch(/^<svg xmlns/);
    expect(svg).toContain('<title>pipe-f-yy.log</title>');
    expect(svg).toMatch(/>0 ms</); // the axis starts at the trace start
    // lane labels, with ▾ on a process that heads a group (a click folds it)
    for (const p of data.processes) expect(svg).toMatch(new RegExp(`>[▾ ] ${p.pid} ${p.command}`.trim()));
    expect(svg).toContain(`stroke="${LIGHT_THEME.selection}"`);
  });
});

describe('Chrome Trace Event export (Perfetto)', () => {
  type ChromeEvent = {
    ph: string;
    ts?: number;
    dur?: number;
    name: string;
    pid: number;
    tid: number;
    args: Record<string, unknown>;
  };
  const parse = (text: string) => (JSON.parse(text) as { traceEvents: ChromeEvent[] }).traceEvents;

  it('writes one complete event per call with its arguments, paths and result, and named instants', () => {
    const { trace } = loadCorpusTrace('pipe-f-yy.log');
    const events = parse(formatChromeTrace([{ trace, label: 'pipe' }]));
    const calls = events.filter((e) => e.ph === 'X');
    let syscalls = 0;
    for (let i = 0; i < trace.count; i++) if (trace.kind(i) === 'syscall') syscalls++;
    expect(calls.length).toBe(syscalls);
    for (const e of calls) {
      expect(e.ts).toBeGreaterThanOrEqual(0);
      expect(e.dur).toBeGreaterThanOrEqual(0);
      expect(typeof e.args.args).toBe('string');
      expect(typeof e.args.line).toBe('number');
    }
    // The call as strace printed it, and the paths it names (-yy fd paths too).
    const open = calls.find((e) => e.name === 'openat' || e.name === 'open')!;
    expect(open.args.paths).toEqual(expect.arrayContaining([expect.stringMatching(/^\//)]));
    const exits = events.filter((e) => e.ph === 'i');
    expect(exits.length).toBeGreaterThan(0);
    // "exit 0", never "exit exit"
    for (const e of exits)
      expect(e.name).toMatch(/^(exit -?\d+|killed by SIG\w+|SIG\w+|execve by thread \d+)$/);
    expect(events.filter((e) => e.ph === 'M' && /_name$/.test(e.name)).length).toBe(
      new Set(events.filter((e) => e.ph !== 'M').map((e) => e.tid)).size,
    );
  });

  it('puts both runs of a comparison in one file, each with its own processes', () => {
    const a = loadCorpusTrace('foo-host.log').trace;
    const b = loadCorpusTrace('foo-chroot-fails.log').trace;
    const events = parse(
      formatChromeTrace([
        { trace: a, label: 'host' },
        { trace: b, label: 'chroot' },
      ]),
    );
    const names = events.filter((e) => e.name === 'process_name').map((e) => String(e.args.name));
    expect(names.some((n) => n.startsWith('host: '))).toBe(true);
    expect(names.some((n) => n.startsWith('chroot: '))).toBe(true);
    const pidsOf = (prefix: string) =>
      new Set(
        events
          .filter((e) => e.name === 'process_name' && String(e.args.name).startsWith(prefix))
          .map((e) => e.pid),
      );
    for (const p of pidsOf('host: ')) expect(pidsOf('chroot: ').has(p)).toBe(false);
    // Addresses as strace writes them, in both runs: brk(NULL) = 0x55..., not a decimal number.
    const brks = events.filter((e) => e.ph === 'X' && e.name === 'brk');
    expect(brks.length).toBeGreaterThan(1);
    for (const e of brks) expect(String(e.args.ret)).toMatch(/^0x[0-9a-f]+$/);
    const failing = events.find((e) => e.ph === 'X' && e.name === 'execve' && e.args.errno === 'ENOENT');
    expect(failing?.args.paths).toContain('/foo');
  });
});
