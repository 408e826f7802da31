import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { ProcessTree } from '../process-tree.js';
import { computeProcessTree } from '../process-tree.js';
import type { ExecArgs } from '../exec-text.js';
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
  const eventsOf = syscallsByPid(trace);
  const names = unitNames(trace);
  const byPid = new Map<number, PidUnits>();
  const roots: number[] = [];
  for (const [pid, nodeIds] of tree.byPid) {
    const first = tree.nodes[nodeIds[0] as number];
    if (!first) continue;
    const parentNode = first.parent === null ? null : tree.nodes[first.parent];
    const inherited = parentNode?.program ?? null;
    byPid.set(pid, {
      pid,
      units: splitUnits(trace, tree, names, pid, eventsOf(pid), inherited),
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

/**
 * The syscall events of each pid, in order: one pass counts them, a second places them, all in one
 * array (a list per pid grown call by call cost the diff of two 650k-call logs a tenth of a second).
 */
function syscallsByPid(trace: Trace): (pid: number) => Int32Array {
  const c = trace.columns;
  const slotOf = new Map<number, number>();
  const slots = new Int32Array(trace.count);
  let counts = new Int32Array(64);
  let lastPid = Number.NaN;
  let lastSlot = -1;
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const pid = c.pid[i] as number;
    if (pid !== lastPid) {
      let slot = slotOf.get(pid);
      if (slot === undefined) {
        slot = slotOf.size;
        slotOf.set(pid, slot);
        if (slot === counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      lastPid = pid;
      lastSlot = slot;
    }
    slots[i] = lastSlot;
    counts[lastSlot] = (counts[lastSlot] as number) + 1;
  }
  const starts = new Int32Array(slotOf.size + 1);
  for (let s = 0; s < slotOf.size; s++) starts[s + 1] = (starts[s] as number) + (counts[s] as number);
  const grouped = new Int32Array(starts[slotOf.size] as number);
  const at = starts.slice(0, slotOf.size);
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const s = slots[i] as number;
    grouped[at[s] as number] = i;
    at[s] = (at[s] as number) + 1;
  }
  return (pid) => {
    const s = slotOf.get(pid);
    return s === undefined ? new Int32Array(0) : grouped.subarray(starts[s], starts[s + 1]);
  };
}

/** Which names start a unit (execve, execveat) and which is chroot, by name id. */
interface UnitNames {
  exec: Uint8Array;
  chroot: Uint8Array;
}

function unitNames(trace: Trace): UnitNames {
  return {
    exec: Uint8Array.from(trace.names, (n) => (n === 'execve' || n === 'execveat' ? 1 : 0)),
    chroot: Uint8Array.from(trace.names, (n) => (n === 'chroot' ? 1 : 0)),
  };
}

function splitUnits(
  trace: Trace,
  tree: ProcessTree,
  names: UnitNames,
  pid: number,
  events: Int32Array,
  inherited: string | null,
): DiffUnit[] {
  const nameId = trace.columns.nameId;
  const isExec = (i: number): boolean => names.exec[nameId[i] as number] === 1;
  const units: DiffUnit[] = [];
  let start = 0;
  let execEvent = -1;
  const flush = (end: number, launcher: boolean): void => {
    if (end <= start && execEvent < 0) return;
    units.push(makeUnit(trace, tree, names, pid, events.slice(start, end), execEvent, inherited, launcher));
  };
  for (let k = 0; k < events.length; k++) {
    const i = events[k] as number;
    if (!isExec(i)) continue;
    const prev = k > 0 ? (events[k - 1] as number) : -1;
    const inGroup = prev >= 0 && isExec(prev) && (trace.columns.errnoId[prev] as number) !== 0;
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
  tree: ProcessTree,
  names: UnitNames,
  pid: number,
  events: Int32Array,
  execEvent: number,
  inherited: string | null,
  launcher: boolean,
): DiffUnit {
  let path = inherited;
  let envCount: number | null = null;
  let execOk = false;
  if (execEvent >= 0) {
    const exec = execArgs(trace, tree, execEvent);
    path = exec.path;
    // busybox runs an applet as execve("/proc/self/exe", ["wc", "-c"]): the program is argv[0]'s.
    if (path === '/proc/self/exe' && exec.argv?.[0]) path = exec.argv[0];
    envCount = exec.envCount;
    execOk = (trace.columns.errnoId[execEvent] as number) === 0;
  }
  let chrootEvent = -1;
  if (launcher) for (const i of events) if (names.chroot[trace.columns.nameId[i] as number]) chrootEvent = i;
  return {
    pid,
    events,
    execEvent,
    execOk,
    program: basename(path ?? ''),
    programPath: path,
    envCount,
    launcher,
    chrootEvent,
  };
}

/** readExec of an execve: the process tree read it already when it started an image. */
function execArgs(trace: Trace, tree: ProcessTree, i: number): ExecArgs {
  const node = tree.nodes[tree.nodeOf[i] as number];
  if (node?.execEvent === i)
    return { path: node.program, argv: node.argv, argvCut: null, envCount: node.envCount };
  return readExec(trace, i);
}

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}
