import { readFileSync, readdirSync } from 'node:fs';

/**
 * Who a process is, from /proc/PID/stat. A pid alone does not name a process (pids are reused): a pid
 * and its start time (field 22, clock ticks since boot) do, within one boot.
 *
 *   4001 (strace) S 3990 4001 4001 0 -1 4194560 ... 1047967 ...
 *   pid  (comm)   state ppid pgrp session              starttime
 */
export interface ProcStat {
  pid: number;
  /** R, S, D, T, t, Z (zombie), X (dead), ... */
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  startTicks: number;
}

export function readProcStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return null;
  }
  // The comm may hold spaces and parentheses: the fields start after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    state: f[0] ?? '?',
    ppid: Number(f[1]),
    pgrp: Number(f[2]),
    session: Number(f[3]),
    startTicks: Number(f[19]),
  };
}

/** Every process on the machine (the ones that vanish while we read are skipped). */
export function listProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/** True while that very process runs: same pid, same start time, not a zombie. */
export function isRunning(pid: number, startTicks: number): boolean {
  const stat = readProcStat(pid);
  return stat !== null && stat.startTicks === startTicks && stat.state !== 'Z' && stat.state !== 'X';
}

/** This boot's id: a record written before a reboot names no process of this one. */
export function readBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim();
  } catch {
    return 'unknown';
  }
}
