import { EVENT_KINDS } from '../model/event.js';
import type { TraceColumns } from '../model/trace.js';
import type { StraceSummary } from '../model/event.js';

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
  /**
   * The log holds no call but strace's own `-c` table: the figures are that table's (summed over its
   * personalities), and `unfinished`, `minSeconds`, `maxSeconds` are unknown (0, null).
   */
  fromTable?: true;
}

/** What the statistics need of a trace: its columns and name table (a Trace, or the app's copy of it). */
export interface StatsSource {
  columns: TraceColumns;
  names: readonly string[];
  /** strace's own `-c` tables, counted when the log has no call at all (a `strace -c` log). */
  summaries?: readonly StraceSummary[];
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
  if (byName.size === 0 && !only && trace.summaries && trace.summaries.length > 0)
    return statsFromTables(trace.summaries, c.count, unknownLines);
  const syscalls: Record<string, SyscallStat> = {};
  const ids = [...byName.keys()].sort((a, b) => (byName.get(b)?.calls ?? 0) - (byName.get(a)?.calls ?? 0));
  for (const id of ids) syscalls[trace.names[id] as string] = byName.get(id) as SyscallStat;
  return { syscalls, events: only ? only.length : c.count, unknownLines, timed };
}

/** The statistics of a log that holds only strace's `-c` table(s): the rows as strace counted them. */
function statsFromTables(
  tables: readonly StraceSummary[],
  events: number,
  unknownLines: number,
): SyscallStats {
  const byName = new Map<string, SyscallStat>();
  let timed = false;
  for (const t of tables) {
    for (const r of t.rows) {
      let s = byName.get(r.name);
      if (!s) {
        s = { calls: 0, unfinished: 0, errors: 0, seconds: 0, minSeconds: null, maxSeconds: null };
        byName.set(r.name, s);
      }
      s.calls += r.calls;
      s.errors += r.errors;
      s.seconds += r.seconds;
      if (r.seconds > 0) timed = true;
    }
  }
  const syscalls: Record<string, SyscallStat> = {};
  for (const [name, s] of [...byName].sort((a, b) => b[1].calls - a[1].calls)) {
    s.seconds = Math.round(s.seconds * 1e9) / 1e9; // the table's microseconds, without float tails
    syscalls[name] = s;
  }
  return { syscalls, events, unknownLines, timed, fromTable: true };
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
