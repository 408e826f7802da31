import { EVENT_KINDS } from '../model/event.js';
import type { Trace } from '../model/trace.js';

export interface SyscallStat {
  /** Calls that returned (with a value or an errno), as strace -c counts them. */
  calls: number;
  /** Calls that never returned: exit_group, a task killed inside a call, a log cut short. */
  unfinished: number;
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
 * Per-syscall calls, errors and time, like `strace -c`: a call counts once it returns, an error is a call
 * that returned an errno (ERESTART* included, as strace counts them). Calls that never returned are
 * counted apart, so the numbers equal strace's own table and nothing is lost.
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
      s = { calls: 0, unfinished: 0, errors: 0, seconds: 0, minSeconds: null, maxSeconds: null };
      byName.set(id, s);
    }
    const failed = c.errnoId[i] !== 0;
    if (failed || !Number.isNaN(c.ret[i] as number)) s.calls++;
    else s.unfinished++;
    if (failed) s.errors++;
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
