import { computeProcessTree, type ProcessNode } from '../../../parsers/analysis/process-tree.js';
import type { Trace } from '../../../parsers/model/index.js';
import type { ProcessInfo } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

/**
 * Processes and threads of a trace, one entry per task, for lanes and the process panel: a view of the
 * process tree that parsers/analysis computes (fork/vfork/clone/clone3 children, execve images, exits), so
 * the app and `spelunk diff` agree on who is whose child. A pid of -1 (a log without -f) is one process.
 */
export function computeProcesses(trace: Trace): ProcessInfo[] {
  const tree = computeProcessTree(trace);
  const c = trace.columns;
  const events = new Map<number, number>();
  for (let i = 0; i < c.count; i++) {
    const kind = c.kind[i] as number;
    if (kind === KIND.unknown || kind === KIND.message) continue;
    const pid = c.pid[i] as number;
    events.set(pid, (events.get(pid) ?? 0) + 1);
  }
  const out: ProcessInfo[] = [];
  for (const [pid, ids] of tree.byPid) {
    const nodes = ids.map((id) => tree.nodes[id] as ProcessNode);
    const first = nodes[0] as ProcessNode;
    const last = nodes[nodes.length - 1] as ProcessNode;
    const creator = first.parent === null ? undefined : tree.nodes[first.parent];
    const lastExec = [...nodes].reverse().find((n) => n.execd);
    const program = last.program ?? '';
    out.push({
      pid,
      parentPid: creator?.pid ?? null,
      // a thread that execs becomes its group's leader (strace shows the pid change): a process again
      isThread: first.origin === 'thread' && lastExec === undefined,
      command: program.slice(program.lastIndexOf('/') + 1),
      argv: lastExec?.argv ?? [],
      firstIndex: first.firstEvent,
      lastIndex: last.lastEvent,
      spawnIndex: first.spawnEvent,
      eventCount: events.get(pid) ?? 0,
      end:
        last.exit === null
          ? ''
          : 'code' in last.exit
            ? `exited with ${last.exit.code}`
            : `killed by ${last.exit.signal}`,
    });
  }
  return out.sort((a, b) => a.firstIndex - b.firstIndex);
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
  // A stack, not recursion: 2,500 nested clones are a tree 2,500 deep.
  const visit = (root: ProcessInfo, rootDepth: number): void => {
    const stack: { p: ProcessInfo; depth: number }[] = [{ p: root, depth: rootDepth }];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      const { p, depth } = top;
      if (seen.has(p.pid)) continue;
      seen.add(p.pid);
      out.push({ pid: p.pid, depth });
      const kids = children.get(p.pid) ?? [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push({ p: kids[k] as ProcessInfo, depth: depth + 1 });
    }
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Cycles (pid reuse) leave tasks unvisited: append them flat rather than lose them.
  for (const p of processes) if (!seen.has(p.pid)) visit(p, 0);
  return out;
}
