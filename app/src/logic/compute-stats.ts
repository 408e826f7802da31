import type { TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

/** One row of the statistics table, as `strace -c` prints it. */
export interface StatsRow {
  name: string;
  calls: number;
  errors: number;
  /** Sum of durations (-T), or null when the log has none. */
  seconds: number | null;
  usecsPerCall: number | null;
  percentTime: number | null;
}

/**
 * Per-syscall counts like `strace -c`: calls, errors, total time, time per call and share of time, sorted by
 * time (by calls when the log has no durations). Time is the sum of -T durations, which is wall time inside
 * the call (strace -c reports system time by default, so the two differ for blocking calls).
 */
export function computeStats(trace: TraceData, only?: Int32Array): { rows: StatsRow[]; total: StatsRow } {
  const c = trace.columns;
  const k = trace.names.length;
  const calls = new Float64Array(k);
  const errors = new Float64Array(k);
  const secs = new Float64Array(k);
  const timed = new Float64Array(k);
  const visit = (i: number): void => {
    if ((c.kind[i] as number) !== KIND.syscall) return;
    const id = c.nameId[i] as number;
    calls[id]!++;
    if ((c.errnoId[i] as number) !== 0) errors[id]!++;
    const d = c.dur[i] as number;
    if (!Number.isNaN(d)) {
      secs[id]! += d;
      timed[id]!++;
    }
  };
  if (only) for (let j = 0; j < only.length; j++) visit(only[j] as number);
  else for (let i = 0; i < c.count; i++) visit(i);
  let totalSecs = 0;
  let anyTimed = false;
  for (let id = 0; id < k; id++) {
    totalSecs += secs[id] as number;
    if ((timed[id] as number) > 0) anyTimed = true;
  }
  const rows: StatsRow[] = [];
  for (let id = 0; id < k; id++) {
    if (!calls[id]) continue;
    const s = anyTimed ? (secs[id] as number) : null;
    rows.push({
      name: trace.names[id] as string,
      calls: calls[id] as number,
      errors: errors[id] as number,
      seconds: s,
      usecsPerCall: s === null ? null : Math.round((s * 1e6) / (calls[id] as number)),
      percentTime: s === null || totalSecs === 0 ? null : (100 * s) / totalSecs,
    });
  }
  rows.sort(
    (a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || b.calls - a.calls || a.name.localeCompare(b.name),
  );
  const totalCalls = rows.reduce((n, r) => n + r.calls, 0);
  const total: StatsRow = {
    name: 'total',
    calls: totalCalls,
    errors: rows.reduce((n, r) => n + r.errors, 0),
    seconds: anyTimed ? totalSecs : null,
    usecsPerCall: anyTimed && totalCalls ? Math.round((totalSecs * 1e6) / totalCalls) : null,
    percentTime: anyTimed ? 100 : null,
  };
  return { rows, total };
}
