import { describe, expect, it } from 'vitest';
import {
  changedSyscalls,
  computeSyscallDelta,
  formatSyscallDelta,
} from '../../parsers/analysis/syscall-delta.js';
import { computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import type { Trace } from '../../parsers/model/index.js';
import { loadLog } from './diff-helpers.js';

/** strace's own -C table at the end of the log: name -> [calls, errors]. */
function straceTable(trace: Trace): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const s of trace.summaries) for (const r of s.rows) out.set(r.name, [r.calls, r.errors]);
  return out;
}

describe('per-syscall delta', () => {
  it("agrees with strace's own -C tables of both runs (host vs chroot without the loader)", () => {
    const a = loadLog('corpus:foo-host.log');
    const b = loadLog('corpus:foo-chroot-fails.log');
    const deltas = computeSyscallDelta(computeSyscallStats(a), computeSyscallStats(b));
    const ta = straceTable(a);
    const tb = straceTable(b);
    expect(ta.size).toBeGreaterThan(0);
    expect(tb.size).toBeGreaterThan(0);
    for (const d of deltas) {
      expect([d.callsA, d.errorsA]).toEqual(ta.get(d.name) ?? [0, 0]);
      expect([d.callsB, d.errorsB]).toEqual(tb.get(d.name) ?? [0, 0]);
    }
    // Every name of either table is there (exit_group never returns: strace does not count it).
    const called = deltas.filter((d) => d.callsA + d.callsB > 0).map((d) => d.name);
    expect(new Set(called)).toEqual(new Set([...ta.keys(), ...tb.keys()]));
  });

  it('ranks the biggest changes first and says them in one line each', () => {
    const deltas = changedSyscalls(
      computeSyscallDelta(
        computeSyscallStats(loadLog('corpus:foo-host.log')),
        computeSyscallStats(loadLog('corpus:foo-chroot-fails.log')),
      ),
    );
    expect(deltas[0]?.name).toBe('openat');
    expect(formatSyscallDelta(deltas[0] as (typeof deltas)[number])).toBe(
      'openat 2 → 36 (+34), errors 0 → 19',
    );
    expect(
      deltas.find((d) => d.name === 'execve') &&
        formatSyscallDelta(deltas.find((d) => d.name === 'execve') as (typeof deltas)[number]),
    ).toBe('execve 1 → 2 (+1), errors 0 → 1');
  });

  it('is empty for a rerun', () => {
    const deltas = computeSyscallDelta(
      computeSyscallStats(loadLog('fixture:ls-run1.log')),
      computeSyscallStats(loadLog('fixture:ls-run2.log')),
    );
    expect(changedSyscalls(deltas)).toEqual([]);
  });
});

describe('per-syscall time', () => {
  it('carries total, shortest and longest durations of both runs (-T logs)', () => {
    const deltas = computeSyscallDelta(
      computeSyscallStats(loadLog('corpus:foo-host.log')),
      computeSyscallStats(loadLog('corpus:foo-chroot-works.log')),
    );
    const execve = deltas.find((d) => d.name === 'execve');
    // foo-host.log: one execve of <0.000200>; foo-chroot-works.log: <0.000206> and <0.000234>.
    expect(execve).toMatchObject({
      minSecondsA: 0.0002,
      maxSecondsA: 0.0002,
      minSecondsB: 0.000206,
      maxSecondsB: 0.000234,
    });
    expect(execve?.secondsB).toBeCloseTo(0.00044, 9);
  });
});
