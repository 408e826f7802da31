import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNames } from '../../app/src/components/filter-bar.js';
import { formatRunTitle } from '../../app/src/components/toolbar.js';
import { computeCollapsedModel } from '../../app/src/logic/compute-collapsed-lanes.js';
import { computeFilteredModel } from '../../app/src/logic/compute-filtered-lanes.js';
import { computeLaneLinks } from '../../app/src/logic/compute-lane-links.js';
import type { LaneModel } from '../../app/src/logic/compute-lanes.js';
import { computeLanes } from '../../app/src/logic/compute-lanes.js';
import { computeRangeSummary } from '../../app/src/logic/compute-range-summary.js';
import { computeFilteredRows, computeSortedRows } from '../../app/src/logic/compute-rows.js';
import { formatReturn } from '../../app/src/logic/format-value.js';
import { formatVisibleText, hasInvisibleText } from '../../app/src/logic/visible-text.js';
import { EMPTY_FILTERS } from '../../app/src/store/filters.js';
import { computeOverviewBrush } from '../../app/src/timeline/overview-brush.js';
import { KIND } from '../../app/src/trace/trace-data.js';
import { loadCorpusTrace } from './load-corpus.js';

/** Every event of the model sits where laneOf/posOf say, each lane sorted by x. */
function checkModel(model: LaneModel): void {
  model.lanes.forEach((lane, li) => {
    for (let j = 0; j < lane.events.length; j++) {
      const i = lane.events[j] as number;
      expect(model.laneOf[i]).toBe(li);
      expect(model.posOf[i]).toBe(j);
      if (j) expect(lane.x[j]).toBeGreaterThanOrEqual(lane.x[j - 1] as number);
    }
  });
}

describe('the syscall filter', () => {
  it('keeps every name of a list, whatever separates them, and a name being typed', () => {
    expect(parseNames('openat,read')).toEqual(['openat', 'read']);
    expect(parseNames('openat, read ,')).toEqual(['openat', 'read']);
    expect(parseNames('openat,')).toEqual(['openat']);
    expect(parseNames('')).toEqual([]);
  });
});

describe('folding a process group', () => {
  it("merges a parent's descendants into its lane, every event kept and placed", () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(data, 'time');
    const head = model.lanes.findIndex((l) => l.descendants > 0);
    expect(head).toBeGreaterThanOrEqual(0);
    const group = model.lanes[head]!.descendants + 1;
    const folded = computeCollapsedModel(model, [model.lanes[head]!.pid]);
    expect(folded.lanes.length).toBe(model.lanes.length - group + 1);
    expect(folded.lanes[head]!.folded).toBe(group - 1);
    const count = (m: LaneModel, k: 'events' | 'failed' | 'special') =>
      m.lanes.reduce((n, l) => n + l[k].length, 0);
    for (const k of ['events', 'failed', 'special'] as const) expect(count(folded, k)).toBe(count(model, k));
    checkModel(folded);
  });
});

describe('the timeline under a filter', () => {
  it('keeps exactly the filtered events, on the same lanes at the same x', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(data, 'time');
    const rows = computeFilteredRows(data, { ...EMPTY_FILTERS, failedOnly: true }, null);
    const filtered = computeFilteredModel(model, rows, data.columns.count);
    expect(filtered.lanes.length).toBe(model.lanes.length);
    expect(filtered.lanes.reduce((n, l) => n + l.events.length, 0)).toBe(rows.length);
    checkModel(filtered);
    for (const i of rows) expect(filtered.laneOf[i]).toBe(model.laneOf[i]);
    for (const l of filtered.lanes) expect(l.failed.length).toBe(l.events.length); // all of them failed
  });
});

