import type { SyscallStats } from './syscall-stats.js';

/** How one syscall's statistics differ between two traces. */
export interface SyscallDelta {
  name: string;
  callsA: number;
  callsB: number;
  errorsA: number;
  errorsB: number;
  secondsA: number;
  secondsB: number;
}

/**
 * Per-syscall differences between the statistics of two traces (computeSyscallStats), for every name
 * that either trace calls, largest change in calls and errors first. A name absent from one trace
 * counts as zero calls there.
 */
export function computeSyscallDelta(a: SyscallStats, b: SyscallStats): SyscallDelta[] {
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
