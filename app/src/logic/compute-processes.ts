import type { Trace } from '../../../parsers/model/index.js';
import type { ProcessInfo } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

const CREATORS = new Set(['fork', 'vfork', 'clone', 'clone3']);

/**
 * Processes and threads of a trace with their parent, program and end, from fork/clone returns, execve
 * arguments and exit lines. A pid of -1 (a log without -f) becomes one process with pid -1.
 * Decoding an event costs ~0.1 ms, so this decodes only the last execve of each task (a 1M-event build
 * log has thousands of execves). CLONE_THREAD is read from the raw line (`flags=...|CLONE_THREAD|...`,
 * the same in clone() and clone3({flags=...})), and exit codes from `+++ exited with N +++`.
 */
export function computeProcesses(trace: Trace): ProcessInfo[] {
  const c = trace.columns;
  const byPid = new Map<number, ProcessInfo>();
  const get = (pid: number, index: number): ProcessInfo => {
    let p = byPid.get(pid);
    if (!p) {
      p = {
        pid,
        parentPid: null,
        isThread: false,
        command: '',
        argv: [],
        firstIndex: index,
        lastIndex: index,
        eventCount: 0,
        end: '',
      };
      byPid.set(pid, p);
    }
    return p;
  };
  const lastExec = new Map<number, number>();
  const execveIds = new Set<number>();
  const creatorIds = new Set<number>();
  trace.names.forEach((n, id) => {
    if (n === 'execve' || n === 'execveat') execveIds.add(id);
    if (CREATORS.has(n)) creatorIds.add(id);
  });
  for (let i = 0; i < c.count; i++) {
    const kind = c.kind[i] as number;
    if (kind === KIND.unknown || kind === KIND.message) continue;
    const pid = c.pid[i] as number;
    const p = get(pid, i);
    p.lastIndex = i;
    p.eventCount++;
    if (kind === KIND.syscall) {
      const nameId = c.nameId[i] as number;
      const ret = c.ret[i] as number;
      if (creatorIds.has(nameId) && ret > 0) {
        const child = get(ret, i);
        if (child.parentPid === null && child.pid !== pid) {
          child.parentPid = pid;
          child.isThread = trace.rawLine(i).includes('CLONE_THREAD');
        }
      } else if (execveIds.has(nameId) && ret === 0) lastExec.set(pid, i);
    } else if (kind === KIND.exit) {
      const code = /exited with (-?\d+)/.exec(trace.rawLine(i))?.[1];
      p.end = code === undefined ? 'exited' : `exited with ${code}`;
    } else if (kind === KIND.killed) {
      p.end = `killed by ${trace.name(i)}`;
    }
  }
  for (const [pid, i] of lastExec) {
    const p = byPid.get(pid);
    const ev = trace.event(i);
    if (!p || ev.kind !== 'syscall') continue;
    const pathArg = ev.name === 'execveat' ? ev.args[1] : ev.args[0];
    const argvArg = ev.name === 'execveat' ? ev.args[2] : ev.args[1];
    const path = pathArg?.type === 'string' ? pathArg.value : '';
    p.command = path.slice(path.lastIndexOf('/') + 1);
    p.argv =
      argvArg?.type === 'array' ? argvArg.items.flatMap((a) => (a.type === 'string' ? [a.value] : [])) : [];
    // A thread that execs becomes its group's leader (strace shows the pid change): a process again.
    p.isThread = false;
  }
  // A thread inherits its group's program; a forked child its parent's until it execs.
  const ordered = [...byPid.values()].sort((a, b) => a.firstIndex - b.firstIndex);
  for (const p of ordered) {
    if (!p.command && p.parentPid !== null) p.command = byPid.get(p.parentPid)?.command ?? '';
  }
  return ordered;
}

/** Pids in process-tree order: depth first, children in order of first appearance. */
export function computeTreeOrder(processes: readonly ProcessInfo[]): { pid: number; depth: number }[] {
  const children = new Map<number | null, ProcessInfo[]>();
  const known = new Set(processes.map((p) => p.pid));
  for (const p of processes) {
    const parent = p.parentPid !== null && known.has(p.parentPid) ? p.parentPid : null;
    const list = children.get(parent) ?? [];
    list.push(p);
    children.set(parent, list);
  }
  const out: { pid: number; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (p: ProcessInfo, depth: number): void => {
    if (seen.has(p.pid)) return;
    seen.add(p.pid);
    out.push({ pid: p.pid, depth });
    for (const c of children.get(p.pid) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Cycles (pid reuse) leave tasks unvisited: append them flat rather than lose them.
  for (const p of processes) if (!seen.has(p.pid)) visit(p, 0);
  return out;
}
