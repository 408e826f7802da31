import type { Trace } from '../../model/index.js';
import { argsText } from './call-args.js';
import { isolationCallsBefore } from './lineage.js';
import type { RunFacts } from './run-facts.js';

/**
 * What a process may do, read from the calls that changed it: capability sets (capset, and
 * prctl(PR_CAPBSET_DROP) which shrinks what any later execve can get), seccomp filters (seccomp(),
 * prctl(PR_SET_SECCOMP)), and which capability a refused call needs.
 */

/** The capability the kernel checks before it lets this call through; null when none is known. */
export function capabilityFor(trace: Trace, i: number): string | null {
  const name = trace.name(i);
  const direct = CALL_CAPABILITY[name];
  if (direct) return direct;
  const args = argsText(trace, i);
  // Root reads and writes any file because it holds CAP_DAC_OVERRIDE: without it, the modes apply.
  if (trace.errno(i) === 'EACCES' && FILE_ACCESS.has(name)) return 'CAP_DAC_OVERRIDE';
  if (name === 'socket' && /SOCK_RAW|AF_PACKET/.test(args)) return 'CAP_NET_RAW';
  if (name === 'bind' && /sin6?_port=htons\((\d+)\)/.test(args)) {
    const port = Number(/sin6?_port=htons\((\d+)\)/.exec(args)?.[1]);
    return port < 1024 ? 'CAP_NET_BIND_SERVICE' : null;
  }
  if (name === 'unshare' || name === 'clone' || name === 'clone3' || name === 'setns') {
    return /CLONE_NEWUSER/.test(args) && !/CLONE_NEW(NS|PID|NET|UTS|IPC|CGROUP)/.test(args)
      ? null
      : 'CAP_SYS_ADMIN';
  }
  return null;
}

const FILE_ACCESS = new Set([
  'open',
  'openat',
  'openat2',
  'creat',
  'access',
  'faccessat',
  'faccessat2',
  'execve',
  'execveat',
  'truncate',
  'unlink',
  'unlinkat',
  'mkdir',
  'mkdirat',
  'rename',
  'renameat',
  'renameat2',
  'chdir',
]);

