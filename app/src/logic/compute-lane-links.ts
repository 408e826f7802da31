import type { ProcessInfo, TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

/**
 * What joins two lanes: a fork/vfork/clone and the child it made, a child's end and the wait4 that
 * reaped it, and a thread's execve that replaced its thread group's leader (strace's `+++ superseded by
 * execve in pid N +++`). `from` and `to` are event indices.
 */
export interface LaneLink {
  kind: 'fork' | 'wait' | 'exec';
  from: number;
  to: number;
}

const WAITS = new Set(['wait4', 'waitpid', 'wait3', 'waitid']);

export function computeLaneLinks(trace: TraceData): LaneLink[] {
  const c = trace.columns;
  const byPid = new Map<number, ProcessInfo>(trace.processes.map((p) => [p.pid, p]));
  const links: LaneLink[] = [];
  for (const p of trace.processes)
    if (p.spawnIndex >= 0 && p.firstIndex >= 0 && p.firstIndex !== p.spawnIndex)
      links.push({ kind: 'fork', from: p.spawnIndex, to: p.firstIndex });
  const waitIds = new Set<number>();
  trace.names.forEach((n, id) => WAITS.has(n) && waitIds.add(id));
  const lastExecOf = new Map<number, number>();
  const execId = trace.names.indexOf('execve');
  for (let i = 0; i < c.count; i++) {
    const kind = c.kind[i] as number;
    if (kind === KIND.syscall) {
      const name = c.nameId[i] as number;
      if (name === execId) lastExecOf.set(c.pid[i] as number, i);
      if (!waitIds.has(name)) continue;
      const child = byPid.get(c.ret[i] as number);
      if (child && child.lastIndex >= 0 && child.lastIndex < i)
        links.push({ kind: 'wait', from: child.lastIndex, to: i });
    } else if (kind === KIND.superseded) {
      const exec = lastExecOf.get(c.ret[i] as number);
      if (exec !== undefined) links.push({ kind: 'exec', from: exec, to: i });
    }
  }
  return links;
}
