import type { Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';
import type { ProcessNode } from './process-tree.js';
import { computeEventPaths } from './event-paths.js';
import { computeProcessTree } from './process-tree.js';
import type { ContainerRuntime } from './container-runtime.js';
import { findContainerRuntime } from './container-runtime.js';
import type { RuntimeStep } from './runtime-steps.js';
import { classifyRuntimeStep, splitRuntimeSteps } from './runtime-steps.js';

/**
 * The stages every program image goes through, found from the calls themselves:
 *
 *   loader    execve, then ld.so: access("/etc/ld.so.preload"), openat of ld.so.cache and each library,
 *             read/pread64 of its ELF header, mmap of its segments (a static binary has only the execve)
 *   startup   the loader and libc setting up the thread: arch_prctl(ARCH_SET_FS), set_tid_address,
 *             set_robust_list, rseq, mprotect of RELRO pages, prlimit64, munmap of ld.so.cache; the band
 *             runs on through the first malloc's getrandom and brk, which are already inside main() (a
 *             trace has no mark where main starts: test/kernel/loader-stacks.test.ts shows who calls what)
 *   work      what the program itself does (a forked child or a thread is all work)
 *   chroot    chroot()/pivot_root() and the chdir/execve attempts right after it
 *   namespace unshare()/setns()
 *   mount     mount()/umount2()
 *   exit      exit_group (or a thread's exit) and the `+++ exited` line
 *
 * A chroot run is then: the chroot program's loader, startup, work, `chroot()`, followed by the target's
 * own loader, startup, work and exit, all in one pid. Each pid (a pipeline has several) gets its phases.
 *
 * In a container run (runc), the runtime's processes get the steps of runtime-steps.ts instead of
 * `work`: `runtime` (its own work), `namespace`, `mount`, `chroot` (pivot_root), `capabilities`,
 * `no-new-privs`, `seccomp`, `cgroup` (joining it); the program after its execve gets its usual phases.
 */
export type PhaseKind =
  | 'loader'
  | 'startup'
  | 'work'
  | 'chroot'
  | 'namespace'
  | 'mount'
  | 'exit'
  | 'runtime'
  | 'capabilities'
  | 'no-new-privs'
  | 'seccomp'
  | 'cgroup';

export interface Phase {
  /** null when the log has no pids. */
  pid: number | null;
  kind: PhaseKind;
  /** Short text for a band: "loader: hello", "chroot() + chdir()". */
  label: string;
  /** The program image the phase belongs to (basename), or null if unknown. */
  program: string | null;
  /** First and last event index (inclusive) of this pid in the phase; the pid's events only. */
  firstIndex: number;
  lastIndex: number;
  /** Events of this pid in the phase. */
  count: number;
  /** Seconds, as the trace's timestamps (end: the last call's start plus its duration); null without timestamps. */
  startTs: number | null;
  endTs: number | null;
}

const SYSCALL = EVENT_KINDS.indexOf('syscall');
const EXIT_KINDS = new Set([EVENT_KINDS.indexOf('exit'), EVENT_KINDS.indexOf('killed')]);
/** Calls of the loader and libc setting the process up (both glibc dynamic and static), and of the first malloc. */
const STARTUP = new Set([
  'arch_prctl',
  'set_tid_address',
  'set_robust_list',
  'rseq',
  'mprotect',
  'prlimit64',
  'munmap',
  'getrandom',
  'brk',
  'readlink',
]);
const ISOLATE: Record<string, PhaseKind> = {
  chroot: 'chroot',
  pivot_root: 'chroot',
  unshare: 'namespace',
  setns: 'namespace',
  mount: 'mount',
  umount2: 'mount',
  umount: 'mount',
};
/** Calls that stay in an isolation phase once it started: `chroot(); chdir("/"); execve() = -1 ENOENT`. */
const ISOLATE_TAIL = new Set(['chdir', 'execve', 'execveat', ...Object.keys(ISOLATE)]);

/** Splits each pid's events into phases; sorted by first event. */
export function computePhases(trace: Trace): Phase[] {
  const tree = computeProcessTree(trace);
  const lists: number[][] = tree.nodes.map(() => []);
  for (let i = 0; i < trace.count; i++) lists[tree.nodeOf[i] as number]?.push(i);
  const phases: Phase[] = [];
  const runtime = findContainerRuntime(trace, tree);
  for (const node of tree.nodes) {
    const list = lists[node.id] as number[];
    const first = list[0];
    const ofRuntime = runtime !== null && first !== undefined && runtime.isRuntime[first] === 1;
    splitImage(trace, node, list, phases, ofRuntime ? runtime : null);
  }
  return phases.sort((a, b) => a.firstIndex - b.firstIndex);
}

function splitImage(
  trace: Trace,
  node: ProcessNode,
  list: number[],
  out: Phase[],
  runtime: ContainerRuntime | null,
): void {
  if (list.length === 0) return;
  const base = node.program === null ? null : (node.program.split('/').pop() ?? null);
  // runc re-executes itself as /proc/self/exe, then from a sealed copy (`execveat(fd, "", ...)`).
  const program = runtime && (base === 'exe' || base === '') ? runtime.name : base;
  const push = (kind: PhaseKind, from: number, to: number, label: string): void => {
    if (to < from) return;
    out.push(makePhase(trace, node.pid, kind, label, program, list, from, to));
  };
  const name = (p: number): string =>
    trace.columns.kind[list[p] as number] === SYSCALL ? trace.name(list[p] as number) : '';
  const exec = node.execEvent >= 0 ? list.indexOf(node.execEvent) : -1;
  let pos = 0;
  if (exec >= 0) {
    push('work', 0, exec - 1, program === null ? 'before execve' : `work: ${program}`);
    const { loaderEnd, dynamic } = findLoaderEnd(trace, list, exec);
    push('loader', exec, loaderEnd, dynamic ? `loader: ${program}` : `exec: ${program} (no loader)`);
    pos = loaderEnd + 1;
    const startupFrom = pos;
    while (pos < list.length && STARTUP.has(name(pos))) pos++;
    push('startup', startupFrom, pos - 1, `libc start-up: ${program}`);
  }
  let exitFrom = list.length;
  for (let p = pos; p < list.length; p++) {
    const n = name(p);
    if (
      n === 'exit_group' ||
      n === 'exit' ||
      EXIT_KINDS.has(trace.columns.kind[list[p] as number] as number)
    ) {
      exitFrom = p;
      break;
    }
  }
  const role = node.execd
    ? ''
    : node.origin === 'thread'
      ? ' (thread)'
      : node.parent !== null
        ? ' (child)'
        : '';
  // A task seen before any execve with no program known: the tracer's own child, about to exec.
  const workLabel = program === null ? 'before execve' : `work: ${program}${role}`;
  const emit: Emit = (kind, from, to, label) => push(kind, from, to, label ?? workLabel);
  if (runtime) splitRuntimeWork(trace, list, pos, exitFrom - 1, runtime, emit);
  else splitWork(trace, list, pos, exitFrom - 1, name, emit);
  push('exit', exitFrom, list.length - 1, `exit: ${program ?? '?'}`);
}

/**
 * ld.so is done within a few hundred calls even for programs with dozens of libraries (about eight calls
 * per library); looking no further keeps an image without set_tid_address (Go, a crash) from costing a
 * decode of every openat it makes.
 */
const LOADER_SEARCH_LIMIT = 600;

/** The loader ends just before libc installs the thread pointer (arch_prctl(ARCH_SET_FS), set_tid_address). */
function findLoaderEnd(trace: Trace, list: number[], exec: number): { loaderEnd: number; dynamic: boolean } {
  let dynamic = false;
  const limit = Math.min(list.length, exec + 1 + LOADER_SEARCH_LIMIT);
  for (let p = exec + 1; p < limit; p++) {
    const i = list[p] as number;
    if (trace.columns.kind[i] !== SYSCALL) continue;
    const n = trace.name(i);
    if (n === 'set_tid_address') {
      const before = p - 1 > exec && trace.name(list[p - 1] as number) === 'arch_prctl' ? p - 1 : p;
      return { loaderEnd: dynamic ? before - 1 : exec, dynamic };
    }
    // The loader's own files: /etc/ld.so.preload, /etc/ld.so.cache, and shared objects (libc.so.6).
    if (
      !dynamic &&
      (n === 'openat' || n === 'open' || n === 'access') &&
      computeEventPaths(trace, i).some((p) => /ld\.so|\.so(\.|$)/.test(p))
    )
      dynamic = true;
    if (n === 'exit_group' || n === 'execve') break;
  }
  return { loaderEnd: exec, dynamic: false };
}

type Emit = (kind: PhaseKind, from: number, to: number, label?: string) => void;

/** Work, cut around runs of isolation calls (chroot, unshare, setns, mount). */
function splitWork(
  trace: Trace,
  list: number[],
  from: number,
  to: number,
  name: (p: number) => string,
  emit: Emit,
): void {
  let start = from;
  for (let p = from; p <= to; p++) {
    const kind = ISOLATE[name(p)];
    if (kind === undefined) continue;
    let end = p;
    while (end + 1 <= to && ISOLATE_TAIL.has(name(end + 1))) end++;
    emit('work', start, p - 1);
    emit(kind, p, end, isolationLabel(trace, list, p, end));
    start = end + 1;
    p = end;
  }
  emit('work', start, to);
}

const STEP_PHASES: Record<RuntimeStep, PhaseKind> = {
  namespaces: 'namespace',
  mounts: 'mount',
  pivot_root: 'chroot',
  capabilities: 'capabilities',
  no_new_privs: 'no-new-privs',
  seccomp: 'seccomp',
  cgroup: 'cgroup',
};

const STEP_LABELS: Record<RuntimeStep, string> = {
  namespaces: 'namespaces',
  mounts: 'mounts',
  pivot_root: 'pivot_root',
  capabilities: 'capabilities',
  no_new_privs: 'no_new_privs',
  seccomp: 'seccomp filter',
  cgroup: 'cgroup',
};

/** A runtime process's calls, cut into its set-up steps; the program's failed execve (bare rootfs) stands alone. */
function splitRuntimeWork(
  trace: Trace,
  list: number[],
  from: number,
  to: number,
  runtime: ContainerRuntime,
  emit: Emit,
): void {
  const steps: (RuntimeStep | null)[] = [];
  for (let p = from; p <= to; p++) steps.push(classifyRuntimeStep(trace, list[p] as number));
  const execAt = list.indexOf(runtime.targetExec, from);
  for (const span of splitRuntimeSteps(steps)) {
    const a = from + span.from;
    const b = from + span.to;
    if (execAt >= a && execAt <= b) {
      emitStep(trace, list, a, execAt - 1, span.step, runtime, emit);
      emit('loader', execAt, execAt, `execve: ${isolationLabel(trace, list, execAt, execAt)}`);
      emitStep(trace, list, execAt + 1, b, span.step, runtime, emit);
    } else emitStep(trace, list, a, b, span.step, runtime, emit);
  }
}

function emitStep(
  trace: Trace,
  list: number[],
  from: number,
  to: number,
  step: RuntimeStep | null,
  runtime: ContainerRuntime,
  emit: Emit,
): void {
  if (to < from) return;
  if (step === null) return emit('runtime', from, to, `${runtime.name}: runtime work`);
  if (step === 'cgroup') {
    // Moving the child in is a write of its pid to cgroup.procs; the rest is creating and configuring the cgroup.
    let joins = false;
    for (let p = from; p <= to && !joins; p++) {
      const i = list[p] as number;
      joins = trace.name(i) === 'write' && trace.rawLine(i).includes('cgroup.procs');
    }
    return emit('cgroup', from, to, `${runtime.name}: ${joins ? 'cgroup join' : 'cgroup set-up'}`);
  }
  const detail = step === 'namespaces' ? ` (${isolationLabel(trace, list, from, to, true)})` : '';
  emit(STEP_PHASES[step], from, to, `${runtime.name}: ${STEP_LABELS[step]}${detail}`);
}

function isolationLabel(trace: Trace, list: number[], from: number, to: number, stepsOnly = false): string {
  const parts: string[] = [];
  for (let p = from; p <= to; p++) {
    const i = list[p] as number;
    if (stepsOnly && classifyRuntimeStep(trace, i) === null) continue;
    const errno = trace.errno(i);
    const part = `${trace.name(i)}()${errno ? ` ${errno}` : ''}`;
    if (parts[parts.length - 1] !== part) parts.push(part);
  }
  return parts.join(' + ');
}

function makePhase(
  trace: Trace,
  pid: number | null,
  kind: PhaseKind,
  label: string,
  program: string | null,
  list: number[],
  from: number,
  to: number,
): Phase {
  const first = list[from] as number;
  const last = list[to] as number;
  const lastTs = trace.ts(last);
  return {
    pid,
    kind,
    label,
    program,
    firstIndex: first,
    lastIndex: last,
    count: to - from + 1,
    startTs: trace.ts(first),
    endTs: lastTs === null ? null : lastTs + (trace.dur(last) ?? 0),
  };
}
