import type { Trace } from '../model/index.js';
import { readExec } from './exec-text.js';
import { EVENT_KINDS } from '../model/index.js';

/** How a node of the process tree began. */
export type ProcessOrigin = 'root' | 'fork' | 'vfork' | 'clone' | 'clone3' | 'thread' | 'execve';

/**
 * One program image in one task: a process (or thread) from its creation to its first execve, then one
 * node per successful execve in the same pid (an `execve` node is the child of the image it replaced).
 * A child whose very first call is a successful execve is one node: `sh -> (fork) tr`.
 */
export interface ProcessNode {
  id: number;
  /** null when the log has no pids (one process traced without -f). */
  pid: number | null;
  parent: number | null;
  origin: ProcessOrigin;
  /** The program path as execve named it; for a fork that has not exec'd, the parent's program. */
  program: string | null;
  /** True when `program` was exec'd by this node, false when inherited across a fork. */
  execd: boolean;
  argv: string[] | null;
  /** The `/* N vars *\/` count of the execve that started this node. */
  envCount: number | null;
  /** Event index of the execve that started this image, or -1. */
  execEvent: number;
  /** Event index of the fork/clone call that created this task (its first node only), or -1. */
  spawnEvent: number;
  /** Failed execve attempts before that one (a PATH search, or the exec that never happened). */
  failedExecs: number[];
  /** First and last event index of this node (any kind). */
  firstEvent: number;
  lastEvent: number;
  syscalls: number;
  /** How the task ended, on the last node of a pid; null if the log does not say. */
  exit: { code: number } | { signal: string; core: boolean } | null;
  children: number[];
}

export interface ProcessTree {
  nodes: ProcessNode[];
  roots: number[];
  /** Node ids of each pid in order (pid -1 for "no pid"). */
  byPid: Map<number, number[]>;
  /** The node each event belongs to. */
  nodeOf: Int32Array;
}

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const EXIT = EVENT_KINDS.indexOf('exit');
const KILLED = EVENT_KINDS.indexOf('killed');
const EXEC_ROLE = 1;
const FORK_ROLE = 2;
const FORKS: Record<string, ProcessOrigin> = {
  fork: 'fork',
  vfork: 'vfork',
  clone: 'clone',
  clone3: 'clone3',
};

