import { EVENT_KINDS } from '../model/event.js';
import type { TraceColumns } from '../model/trace.js';

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
  /** Every event counted (of any kind). */
  events: number;
  unknownLines: number;
  /** Whether any call had a duration (-T, or split halves with timestamps). */
  timed: boolean;
}

/** What the statistics need of a trace: its columns and name table (a Trace, or the app's copy of it). */
export interface StatsSource {
  columns: TraceColumns;
  names: readonly string[];
}

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const UNKNOWN = EVENT_KINDS.indexOf('unknown');

/**
 * Per-syscall calls, errors and time, like `strace -c`: a call counts once it returns, an error is a call
 * that returned an errno (ERESTART* included, as strace counts them). Calls that never returned are
 * counted apart, so the numbers equal strace's own table and nothing is lost. `only` restricts the count
 * to those event indices (a filtered view).
 */
export function computeSyscallStats(trace: StatsSource, only?: ArrayLike<number>): SyscallStats {
  const c = trace.columns;
  const byName = new Map<number, SyscallStat>();
  let unknownLines = 0;
  let timed = false;
  const visit = (i: number): void => {
    const k = c.kind[i];
    if (k === UNKNOWN) unknownLines++;
    if (k !== SYSCALL) return;
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
      timed = true;
      s.seconds += d;
      s.minSeconds = s.minSeconds === null ? d : Math.min(s.minSeconds, d);
      s.maxSeconds = s.maxSeconds === null ? d : Math.max(s.maxSeconds, d);
    }
  };
  if (only) for (let j = 0; j < only.length; j++) visit(only[j] as number);
  else for (let i = 0; i < c.count; i++) visit(i);
  const syscalls: Record<string, SyscallStat> = {};
  const ids = [...byName.keys()].sort((a, b) => (byName.get(b)?.calls ?? 0) - (byName.get(a)?.calls ?? 0));
  for (const id of ids) syscalls[trace.names[id] as string] = byName.get(id) as SyscallStat;
  return { syscalls, events: only ? only.length : c.count, unknownLines, timed };
}

/** One row of the table `strace -c` prints. */
export interface StatsRow {
  name: string;
  calls: number;
  errors: number;
  /** Null when the log has no durations. */
  seconds: number | null;
  usecsPerCall: number | null;
  percentTime: number | null;
}

/**
 * The rows of a `strace -c`-style table, sorted by time (by calls when there are no durations), and the
 * total row. Time is the sum of durations, which is wall time in the call (strace -c reports system time
 * by default, so the two differ for blocking calls). Calls that never returned are left out, as strace does.
 */
export function computeStatsTable(stats: SyscallStats): { rows: StatsRow[]; total: StatsRow } {
  const entries = Object.entries(stats.syscalls).filter(([, s]) => s.calls > 0);
  const totalSecs = entries.reduce((t, [, s]) => t + s.seconds, 0);
  const row = (name: string, calls: number, errors: number, secs: number, pct: number | null): StatsRow => ({
    name,
    calls,
    errors,
    seconds: stats.timed ? secs : null,
    usecsPerCall: stats.timed && calls > 0 ? Math.round((secs * 1e6) / calls) : null,
    percentTime: stats.timed ? pct : null,
  });
  const rows = entries.map(([name, s]) =>
    row(name, s.calls, s.errors, s.seconds, totalSecs > 0 ? (100 * s.seconds) / totalSecs : 0),
  );
  rows.sort(
    (a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || b.calls - a.calls || a.name.localeCompare(b.name),
  );
  const calls = rows.reduce((n, r) => n + r.calls, 0);
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  return { rows, total: row('total', calls, errors, totalSecs, 100) };
}
