import { EVENT_KINDS } from '../model/event.js';
import type { Trace } from '../model/trace.js';

export interface SyscallStat {
  calls: number;
  errors: number;
  /** Sum of durations (-T, or the time between a split call's halves); 0 when the log has none. */
  seconds: number;
  minSeconds: number | null;
  maxSeconds: number | null;
}

export interface SyscallStats {
  syscalls: Record<string, SyscallStat>;
  /** Every event of the trace, of any kind. */
  events: number;
  unknownLines: number;
}

/**
 * Per-syscall calls, errors and time, like `strace -c`. A call counts when it has started; an error is a
 * call that returned an errno (ERESTART* included, as strace counts them).
 */
export function computeSyscallStats(trace: Trace): SyscallStats {
  const c = trace.columns;
  const syscallCode = EVENT_KINDS.indexOf('syscall');
  const unknownCode = EVENT_KINDS.indexOf('unknown');
  const byName = new Map<number, SyscallStat>();
  let unknownLines = 0;
  for (let i = 0; i < c.count; i++) {
    const k = c.kind[i];
    if (k === unknownCode) unknownLines++;
    if (k !== syscallCode) continue;
    const id = c.nameId[i] as number;
    let s = byName.get(id);
    if (!s) {
      s = { calls: 0, errors: 0, seconds: 0, minSeconds: null, maxSeconds: null };
      byName.set(id, s);
    }
    s.calls++;
    if (c.errnoId[i] !== 0) s.errors++;
    const d = c.dur[i] as number;
    if (!Number.isNaN(d)) {
      s.seconds += d;
      s.minSeconds = s.minSeconds === null ? d : Math.min(s.minSeconds, d);
      s.maxSeconds = s.maxSeconds === null ? d : Math.max(s.maxSeconds, d);
    }
  }
  const syscalls: Record<string, SyscallStat> = {};
  const ids = [...byName.keys()].sort((a, b) => (byName.get(b)?.calls ?? 0) - (byName.get(a)?.calls ?? 0));
  for (const id of ids) syscalls[trace.names[id] as string] = byName.get(id) as SyscallStat;
  return { syscalls, events: c.count, unknownLines };
}
