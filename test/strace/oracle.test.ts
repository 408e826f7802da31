import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { straceLogs } from './corpus-files.js';

// strace -C appends its own per-syscall counts to the log: our counts must equal strace's arithmetic.
// strace leaves out of its table the calls that never return (exit_group, exit) and syscalls it cannot
// name (syscall_0x22b); nothing else may differ.
const withSummary = straceLogs()
  .map((f) => ({ ...f, trace: parseStrace(readFileSync(f.path, 'latin1')) }))
  .filter((f) => f.trace.summaries.length > 0 && f.trace.count > 0);

describe('strace -C summaries as the oracle', () => {
  it('covers the corpus logs that carry a summary', () => {
    expect(withSummary.length).toBeGreaterThanOrEqual(10);
  });

  it.each(withSummary)('$name: calls and errors equal strace, syscall by syscall', ({ trace }) => {
    const ours = computeSyscallStats(trace).syscalls;
    const theirs = trace.summaries.flatMap((s) => s.rows);
    for (const row of theirs) {
      expect({ name: row.name, calls: ours[row.name]?.calls, errors: ours[row.name]?.errors }).toEqual({
        name: row.name,
        calls: row.calls,
        errors: row.errors,
      });
    }
    const listed = new Set(theirs.map((r) => r.name));
    const extra = Object.keys(ours).filter((n) => !listed.has(n));
    for (const name of extra) expect(name).toMatch(/^(exit|exit_group|syscall_0x[0-9a-f]+)$/);
    const total = trace.summaries[0]?.total;
    if (total && trace.summaries.length === 1) {
      const counted = Object.entries(ours)
        .filter(([n]) => listed.has(n))
        .reduce((t, [, s]) => t + s.calls, 0);
      expect(counted).toBe(total.calls);
    }
  });
});