describe('sorting the table', () => {
  it('orders by a column, ties in trace order, events without a value last', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const all = computeFilteredRows(data, EMPTY_FILTERS, null);
    const byDur = computeSortedRows(data, all, { key: 'duration', dir: 'desc' });
    expect(byDur.length).toBe(all.length);
    const durs = Array.from(byDur, (i) => data.columns.dur[i] as number);
    const timed = durs.filter((d) => !Number.isNaN(d));
    expect(timed).toEqual([...timed].sort((a, b) => b - a));
    expect(durs.slice(0, timed.length).every((d) => !Number.isNaN(d))).toBe(true);
    const byName = computeSortedRows(data, all, { key: 'call', dir: 'asc' });
    const names = Array.from(byName, (i) => data.names[data.columns.nameId[i] as number] ?? '').filter(
      Boolean,
    );
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('a selected range', () => {
  it('counts the calls that start in it, per name, as a plain count does', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(data, 'time');
    const x0 = model.xMin + (model.xMax - model.xMin) * 0.2;
    const x1 = model.xMin + (model.xMax - model.xMin) * 0.6;
    const summary = computeRangeSummary(data, model, x0, x1);
    let calls = 0;
    let failed = 0;
    for (const lane of model.lanes)
      lane.events.forEach((i, j) => {
        const x = lane.x[j] as number;
        if (x < x0 || x > x1 || data.columns.kind[i] !== KIND.syscall) return;
        calls++;
        if (data.columns.errnoId[i]) failed++;
      });
    expect(summary.calls).toBe(calls);
    expect(summary.failed).toBe(failed);
    expect(summary.byName.reduce((n, b) => n + b.calls, 0)).toBe(calls);
    expect(summary.calls).toBeGreaterThan(0);
  });
});

describe('arrows between lanes', () => {
  it('joins each fork to its child, and each reaped child to the wait that reaped it', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const links = computeLaneLinks(data);
    const forks = links.filter((l) => l.kind === 'fork');
    expect(forks.length).toBe(data.processes.filter((p) => p.spawnIndex >= 0).length);
    expect(forks.length).toBeGreaterThan(0);
    for (const f of forks) {
      const name = data.names[data.columns.nameId[f.from] as number];
      expect(name).toMatch(/^(fork|vfork|clone3?)$/);
      expect(data.columns.pid[f.to]).not.toBe(data.columns.pid[f.from]);
    }
    for (const w of links.filter((l) => l.kind === 'wait')) {
      expect(data.names[data.columns.nameId[w.to] as number]).toMatch(/^wait/);
      expect(data.columns.ret[w.to]).toBe(data.columns.pid[w.from]);
    }
  });
});

describe('the overview brush', () => {
  it('never has a negative width, even for a window past the end of the trace', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 2, max: 3000 }),
        (x0, span, width) => {
          const [a, b] = computeOverviewBrush({ x0, x1: x0 + span }, { x0: 0, x1: 1 }, width);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b - a).toBeGreaterThanOrEqual(2 - 1e-9); // at least 2 px, up to rounding
          expect(b).toBeLessThanOrEqual(Math.max(2, width));
        },
      ),
    );
  });
});

describe('text as shown', () => {
  it('writes addresses in hex as strace does, other results in decimal', () => {
    expect(formatReturn('brk', 94271132356608)).toBe('0x55bd355b5000');
    expect(formatReturn('mmap', 0x7f3e1c47c000)).toBe('0x7f3e1c47c000');
    expect(formatReturn('read', 832)).toBe('832');
    expect(formatReturn('openat', -1)).toBe('-1');
    expect(formatReturn('exit_group', NaN)).toBe('');
  });

  it('shows bidi overrides and other invisible characters as escapes', () => {
    expect(formatVisibleText('"\u202egpj.exe"')).toBe('"\\u202egpj.exe"');
    expect(formatVisibleText('a\u200bb\u0085c\u0007')).toBe('a\\u200bb\\x85c\\x07');
    expect(formatVisibleText('/etc/ld.so.cache\tok')).toBe('/etc/ld.so.cache\tok');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const shown = formatVisibleText(s);
        expect(hasInvisibleText(shown)).toBe(false);
      }),
    );
  });

  it('names a run once: its label, then its title without the label', () => {
    expect(formatRunTitle('host', 'hello world in a bare chroot: host')).toBe('hello world in a bare chroot');
    expect(formatRunTitle('A', 'hello-host.log')).toBe('hello-host.log');
    expect(formatRunTitle('A', 'A')).toBe('');
  });
});
