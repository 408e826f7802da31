import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { TraceUnits } from '../diff/diff-units.js';
import { argsText } from './call-args.js';
import { lineMayHold } from './quoted-bytes.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * Who made each call, and under which isolation: the parent of every pid and the call that created it,
 * the calls that changed what a process can see or do (chroot, unshare, capset, seccomp, ...), and
 * which calls ran inside a chroot. A forked child inherits what its parent had set up before the fork,
 * as the kernel does (root directory, namespaces, capabilities, seccomp filters).
 */
export interface Lineage {
  /** pid -> [parent pid, event index of the fork/clone that created it]; absent for roots. */
  parentOf: Map<number, [number, number]>;
  /** pid -> its isolation calls (successful), in order. */
  isolationOf: Map<number, number[]>;
  /** Whether event i of `pid` ran after its process (or an ancestor, before the fork) chroot()ed. */
  inChroot(pid: number, i: number): boolean;
}

/** Calls that change what a process sees or may do; prctl and clone only with the options below. */
const ISOLATION_CALLS = new Set([
  'chroot',
  'pivot_root',
  'unshare',
  'setns',
  'mount',
  'umount2',
  'capset',
  'prctl',
  'seccomp',
  'sethostname',
  'setdomainname',
  'setuid',
  'setgid',
  'setresuid',
  'setresgid',
  'setgroups',
  'clone',
  'clone3',
  'write',
]);

/** prctl options that drop privileges or install a filter (libc start-up makes other prctl calls). */
const PRCTL_ISOLATION = /PR_CAPBSET_DROP|PR_SET_SECCOMP|PR_SET_NO_NEW_PRIVS|PR_SET_KEEPCAPS|PR_CAP_AMBIENT/;

const CGROUP_FILE =
  /\/sys\/fs\/cgroup\/[^>"]*(memory\.max|memory\.high|memory\.limit_in_bytes|cgroup\.procs)>/;

export function computeLineage(trace: Trace, units: TraceUnits): Lineage {
  const parentOf = new Map<number, [number, number]>();
  const { tree } = units;
  for (const [pid, ids] of tree.byPid) {
    const first = tree.nodes[ids[0] as number];
    const parent = first && first.parent !== null ? tree.nodes[first.parent] : undefined;
    if (first && parent && parent.pid !== null) parentOf.set(pid, [parent.pid, first.spawnEvent]);
  }
  const isolationOf = new Map<number, number[]>();
  const c = trace.columns;
  const candidate = trace.names.map((name) => ISOLATION_CALLS.has(name));
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL || (c.errnoId[i] as number) !== 0) continue;
    if (!candidate[c.nameId[i] as number]) continue;
    const name = trace.name(i);
    if (!isIsolation(trace, i, name)) continue;
    const pid = c.pid[i] as number;
    const list = isolationOf.get(pid);
    if (list) list.push(i);
    else isolationOf.set(pid, [i]);
  }
  const inChroot = (pid: number, i: number): boolean =>
    isolationBefore({ parentOf, isolationOf }, pid, i, 'chroot', trace) >= 0;
  return { parentOf, isolationOf, inChroot };
}

function isIsolation(trace: Trace, i: number, name: string): boolean {
  if (name === 'prctl') return PRCTL_ISOLATION.test(argsText(trace, i));
  // A build clones and writes thousands of times: a line without the flag or the directory is passed
  // over without building its text.
  if (name === 'clone' || name === 'clone3')
    return lineMayHold(trace, i, 'CLONE_NEW') && /CLONE_NEW/.test(argsText(trace, i));
  // A cgroup joined or limited: `write(3</sys/fs/cgroup/x/memory.max>, "50M", 3)`; `-y` shows the file.
  if (name === 'write')
    return (
      trace.format.fdPaths && lineMayHold(trace, i, '/sys/fs/cgroup/') && CGROUP_FILE.test(argsText(trace, i))
    );
  return true;
}

/**
 * The latest isolation call named `name` (any when null) that applies to event `i` of `pid`: made by the
 * pid before `i`, or by an ancestor before it forked the line that leads to `pid`. -1 when none.
 */
function isolationBefore(
  lineage: Pick<Lineage, 'parentOf' | 'isolationOf'>,
  pid: number,
  i: number,
  name: string | null,
  trace: Trace,
): number {
  let at = i;
  let p = pid;
  // Bounded by the depth of the process tree: each step goes to a parent.
  for (let guard = 0; guard < 100000; guard++) {
    const list = lineage.isolationOf.get(p);
    if (list) {
      for (let k = list.length - 1; k >= 0; k--) {
        const e = list[k] as number;
        if (e < at && (name === null || trace.name(e) === name)) return e;
      }
    }
    const up = lineage.parentOf.get(p);
    if (!up) return -1;
    [p, at] = up;
  }
  return -1;
}

/** Every isolation call that applies to event `i` of `pid` (own and inherited), in trace order. */
export function isolationCallsBefore(lineage: Lineage, pid: number, i: number): number[] {
  const out: number[] = [];
  let at = i;
  let p = pid;
  for (let guard = 0; guard < 100000; guard++) {
    for (const e of lineage.isolationOf.get(p) ?? []) if (e < at) out.push(e);
    const up = lineage.parentOf.get(p);
    if (!up) break;
    [p, at] = up;
  }
  return out.sort((x, y) => x - y);
}