/** Builds the process tree: fork/vfork/clone/clone3 children, execve images, exit statuses. */
export function computeProcessTree(trace: Trace): ProcessTree {
  const c = trace.columns;
  const nodes: ProcessNode[] = [];
  const roots: number[] = [];
  const byPid = new Map<number, number[]>();
  const current = new Map<number, number>(); // pid -> node id
  const pending = new Map<number, { parent: number; origin: ProcessOrigin; spawn: number }>();
  const failed = new Map<number, number[]>(); // pid -> failed execve events not yet placed
  const nodeOf = new Int32Array(trace.count).fill(-1);

  const open = (pid: number, i: number, parent: number | null, origin: ProcessOrigin): ProcessNode => {
    const up = parent === null ? undefined : nodes[parent];
    const node: ProcessNode = {
      id: nodes.length,
      pid: pid < 0 ? null : pid,
      parent,
      origin,
      program: up?.program ?? null,
      execd: false,
      argv: up?.argv ?? null,
      envCount: null,
      execEvent: -1,
      spawnEvent: -1,
      failedExecs: [],
      firstEvent: i,
      lastEvent: i,
      syscalls: 0,
      exit: null,
      children: [],
    };
    nodes.push(node);
    if (up) up.children.push(node.id);
    else roots.push(node.id);
    current.set(pid, node.id);
    const list = byPid.get(pid);
    if (list) list.push(node.id);
    else byPid.set(pid, [node.id]);
    return node;
  };

  // What each name is to the tree, decided once per name rather than once per call.
  const role = trace.names.map((name) =>
    name === 'execve' || name === 'execveat' ? EXEC_ROLE : name in FORKS ? FORK_ROLE : 0,
  );
  let lastPid = Number.NaN;
  let lastId = -1;
  for (let i = 0; i < trace.count; i++) {
    const pid = c.pid[i] as number;
    const kind = c.kind[i] as number;
    // consecutive lines mostly come from one pid
    let id = pid === lastPid ? lastId : current.get(pid);
    if (id === undefined) {
      const p = pending.get(pid);
      const created = open(pid, i, p ? p.parent : null, p ? p.origin : 'root');
      created.spawnEvent = p ? p.spawn : -1;
      id = created.id;
    }
    let node = nodes[id] as ProcessNode;
    if (kind === SYSCALL) {
      const nameRole = role[c.nameId[i] as number];
      if (nameRole === EXEC_ROLE) {
        const ok = (c.errnoId[i] as number) === 0 && (c.ret[i] as number) === 0;
        if (!ok) {
          const list = failed.get(pid) ?? [];
          list.push(i);
          failed.set(pid, list);
        } else {
          // An image that made no call but failed execs (its fork's first act was this execve) is reused.
          if (node.syscalls - node.failedExecs.length - (failed.get(pid)?.length ?? 0) > 0 || node.execd) {
            node = open(pid, i, node.id, 'execve');
          }
          setExec(trace, node, i, failed.get(pid) ?? []);
          failed.delete(pid);
        }
      } else if (nameRole === FORK_ROLE) {
        const name = trace.name(i);
        // the line with the result: the call's own, or its `<... clone resumed>` half
        const endLine = c.endLine[i] as number;
        const resultLine = trace.sources[c.fileId[i] as number]?.line(endLine || (c.line[i] as number)) ?? '';
        const child = childPid(trace, i, resultLine);
        if (child > 0 && (c.errnoId[i] as number) === 0) {
          const firstLine = endLine === 0 ? resultLine : trace.rawLine(i);
          const thread = name.startsWith('clone') && firstLine.includes('CLONE_THREAD');
          const origin = thread ? 'thread' : (FORKS[name] as ProcessOrigin);
          pending.set(child, { parent: node.id, origin, spawn: i });
          // The child may have been seen first (its lines can precede the parent's return); re-home it.
          adopt(nodes, roots, current.get(child), node.id, origin, i);
        }
      }
      node.syscalls++;
    } else if (kind === EXIT) {
      // The builder keeps the exit code in the ret column; decode only if it did not.
      const code = c.ret[i] as number;
      if (Number.isFinite(code)) node.exit = { code };
      else {
        const ev = trace.event(i);
        if (ev.kind === 'exit') node.exit = { code: ev.code };
      }
    } else if (kind === KILLED) {
      const ev = trace.event(i);
      if (ev.kind === 'killed') node.exit = { signal: ev.signal, core: ev.core };
    }
    node.lastEvent = i;
    nodeOf[i] = node.id;
    lastPid = pid;
    lastId = node.id;
  }
  for (const [pid, list] of failed) {
    const id = current.get(pid);
    if (id !== undefined) appendAll((nodes[id] as ProcessNode).failedExecs, list);
  }
  return { nodes, roots, byPid, nodeOf };
}

/**
 * The pid a fork/clone created, as the trace's pid column names it. A process in a new pid namespace
 * (a container) gets its namespace's number back, which the pid column never shows; strace
 * --pidns-translation adds the outside number:
 *
 *   31102 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD) = 6 /* 31107 in strace's PID NS *\/
 *
 * `text` is the line that holds the call's result.
 */
function childPid(trace: Trace, i: number, text: string): number {
  const ret = trace.columns.ret[i] as number;
  const marker = text.lastIndexOf(" in strace's PID NS */");
  if (marker < 0) return ret;
  const open = text.lastIndexOf('/* ', marker);
  const outside = Number(text.slice(open + 3, marker));
  return open >= 0 && Number.isInteger(outside) && outside > 0 ? outside : ret;
}

function setExec(trace: Trace, node: ProcessNode, i: number, failedBefore: number[]): void {
  node.execEvent = i;
  node.execd = true;
  appendAll(node.failedExecs, failedBefore);
  const exec = readExec(trace, i);
  node.program = exec.path;
  node.argv = exec.argv;
  node.envCount = exec.envCount;
}

/** `to.push(...from)` without spreading: a PATH search can fail 200,000 times in one pid, past V8's argument limit. */
function appendAll(to: number[], from: readonly number[]): void {
  for (const x of from) to.push(x);
}

function adopt(
  nodes: ProcessNode[],
  roots: number[],
  childId: number | undefined,
  parentId: number,
  origin: ProcessOrigin,
  spawn: number,
): void {
  if (childId === undefined) return;
  // Walk back to the child's first node (it may have exec'd already).
  let first = nodes[childId] as ProcessNode;
  while (first.parent !== null && first.origin === 'execve') first = nodes[first.parent] as ProcessNode;
  if (first.parent !== null || first.id === parentId) return;
  const r = roots.indexOf(first.id);
  if (r >= 0) roots.splice(r, 1);
  first.parent = parentId;
  first.origin = origin;
  first.spawnEvent = spawn;
  (nodes[parentId] as ProcessNode).children.push(first.id);
}
