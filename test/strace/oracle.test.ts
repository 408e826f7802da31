import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSyscallStats } from '../../parsers/analysis/syscall-stats.js';
import { parseStrace } from '../../parsers/strace/index.js';
import { straceLogs } from './corpus-files.js';

// strace -C appends its own per-syscall counts to the log: our counts must equal strace's arithmetic.
// strace counts a call when it returns, so calls that never did (exit_group, a task killed in a call)
// are only in our `unfinished` count; and it leaves out syscalls it cannot name (syscall_0x22b).
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
    for (const name of extra) {
      if (!/^syscall_0x[0-9a-f]+$/.test(name))
        expect({ name, calls: ours[name]?.calls }).toEqual({ name, calls: 0 });
    }
    const total = trace.summaries[0]?.total;
    if (total && trace.summaries.length === 1) {
      const counted = Object.entries(ours)
        .filter(([n]) => listed.has(n))
        .reduce((t, [, s]) => t + s.calls, 0);
      expect(counted).toBe(total.calls);
    }
  });
});
