import type { Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';

/** What the delta needs of per-syscall statistics (computeSyscallStats gives more). */
export interface SyscallCounts {
  syscalls: Record<
    string,
    { calls: number; errors: number; seconds: number; minSeconds?: number | null; maxSeconds?: number | null }
  >;
}

/** How one syscall's statistics differ between two traces. */
export interface SyscallDelta {
  name: string;
  callsA: number;
  callsB: number;
  errorsA: number;
  errorsB: number;
  secondsA: number;
  secondsB: number;
  /** Shortest and longest call, when the traces have durations (-T) and the statistics carry them. */
  minSecondsA: number | null;
  minSecondsB: number | null;
  maxSecondsA: number | null;
  maxSecondsB: number | null;
}

/**
 * Per-syscall differences between the statistics of two traces (computeSyscallStats), for every name
 * that either trace calls, largest change in calls and errors first. A name absent from one trace
 * counts as zero calls there.
 */
export function computeSyscallDelta(a: SyscallCounts, b: SyscallCounts): SyscallDelta[] {
  const names = new Set([...Object.keys(a.syscalls), ...Object.keys(b.syscalls)]);
  const out: SyscallDelta[] = [];
  for (const name of names) {
    const sa = a.syscalls[name];
    const sb = b.syscalls[name];
    out.push({
      name,
      callsA: sa?.calls ?? 0,
      callsB: sb?.calls ?? 0,
      errorsA: sa?.errors ?? 0,
      errorsB: sb?.errors ?? 0,
      secondsA: sa?.seconds ?? 0,
      secondsB: sb?.seconds ?? 0,
      minSecondsA: sa?.minSeconds ?? null,
      minSecondsB: sb?.minSeconds ?? null,
      maxSecondsA: sa?.maxSeconds ?? null,
      maxSecondsB: sb?.maxSeconds ?? null,
    });
  }
  const weight = (d: SyscallDelta): number => Math.abs(d.callsB - d.callsA) + Math.abs(d.errorsB - d.errorsA);
  return out.sort((x, y) => weight(y) - weight(x) || x.name.localeCompare(y.name));
}

/** Only the syscalls whose call or error counts differ. */
export function changedSyscalls(deltas: readonly SyscallDelta[]): SyscallDelta[] {
  return deltas.filter((d) => d.callsA !== d.callsB || d.errorsA !== d.errorsB);
}

/** `openat 12 → 30 (+18), errors 1 → 14` */
export function formatSyscallDelta(d: SyscallDelta): string {
  const diff = d.callsB - d.callsA;
  let s = `${d.name} ${d.callsA} → ${d.callsB} (${diff >= 0 ? '+' : ''}${diff})`;
  if (d.errorsA !== d.errorsB) s += `, errors ${d.errorsA} → ${d.errorsB}`;
  return s;
}

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * Calls, errors and time (total, shortest, longest) per syscall over the events not in `skip` (a mask by event index): the diff
 * leaves out launcher stages, such as the chroot program's own start-up, which would swamp the counts.
 * Unlike strace -c, a call that never returned (exit_group) counts here too.
 */
export function countSyscalls(trace: Trace, skip: Uint8Array | null): SyscallCounts {
  const c = trace.columns;
  const calls = new Int32Array(trace.names.length);
  const errors = new Int32Array(trace.names.length);
  const seconds = new Float64Array(trace.names.length);
  const min = new Float64Array(trace.names.length).fill(Infinity);
  const max = new Float64Array(trace.names.length).fill(-Infinity);
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL || (skip && skip[i])) continue;
    const id = c.nameId[i] as number;
    calls[id] = (calls[id] as number) + 1;
    if ((c.errnoId[i] as number) !== 0) errors[id] = (errors[id] as number) + 1;
    const d = c.dur[i] as number;
    if (!Number.isNaN(d)) {
      seconds[id] = (seconds[id] as number) + d;
      if (d < (min[id] as number)) min[id] = d;
      if (d > (max[id] as number)) max[id] = d;
    }
  }
  const syscalls: SyscallCounts['syscalls'] = {};
  for (let id = 0; id < calls.length; id++) {
    if ((calls[id] as number) === 0) continue;
    syscalls[trace.names[id] as string] = {
      calls: calls[id] as number,
      errors: errors[id] as number,
      seconds: seconds[id] as number,
      minSeconds: Number.isFinite(min[id]) ? (min[id] as number) : null,
      maxSeconds: Number.isFinite(max[id]) ? (max[id] as number) : null,
    };
  }
  return { syscalls };
}
