/**
 * Parallel parsing, held to a single pass: a log cut into segments at line boundaries, each parsed on
 * its own, then stitched, gives exactly the trace one pass over the whole log gives (columns, names,
 * decoded events, tables, diagnostics), on every real log and on generated logs whose calls are split
 * across the seams.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTraceDump } from '../../parsers/format/trace-dump.js';
import type { Trace } from '../../parsers/model/trace.js';
import { createStraceParser } from '../../parsers/strace/index.js';
import type { SegmentResult } from '../../parsers/strace/segment-result.js';
import { createSegmentStitcher, parseStraceSegment } from '../../parsers/strace/segments.js';
import { straceLogs } from './corpus-files.js';

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);

/** The log cut into segments of whole lines: each holds the lines that start in its `blockBytes`. */
function cut(bytes: Uint8Array, blockBytes: number): Uint8Array[] {
  const points: number[] = [];
  for (let at = blockBytes; at < bytes.length; at += blockBytes) points.push(at);
  return cutAt(bytes, points);
}

/** The log cut after the line that holds each of `points` (ascending byte offsets), as parse-blocks cuts. */
function cutAt(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const at of points) {
    if (at <= start) continue;
    const nl = bytes.indexOf(10, at - 1);
    const end = nl < 0 ? bytes.length : nl + 1;
    out.push(bytes.subarray(start, end));
    start = end;
    if (start >= bytes.length) break;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

function onePass(bytes: Uint8Array, fileName: string): Trace {
  const p = createStraceParser({ fileName });
  p.push(bytes);
  return p.end();
}

/** Parses the segments apart (through a structured clone, as a worker's result arrives), then stitches. */
function stitched(
  bytes: Uint8Array,
  blockBytes: number | number[],
  fileName: string,
): { trace: Trace; replayed: number } {
  const parts = typeof blockBytes === 'number' ? cut(bytes, blockBytes) : cutAt(bytes, blockBytes);
  const results: SegmentResult[] = parts.map((piece, k) =>
    structuredClone(parseStraceSegment([piece.slice()], { first: k === 0, fileName })),
  );
  const stitcher = createSegmentStitcher({ fileName, sizeHint: bytes.length });
  for (const r of results) stitcher.add(r);
  return { trace: stitcher.finish(), replayed: stitcher.replayed };
}

function expectSameTrace(got: Trace, want: Trace, what: string): void {
  const g = got.columns;
  const w = want.columns;
  expect(g.count, what).toBe(w.count);
  for (const key of Object.keys(w) as (keyof typeof w)[]) {
    if (key === 'count') continue;
    expect(Array.from(g[key] as ArrayLike<number>), `${what}: column ${key}`).toEqual(
      Array.from(w[key] as ArrayLike<number>),
    );
  }
  expect(got.names, `${what}: names`).toEqual(want.names);
  expect(got.errnos, `${what}: errnos`).toEqual(want.errnos);
  expect(got.format, `${what}: format`).toEqual(want.format);
  expect(got.summaries, `${what}: tables`).toEqual(want.summaries);
  expect(got.diagnostics, `${what}: diagnostics`).toEqual(want.diagnostics);
  expect(formatTraceDump(got), `${what}: decoded events`).toBe(formatTraceDump(want));
}

const seams = { segments: 0, replayed: 0 };

describe.each(straceLogs())('$name cut into segments', ({ path, name }) => {
  it('stitches into the single pass trace, whatever the segment size', () => {
    const bytes = new Uint8Array(readFileSync(path));
    const want = onePass(bytes, name);
    // one line a segment on the small logs (every seam a line boundary), larger pieces on all
    for (const block of bytes.length < 60_000 ? [1, 97, 4096] : [997, 65536]) {
      const got = stitched(bytes, block, name);
      seams.replayed += got.replayed;
      seams.segments += cut(bytes, block).length;
      expectSameTrace(got.trace, want, `${name} in segments of ${block} bytes`);
    }
    // the field guide's 4 MB logs cut into some 4,000 segments each: seconds alone, a minute on a loaded machine
  }, 240_000);
});

describe('segments parsed apart and stitched', () => {
  it('are mostly carried over as parsed: re-reading a segment in order is the exception', () => {
    expect(seams.segments).toBeGreaterThan(10_000);
    expect(seams.replayed / seams.segments).toBeLessThan(0.1);
  });

  it('carry over a task that resumes its call across the seam and then opens the next one', () => {
    // a shell waiting for one child after another: most long-lived tasks cross a seam this way
    const before = [
      '100  1795913862.000001 wait4(-1,  <unfinished ...>',
      '101  1795913862.000002 write(1, "x", 1) = 1',
      '101  1795913862.000003 +++ exited with 0 +++',
    ];
    const after = (resumed: string): string[] => [
      `100  1795913862.000004 <... ${resumed} resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101`,
      '100  1795913862.000005 wait4(-1,  <unfinished ...>',
      '102  1795913862.000006 +++ exited with 0 +++',
      '100  1795913862.000007 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 102',
    ];
    for (const [resumed, replayed] of [
      ['wait4', 0],
      // another call's resumed half leaves the wait4 open, and the next wait4 supersedes it: read in order
      ['waitid', 1],
    ] as const) {
      const head = latin1Bytes(before.join('\n') + '\n');
      const bytes = latin1Bytes([...before, ...after(resumed)].join('\n') + '\n');
      const got = stitched(bytes, [head.length], 'shell.log');
      expect(got.replayed, resumed).toBe(replayed);
      expectSameTrace(got.trace, onePass(bytes, 'shell.log'), resumed);
    }
  });

  it('give the single pass trace on real logs cut at any line boundaries', () => {
    // the smaller real logs, so that many cuts run in little time; the big ones are cut above
    const logs = straceLogs()
      .map(({ path, name }) => ({ name, bytes: new Uint8Array(readFileSync(path)) }))
      .filter((l) => l.bytes.length < 150_000);
    expect(logs.length).toBeGreaterThan(20);
    const want = new Map(logs.map((l) => [l.name, onePass(l.bytes, l.name)]));
    const cuts = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(fc.constantFrom(...logs), cuts, (log, fractions) => {
        const points = fractions.map((f) => Math.floor(f * log.bytes.length)).sort((x, y) => x - y);
        const got = stitched(log.bytes, points, log.name).trace;
        expectSameTrace(got, want.get(log.name)!, `${log.name} cut at ${points.join(',')}`);
      }),
      { numRuns: 150 },
    );
  });

  it('give the single pass trace on generated logs whose calls are split across the seams', () => {
    const pids = [101, 102, 103, 104];
    const names = ['read', 'wait4', 'futex', 'clone3', 'write'];
    const step = fc.record({
      pid: fc.constantFrom(...pids),
      name: fc.constantFrom(...names),
      shape: fc.constantFrom(
        'call',
        'unfinished',
        'resumed',
        'resumed-cut',
        'resumed-died',
        'exit',
        'signal',
        'error',
      ),
      gap: fc.integer({ min: 1, max: 900 }),
    });
    const log = fc.array(step, { minLength: 1, maxLength: 60 }).map((steps) => {
      let t = 1_795_913_862_000_000;
      return steps
        .map((s) => {
          t += s.gap;
          const head = `${s.pid}  ${Math.floor(t / 1e6)}.${String(t % 1e6).padStart(6, '0')} `;
          switch (s.shape) {
            case 'call':
              return `${head}${s.name}(3, "a) = 5 <unfinished ...>", 24) = 24 <0.000012>`;
            case 'error':
              return `${head}${s.name}(3<pipe:[12]>, 0x7f) = -1 EAGAIN (Resource temporarily unavailable)`;
            case 'unfinished':
              return `${head}${s.name}(3,  <unfinished ...>`;
            case 'resumed':
              return `${head}<... ${s.name} resumed>"xyz", 3) = 3 <0.000200>`;
            case 'resumed-cut':
              return `${head}<... ${s.name} resumed>"x" <unfinished ...>`;
            case 'resumed-died':
              return `${head}<... ${s.name} resumed> <unfinished ...>) = ?`;
            case 'exit':
              return `${head}+++ exited with 0 +++`;
            case 'signal':
              return `${head}--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${s.pid}} ---`;
          }
        })
        .join('\n');
    });
    const form = fc.constantFrom('ttt', 'r', 'tt', 'none');
    fc.assert(
      fc.property(log, form, fc.integer({ min: 1, max: 400 }), (text, f, block) => {
        const bytes = latin1Bytes(restamp(text, f) + '\n');
        expectSameTrace(stitched(bytes, block, 'gen.log').trace, onePass(bytes, 'gen.log'), `${f}/${block}`);
      }),
      { numRuns: 300 },
    );
  });
});

/** The generated -ttt log in another timestamp form: -r deltas, -tt times of day (across a midnight). */
function restamp(text: string, form: string): string {
  if (form === 'ttt') return text;
  let prev = -1;
  return text.replace(/^(\d+  )(\d+)\.(\d{6}) /gm, (_m, pid: string, s: string, us: string) => {
    const t = Number(s) * 1e6 + Number(us);
    if (form === 'none') return pid;
    if (form === 'r') {
      const d = prev < 0 ? 0 : t - prev;
      prev = t;
      return `${pid}${String(Math.floor(d / 1e6)).padStart(6)}.${String(d % 1e6).padStart(6, '0')} `;
    }
    // time of day, starting a few ms before midnight
    const day = (t - 1_795_913_862_000_000 + 86_399_990_000) % 86_400_000_000;
    const hh = Math.floor(day / 3.6e9);
    const mm = Math.floor((day % 3.6e9) / 6e7);
    const ss = Math.floor((day % 6e7) / 1e6);
    const p2 = (n: number): string => String(n).padStart(2, '0');
    return `${pid}${p2(hh)}:${p2(mm)}:${p2(ss)}.${String(day % 1e6).padStart(6, '0')} `;
  });
}