/** The call that made the process another user (setuid to a non-zero id), before event i of pid; -1 when none. */
export function identityChangeBefore(run: RunFacts, pid: number, i: number): number {
  const t = run.trace;
  for (const e of isolationCallsBefore(run.lineage, pid, i)) {
    const name = t.name(e);
    if (!/^set(res|re|fs)?uid$/.test(name)) continue;
    if (/(^|[\s(,])[1-9]\d*/.test(argsText(t, e))) return e;
  }
  return -1;
}

const CALL_CAPABILITY: Record<string, string> = {
  chroot: 'CAP_SYS_CHROOT',
  mount: 'CAP_SYS_ADMIN',
  umount2: 'CAP_SYS_ADMIN',
  pivot_root: 'CAP_SYS_ADMIN',
  sethostname: 'CAP_SYS_ADMIN',
  setdomainname: 'CAP_SYS_ADMIN',
  swapon: 'CAP_SYS_ADMIN',
  swapoff: 'CAP_SYS_ADMIN',
  quotactl: 'CAP_SYS_ADMIN',
  fsopen: 'CAP_SYS_ADMIN',
  move_mount: 'CAP_SYS_ADMIN',
  settimeofday: 'CAP_SYS_TIME',
  clock_settime: 'CAP_SYS_TIME',
  adjtimex: 'CAP_SYS_TIME',
  clock_adjtime: 'CAP_SYS_TIME',
  reboot: 'CAP_SYS_BOOT',
  init_module: 'CAP_SYS_MODULE',
  finit_module: 'CAP_SYS_MODULE',
  delete_module: 'CAP_SYS_MODULE',
  mknod: 'CAP_MKNOD',
  mknodat: 'CAP_MKNOD',
  chown: 'CAP_CHOWN',
  fchown: 'CAP_CHOWN',
  lchown: 'CAP_CHOWN',
  fchownat: 'CAP_CHOWN',
  setuid: 'CAP_SETUID',
  setreuid: 'CAP_SETUID',
  setresuid: 'CAP_SETUID',
  setfsuid: 'CAP_SETUID',
  setgid: 'CAP_SETGID',
  setregid: 'CAP_SETGID',
  setresgid: 'CAP_SETGID',
  setgroups: 'CAP_SETGID',
  kill: 'CAP_KILL',
  ptrace: 'CAP_SYS_PTRACE',
  setpriority: 'CAP_SYS_NICE',
  sched_setscheduler: 'CAP_SYS_NICE',
  sched_setattr: 'CAP_SYS_NICE',
  sched_setaffinity: 'CAP_SYS_NICE',
  setrlimit: 'CAP_SYS_RESOURCE',
  acct: 'CAP_SYS_PACCT',
  iopl: 'CAP_SYS_RAWIO',
  ioperm: 'CAP_SYS_RAWIO',
  syslog: 'CAP_SYSLOG',
  mlockall: 'CAP_IPC_LOCK',
  bpf: 'CAP_BPF',
  perf_event_open: 'CAP_PERFMON',
};

/** The capability changes that apply to event i of pid: dropped from the bounding set, and the last effective set. */
export interface CapabilityState {
  /** Events that changed capabilities (capset, PR_CAPBSET_DROP, PR_CAP_AMBIENT), in order. */
  events: number[];
  /** Capabilities dropped from the bounding set (lost for good at the next execve). */
  boundingDropped: Set<string>;
  /** The effective set of the last capset, or null when there was none. */
  effective: Set<string> | null;
}

export function capabilityState(run: RunFacts, pid: number, i: number): CapabilityState {
  const t = run.trace;
  const state: CapabilityState = { events: [], boundingDropped: new Set(), effective: null };
  for (const e of isolationCallsBefore(run.lineage, pid, i)) {
    const name = t.name(e);
    const args = argsText(t, e);
    if (name === 'capset') {
      state.events.push(e);
      const m = /effective=([^,}]*)/.exec(args);
      if (m) state.effective = new Set((m[1] as string).match(/CAP_[A-Z_]+/g) ?? []);
    } else if (name === 'prctl' && /PR_CAPBSET_DROP/.test(args)) {
      state.events.push(e);
      const cap = /CAP_[A-Z_]+/.exec(args.replace('PR_CAPBSET_DROP', ''))?.[0];
      if (cap) state.boundingDropped.add(cap);
    }
  }
  return state;
}

/** Whether `cap` is missing for event i: dropped from the bounding set, or absent from the last effective set. */
export function lacksCapability(state: CapabilityState, cap: string): boolean {
  if (state.boundingDropped.has(cap)) return true;
  return state.effective !== null && !state.effective.has(cap);
}

/** The seccomp filter installed before event i of pid (own or inherited), or -1. */
export function seccompFilterBefore(run: RunFacts, pid: number, i: number): number {
  const t = run.trace;
  let found = -1;
  for (const e of isolationCallsBefore(run.lineage, pid, i)) {
    const name = t.name(e);
    if (name === 'seccomp' && /SECCOMP_SET_MODE_FILTER|SECCOMP_SET_MODE_STRICT/.test(argsText(t, e)))
      found = e;
    else if (name === 'prctl' && /PR_SET_SECCOMP/.test(argsText(t, e))) found = e;
  }
  return found;
}

/** A `--- SIGSYS {si_code=SYS_SECCOMP ...} ---` or `+++ killed by SIGSYS +++` in the target, or -1. */
export function seccompSignal(run: RunFacts): number {
  const t = run.trace;
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind(i);
    if ((kind === 'signal' || kind === 'killed') && t.name(i) === 'SIGSYS' && run.byTarget(i)) return i;
  }
  return -1;
}
