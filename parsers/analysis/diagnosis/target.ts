import type { Trace } from '../../model/index.js';
import type { DiffUnit, TraceUnits } from '../diff/diff-units.js';
import { basename } from '../diff/diff-units.js';
import type { Lineage } from './lineage.js';

/**
 * The program the user asked about, in one run: the unit of its execve (successful or not) and every
 * process it started. Everything else in the run is the launcher: env, unshare, the bind script and the
 * mount(8) it forks, chroot(8) up to its execve, setpriv, runc.
 */
export interface Target {
  pid: number;
  unit: DiffUnit;
  /** The execve that started it (-1 when the run has no exec of it). */
  execEvent: number;
  /** The target's pid and every pid it started, after its execve. */
  pids: Set<number>;
}

/**
 * Finds the target in a run: the first exec of `program` (a basename) made inside the chroot when the
 * run chroots, else the first that does not exec something else in turn (`env -i -- env` runs env
 * twice: the second is the target). Null when the run never execs it.
 */
export function findTarget(
  trace: Trace,
  units: TraceUnits,
  lineage: Lineage,
  program: string,
): Target | null {
  const candidates = units.all.filter((u) => u.execEvent >= 0 && u.program === program);
  if (candidates.length === 0) return null;
  const chrooted = candidates.find((u) => lineage.inChroot(u.pid, u.execEvent));
  const unit = chrooted ?? candidates.find((u) => !u.launcher) ?? (candidates[0] as DiffUnit);
  return { pid: unit.pid, unit, execEvent: unit.execEvent, pids: descendants(units, unit) };
}

/** The program a run is about when no context names it: the last exec of its first process. */
export function rootProgram(units: TraceUnits): string {
  const root = units.byPid.get(units.roots[0] ?? -1);
  const last = root?.units[root.units.length - 1];
  return last?.program ?? '';
}

/** `unit`'s pid and the pids it (then its children, and so on) forked after the unit began. */
function descendants(units: TraceUnits, unit: DiffUnit): Set<number> {
  const out = new Set<number>([unit.pid]);
  const from = unit.events[0] ?? 0;
  const queue: number[] = [unit.pid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const tree = units.tree;
    for (const child of units.byPid.get(pid)?.children ?? []) {
      if (out.has(child)) continue;
      const first = tree.nodes[(tree.byPid.get(child) ?? [])[0] ?? -1];
      if (pid === unit.pid && first && first.spawnEvent >= 0 && first.spawnEvent < from) continue;
      out.add(child);
      queue.push(child);
    }
  }
  return out;
}

/** The basename of a program path, for matching exec units. */
export function programName(path: string | undefined | null): string {
  return path ? basename(path) : '';
}
