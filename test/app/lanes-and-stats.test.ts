import { describe, expect, it } from 'vitest';
import { computeLanes } from '../../app/src/logic/compute-lanes.js';
import { computeTreeOrder } from '../../app/src/logic/compute-processes.js';
import { computeFilteredRows, computeSibling } from '../../app/src/logic/compute-rows.js';
import { computeStatsTable, computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import { EMPTY_FILTERS } from '../../app/src/store/filters.js';
import { KIND } from '../../app/src/trace/trace-data.js';
import { loadCorpusTrace } from './load-corpus.js';

describe('lanes on real logs', () => {
  it('puts every call, signal and exit of a multi-process log on its task lane, in tree order', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const model = computeLanes(data, 'time');
    const pids = model.lanes.map((l) => l.pid);
    expect(new Set(pids).size).toBe(pids.length);
    // Tree order: every lane's parent comes before it.
    const parent = new Map(data.processes.map((p) => [p.pid, p.parentPid]));
    pids.forEach((pid, k) => {
      const pp = parent.get(pid);
      if (pp !== null && pp !== undefined && pids.includes(pp)) expect(pids.indexOf(pp)).toBeLessThan(k);
    });
    let placed = 0;
    for (let i = 0; i < data.columns.count; i++) {
      const kind = data.columns.kind[i] as number;
      if (kind === KIND.unknown || kind === KIND.message) continue;
      placed++;
      const lane = model.lanes[model.laneOf[i] as number]!;
      expect(lane.pid).toBe(data.columns.pid[i]);
      expect(lane.events[model.posOf[i] as number]).toBe(i);
    }
    expect(model.lanes.reduce((n, l) => n + l.events.length, 0)).toBe(placed);
    for (const lane of model.lanes)
      for (let j = 1; j < lane.x.length; j++) expect(lane.x[j]!).toBeGreaterThanOrEqual(lane.x[j - 1]!);
  });

  it('knows threads from CLONE_THREAD and names processes after what they exec', () => {
    const { data } = loadCorpusTrace('mt-f.log');
    expect(data.processes.some((p) => p.isThread)).toBe(true);
    const order = computeTreeOrder(data.processes);
    expect(order[0]!.depth).toBe(0);
    expect(data.processes[0]!.command).not.toBe('');
  });

  it('falls back to call order for a log without timestamps', () => {
    const { data } = loadCorpusTrace('true-plain.log');
    const model = computeLanes(data, 'time');
    expect(model.xMode).toBe('order');
    expect(model.xMin).toBe(0);
  });
});

describe('statistics against strace -C', () => {
  for (const log of ['foo-host.log', 'foo-chroot-fails.log', 'pipe-f-yy.log', 'mt-f.log']) {
    it(`counts the same calls and errors as strace's own table in ${log}`, () => {
      const { data } = loadCorpusTrace(log);
      const summary = data.summaries[0];
      expect(summary).toBeDefined();
      const { rows } = computeStatsTable(computeSyscallStats(data));
      const ours = new Map(rows.map((r) => [r.name, r]));
      for (const row of summary!.rows) {
        expect(ours.get(row.name)?.calls, row.name).toBe(row.calls);
        expect(ours.get(row.name)?.errors ?? 0, row.name).toBe(row.errors);
      }
    });
  }
});

describe('table filters', () => {
  it('finds the failed calls of the bare chroot run, execve among them', () => {
    const { data } = loadCorpusTrace('foo-chroot-fails.log');
    const failed = computeFilteredRows(data, { ...EMPTY_FILTERS, failedOnly: true }, null);
    expect(failed.length).toBeGreaterThan(0);
    for (const i of failed) expect(data.columns.errnoId[i]).not.toBe(0);
    const names = new Set([...failed].map((i) => data.names[data.columns.nameId[i] as number]));
    expect(names.has('execve')).toBe(true);
    const enoent = computeFilteredRows(data, { ...EMPTY_FILTERS, errno: 'ENOENT' }, null);
    expect(enoent.length).toBeGreaterThan(0);
    expect(enoent.length).toBeLessThanOrEqual(failed.length);
  });

  it('filters by name, category and pid, and intersects with text matches', () => {
    const { data } = loadCorpusTrace('pipe-f-yy.log');
    const mmaps = computeFilteredRows(data, { ...EMPTY_FILTERS, names: ['mmap'] }, null);
    for (const i of mmaps) expect(data.names[data.columns.nameId[i] as number]).toBe('mmap');
    const memory = computeFilteredRows(data, { ...EMPTY_FILTERS, categories: ['memory'] }, null);
    expect(memory.length).toBeGreaterThanOrEqual(mmaps.length);
    const pid = data.processes[1]!.pid;
    const byPid = computeFilteredRows(data, { ...EMPTY_FILTERS, pids: [pid] }, null);
    for (const i of byPid) expect(data.columns.pid[i]).toBe(pid);
    const text = computeFilteredRows(
      data,
      { ...EMPTY_FILTERS, names: ['mmap'], text: 'x' },
      Int32Array.from([mmaps[0]!, mmaps[0]! + 1]),
    );
    expect([...text]).toEqual(
      data.names[data.columns.nameId[mmaps[0]! + 1] as number] === 'mmap'
        ? [mmaps[0], mmaps[0]! + 1]
        : [mmaps[0]],
    );
  });

  it('steps to the next call of the same name and of the same process', () => {
    const { data } = loadCorpusTrace('foo-host.log');
    const first = data.names.indexOf('mmap');
    const i = data.columns.nameId.indexOf(first);
    const next = computeSibling(data, i, 'name', 1);
    expect(data.columns.nameId[next]).toBe(first);
    expect(computeSibling(data, next, 'name', -1)).toBe(i);
    expect(computeSibling(data, i, 'pid', 1)).toBe(i + 1);
  });
});
