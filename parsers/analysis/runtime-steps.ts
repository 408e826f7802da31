import type { Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/**
 * The steps a container runtime takes to turn a process into a container, as runc 1.1 makes them
 * (the order of its `runc:[2:INIT]` process): new namespaces (and the hostname of the new UTS one),
 * mounts inside the new mount namespace, pivot_root into the rootfs, the read-only and masked paths,
 * the user and capability sets, no_new_privs, the seccomp filter; meanwhile the parent moves the
 * child into its cgroup. Every other runtime call is plain `runtime` work (Go start-up, pipes, state files).
 */
export type RuntimeStep =
  'namespaces' | 'mounts' | 'pivot_root' | 'capabilities' | 'no_new_privs' | 'seccomp' | 'cgroup';

const NAMESPACE_CALLS = new Set(['unshare', 'setns', 'sethostname', 'setdomainname']);
const MOUNT_CALLS = new Set([
  'mount',
  'umount2',
  'umount',
  'mount_setattr',
  'open_tree',
  'move_mount',
  'fsopen',
  'fsconfig',
  'fsmount',
]);
const IDENTITY_CALLS = new Set(['capset', 'setgroups', 'setresuid', 'setresgid', 'setuid', 'setgid']);

/** The step a runtime's call belongs to, or null for plain runtime work. Reads the raw line only for prctl, clone, seccomp and path-taking calls. */
export function classifyRuntimeStep(trace: Trace, i: number): RuntimeStep | null {
  if ((trace.columns.kind[i] as number) !== SYSCALL) return null;
  const name = trace.name(i);
  if (name === 'pivot_root' || name === 'chroot') return 'pivot_root';
  if (NAMESPACE_CALLS.has(name)) return 'namespaces';
  if (MOUNT_CALLS.has(name)) return 'mounts';
  if (IDENTITY_CALLS.has(name)) return 'capabilities';
  if (name === 'clone' || name === 'clone3')
    return trace.rawLine(i).includes('CLONE_NEW') ? 'namespaces' : null;
  const line = name === 'prctl' || name === 'seccomp' || PATH_CALLS.has(name) ? trace.rawLine(i) : '';
  if (name === 'prctl') {
    // prctl(PR_CAPBSET_DROP, CAP_CHOWN), prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, ...), prctl(PR_SET_KEEPCAPS, 1)
    if (/PR_CAPBSET_DROP|PR_CAP_AMBIENT|PR_SET_KEEPCAPS/.test(line)) return 'capabilities';
    if (line.includes('PR_SET_NO_NEW_PRIVS')) return 'no_new_privs';
    if (line.includes('PR_SET_SECCOMP')) return 'seccomp';
    return null;
  }
  // seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=997, filter=0x...}); runc's probes at start pass NULL.
  if (name === 'seccomp') return line.includes('{len=') ? 'seccomp' : null;
  // The first argument is a cgroup file: statfs("/sys/fs/cgroup/unified", ...), openat2(3</sys/fs/cgroup>,
  // "cpuset/spelunk-1a43bbacfa60/cgroup.procs", ...), write(14</sys/fs/cgroup/.../cgroup.procs>, "30359", 5).
  if (line !== '' && CGROUP_FIRST_ARG.test(line)) return 'cgroup';
  return null;
}

const CGROUP_FIRST_ARG = /\((?:"|\d+<|AT_FDCWD<[^>]*>, ")\/sys\/fs\/cgroup/;

/** Calls whose line is read for a cgroup path: runc's parent opens, writes and creates under /sys/fs/cgroup. */
const PATH_CALLS = new Set([
  'openat',
  'openat2',
  'open',
  'write',
  'close',
  'mkdirat',
  'mkdir',
  'rmdir',
  'unlinkat',
  'fcntl',
  'newfstatat',
  'statfs',
  'fstatfs',
  'read',
  'pread64',
]);

/**
 * How many other calls may separate two calls of one step. runc checks and creates each mount point
 * before it mounts (about a dozen calls: newfstatat, openat, readlinkat, mkdirat, close) and reads
 * /proc/self/status between capability calls; its cgroup and namespace calls come in short bursts.
 */
const MAX_GAP: Record<RuntimeStep, number> = {
  namespaces: 8,
  mounts: 24,
  pivot_root: 8,
  capabilities: 24,
  no_new_privs: 8,
  seccomp: 8,
  cgroup: 8,
};

/** A stretch of one process's list of events (positions in the list, inclusive) and its step, null for plain runtime work. */
export interface StepSpan {
  from: number;
  to: number;
  step: RuntimeStep | null;
}

/**
 * Cuts a runtime process's events into steps. Calls of one step a few calls apart stay one span (runc
 * checks each mount point before it mounts: `newfstatat`, `openat`, `readlinkat` between two `mount`s);
 * a longer stretch of other calls is runtime work of its own.
 */
export function splitRuntimeSteps(steps: readonly (RuntimeStep | null)[]): StepSpan[] {
  const spans: StepSpan[] = [];
  let p = 0;
  while (p < steps.length) {
    const step = steps[p] ?? null;
    if (step === null) {
      let q = p;
      while (q + 1 < steps.length && steps[q + 1] === null) q++;
      spans.push({ from: p, to: q, step: null });
      p = q + 1;
      continue;
    }
    let end = p;
    const maxGap = MAX_GAP[step];
    for (let q = p + 1; q < steps.length && q - end <= maxGap; q++) {
      const s = steps[q] ?? null;
      if (s === step) end = q;
      else if (s !== null) break;
    }
    spans.push({ from: p, to: end, step });
    p = end + 1;
  }
  return spans;
}
