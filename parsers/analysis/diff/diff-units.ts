import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { ProcessTree } from '../process-tree.js';
import { computeProcessTree } from '../process-tree.js';
import { readExec } from '../exec-text.js';
import { foldContainerRuntime } from './runtime-block.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * What the diff aligns: the syscalls of one pid from one exec attempt to the next. Unlike process-tree
 * nodes, a failed execve also starts a unit, so that `execve("/foo") = -1 ENOENT` in a chroot run lines
 * up with the host's `execve("./foo") = 0` instead of with the chroot program's own start-up.
 * Consecutive attempts (a PATH search) make one unit.
 */
export interface DiffUnit {
  pid: number;
  /** Syscall event indices, in order. */
  events: Int32Array;
  /** The execve that starts the unit (the last attempt of its group), or -1 for a pid's first stretch. */
  execEvent: number;
  execOk: boolean;
  /** Basename of the program exec'd (or inherited), "" when unknown. */
  program: string;
  programPath: string | null;
  envCount: number | null;
  /** The unit ended by exec'ing the next unit of its pid: a launcher stage (chroot, env, sh -c exec). */
  launcher: boolean;
  /** For a launcher: the event index of its chroot() call, when it made one. */
  chrootEvent: number;
  /** A container runtime's whole set-up, folded into one unit (see runtime-block.ts): its name ('runc'). */
  runtime?: string;
  /** For that unit: how many pids (processes and threads) the runtime's events came from. */
  runtimePids?: number;
}

export interface PidUnits {
  pid: number;
  units: DiffUnit[];
  /** Child pids in creation order, and whether each is a thread. */
  children: number[];
  thread: boolean;
  /** Node ids of this pid in the process tree. */
  nodes: number[];
}

export interface TraceUnits {
  tree: ProcessTree;
  byPid: Map<number, PidUnits>;
  /** Pids with no known parent, in order of appearance. */
  roots: number[];
  /** Every unit, pid by pid; `unitOfEvent[i]` is the index here of the unit holding event i, or -1. */
  all: DiffUnit[];
  unitOfEvent: Int32Array;
  /** The first unit that exec'd each program successfully, by program basename. */
  firstRunOf: Map<string, DiffUnit>;
}

/** Splits a trace into diff units, pid by pid, and records the pid lineage. */
export function computeDiffUnits(trace: Trace): TraceUnits {
  const tree = computeProcessTree(trace);
  const c = trace.columns;
  const eventsByPid = new Map<number, number[]>();
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const pid = c.pid[i] as number;
    const list = eventsByPid.get(pid);
    if (list) list.push(i);
    else eventsByPid.set(pid, [i]);
  }
  const byPid = new Map<number, PidUnits>();
  const roots: number[] = [];
  for (const [pid, nodeIds] of tree.byPid) {
    const first = tree.nodes[nodeIds[0] as number];
    if (!first) continue;
    const parentNode = first.parent === null ? null : tree.nodes[first.parent];
    const inherited = parentNode?.program ?? null;
    byPid.set(pid, {
      pid,
      units: splitUnits(trace, pid, eventsByPid.get(pid) ?? [], inherited),
      children: [],
      thread: first.origin === 'thread',
      nodes: nodeIds,
    });
    if (!parentNode) roots.push(pid);
  }
  // Children in creation order (the order of the parents' clone calls), not of first appearance.
  const spawned: [number, number, number][] = [];
  for (const [pid, nodeIds] of tree.byPid) {
    const first = tree.nodes[nodeIds[0] as number];
    const parentNode = first && first.parent !== null ? tree.nodes[first.parent] : null;
    if (first && parentNode) spawned.push([first.spawnEvent, pid, parentNode.pid ?? -1]);
  }
  spawned.sort((x, y) => x[0] - y[0]);
  for (const [, pid, parent] of spawned) byPid.get(parent)?.children.push(pid);
  const all: DiffUnit[] = [];
  const unitOfEvent = new Int32Array(trace.count).fill(-1);
  const firstRunOf = new Map<string, DiffUnit>();
  for (const p of byPid.values()) {
    for (const u of p.units) {
      for (const i of u.events) unitOfEvent[i] = all.length;
      all.push(u);
      if (u.execOk && !firstRunOf.has(u.program)) firstRunOf.set(u.program, u);
    }
  }
  return foldContainerRuntime(trace, { tree, byPid, roots, all, unitOfEvent, firstRunOf });
}

function isExec(trace: Trace, i: number): boolean {
  const name = trace.name(i);
  return name === 'execve' || name === 'execveat';
}

function splitUnits(trace: Trace, pid: number, events: number[], inherited: string | null): DiffUnit[] {
  const units: DiffUnit[] = [];
  let start = 0;
  let execEvent = -1;
  const flush = (end: number, launcher: boolean): void => {
    if (end <= start && execEvent < 0) return;
    units.push(makeUnit(trace, pid, events.slice(start, end), execEvent, inherited, launcher));
  };
  for (let k = 0; k < events.length; k++) {
    const i = events[k] as number;
    if (!isExec(trace, i)) continue;
    const prev = k > 0 ? (events[k - 1] as number) : -1;
    const inGroup = prev >= 0 && isExec(trace, prev) && (trace.columns.errnoId[prev] as number) !== 0;
    if (inGroup) {
      execEvent = i;
      continue;
    }
    if (k > 0) flush(k, true);
    start = k;
    execEvent = i;
  }
  flush(events.length, false);
  return units;
}

function makeUnit(
  trace: Trace,
  pid: number,
  events: number[],
  execEvent: number,
  inherited: string | null,
  launcher: boolean,
): DiffUnit {
  let path = inherited;
  let envCount: number | null = null;
  let execOk = false;
  if (execEvent >= 0) {
    const exec = readExec(trace, execEvent);
    path = exec.path;
    // busybox runs an applet as execve("/proc/self/exe", ["wc", "-c"]): the program is argv[0]'s.
    if (path === '/proc/self/exe' && exec.argv?.[0]) path = exec.argv[0];
    envCount = exec.envCount;
    execOk = (trace.columns.errnoId[execEvent] as number) === 0;
  }
  let chrootEvent = -1;
  if (launcher) for (const i of events) if (trace.name(i) === 'chroot') chrootEvent = i;
  return {
    pid,
    events: Int32Array.from(events),
    execEvent,
    execOk,
    program: basename(path ?? ''),
    programPath: path,
    envCount,
    launcher,
    chrootEvent,
  };
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}
