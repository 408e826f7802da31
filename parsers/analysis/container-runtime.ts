import type { Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';
import type { ProcessTree } from './process-tree.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * A container runtime's part of a trace, found from the calls. `runc run` under `strace -f` is a Go
 * program with a dozen threads, which re-executes itself as `runc init`; that process forks twice
 * (renaming itself at each step) and the last child becomes the container's first process:
 *
 *   31005 prctl(PR_SET_NAME, "runc:[2:INIT]") = 0
 *   31005 pivot_root(".", ".") = 0
 *   ...
 *   31005 execve("/bin/echo", ["/bin/echo", "hello"], 0xc000024800 /* 3 vars *\/) = 0
 *
 * Everything before that execve, in every runc process, and everything runc does afterwards (waiting,
 * copying the output, deleting the container) is the runtime's set-up; the execve and what follows in
 * that pid and its descendants is the program itself, the twin of the host run.
 */
export interface ContainerRuntime {
  name: 'runc';
  /** The pid that became the container's first process. */
  targetPid: number;
  /** The execve of the program in it (the last attempt when all failed), or -1 when it never came. */
  targetExec: number;
  /** The runtime's pivot_root() (or chroot()) in that pid, or -1. */
  pivotEvent: number;
  /** 1 for each event of the runtime's set-up, 0 for the program's own events. */
  isRuntime: Uint8Array;
  /** Pids that have runtime events (runc's processes and threads, and the target pid before its execve). */
  runtimePids: Set<number>;
}

/** The name runc gives the process that becomes the container (runc 1.0 and later). */
const INIT_COMM = 'runc:[2:INIT]';
const INIT_NAME = `"${INIT_COMM}"`;

/** The runtime in a trace, or null when the trace shows none (a host or chroot run, a log from elsewhere). */
export function findContainerRuntime(trace: Trace, tree: ProcessTree): ContainerRuntime | null {
  if (!trace.names.includes('pivot_root') && !trace.names.includes('prctl')) return null;
  const c = trace.columns;
  let initPid = -1;
  let pivotEvent = -1;
  for (let i = 0; i < trace.count && initPid < 0; i++) {
    if ((c.kind[i] as number) !== SYSCALL) continue;
    const name = trace.name(i);
    // strace: prctl(PR_SET_NAME, "runc:[2:INIT]"); bpftrace logs no prctl argument but each call's comm.
    if (name === 'prctl' && trace.rawLine(i).includes(INIT_NAME)) initPid = c.pid[i] as number;
    else if (name === 'pivot_root' && trace.format.comm) {
      const ev = trace.event(i);
      if (ev.kind === 'syscall' && ev.comm === INIT_COMM) initPid = c.pid[i] as number;
    }
  }
  if (initPid < 0) return null;
  let targetExec = -1;
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL || (c.pid[i] as number) !== initPid) continue;
    const name = trace.name(i);
    if ((name === 'pivot_root' || name === 'chroot') && pivotEvent < 0) pivotEvent = i;
    if (name !== 'execve' && name !== 'execveat') continue;
    targetExec = i;
    // The first execve that works is the program; failed ones before it are a PATH search or a missing file.
    if ((c.errnoId[i] as number) === 0) break;
  }
  const isRuntime = new Uint8Array(trace.count).fill(1);
  const runtimePids = new Set<number>();
  if (targetExec >= 0) {
    // The program: the image the target execve starts (or, for a failed one, the rest of that pid), and every descendant.
    const start = tree.nodeOf[targetExec] as number;
    const programNodes = new Set<number>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (programNodes.has(id)) continue;
      programNodes.add(id);
      for (const child of tree.nodes[id]?.children ?? []) stack.push(child);
    }
    for (let i = targetExec; i < trace.count; i++)
      if (programNodes.has(tree.nodeOf[i] as number)) isRuntime[i] = 0;
    // A failed exec leaves runc's own error report in the same node: it is the runtime's again.
    if ((c.errnoId[targetExec] as number) !== 0)
      for (let i = targetExec + 1; i < trace.count; i++)
        if ((c.pid[i] as number) === initPid && (c.kind[i] as number) === SYSCALL) isRuntime[i] = 1;
  }
  for (let i = 0; i < trace.count; i++) if (isRuntime[i]) runtimePids.add(c.pid[i] as number);
  return { name: 'runc', targetPid: initPid, targetExec, pivotEvent, isRuntime, runtimePids };
}
