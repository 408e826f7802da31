import type { Trace } from '../../model/index.js';
import type { ContainerRuntime } from '../container-runtime.js';
import { findContainerRuntime } from '../container-runtime.js';
import type { DiffUnit, PidUnits, TraceUnits } from './diff-units.js';

/**
 * A container run compared with its host twin: the runtime's set-up (every runc process and thread,
 * and the container's first process up to the execve of the program) becomes one unit, shown as one
 * block like the chroot program's start-up, and the program's process becomes the root that pairs with
 * the host run's root. Without a runtime in the trace the units are returned as they are.
 */
export function foldContainerRuntime(trace: Trace, units: TraceUnits): TraceUnits {
  const runtime = findContainerRuntime(trace, units.tree);
  if (!runtime || runtime.targetExec < 0) return units;
  const target = units.byPid.get(runtime.targetPid);
  if (!target) return units;
  const setup: number[] = [];
  for (let i = 0; i < trace.count; i++)
    if (runtime.isRuntime[i] && (units.unitOfEvent[i] as number) >= 0) setup.push(i);
  const block = runtimeUnit(runtime, setup);
  // The program's own units: runc init's Go threads are children of the target pid too, all runtime.
  const programUnits = (p: PidUnits): DiffUnit[] =>
    p.units
      .map((u) => ({ ...u, events: u.events.filter((i) => !runtime.isRuntime[i]) }))
      .filter((u) => u.events.length > 0 || u.execEvent === runtime.targetExec);
  const byPid = new Map<number, PidUnits>();
  const keep = (p: PidUnits, units0: DiffUnit[]): void => {
    const children = p.children.filter((c) => (units.byPid.get(c)?.units.length ?? 0) > 0);
    const kept: number[] = [];
    byPid.set(p.pid, { ...p, units: units0, children: kept });
    for (const child of children) {
      const cp = units.byPid.get(child) as PidUnits;
      const own = programUnits(cp);
      if (own.length === 0) continue;
      kept.push(child);
      keep(cp, own);
    }
  };
  keep(target, [block, ...programUnits(target)]);
  const all: DiffUnit[] = [];
  const unitOfEvent = new Int32Array(trace.count).fill(-1);
  const firstRunOf = new Map<string, DiffUnit>();
  for (const p of byPid.values()) {
    for (const u of p.units) {
      for (const i of u.events) unitOfEvent[i] = all.length;
      all.push(u);
      if (u.execOk && !u.runtime && !firstRunOf.has(u.program)) firstRunOf.set(u.program, u);
    }
  }
  return { tree: units.tree, byPid, roots: [runtime.targetPid], all, unitOfEvent, firstRunOf };
}

function runtimeUnit(runtime: ContainerRuntime, events: number[]): DiffUnit {
  return {
    pid: runtime.targetPid,
    events: Int32Array.from(events),
    execEvent: -1,
    execOk: false,
    program: runtime.name,
    programPath: null,
    envCount: null,
    launcher: true,
    chrootEvent: runtime.pivotEvent,
    runtime: runtime.name,
    runtimePids: runtime.runtimePids.size,
  };
}
