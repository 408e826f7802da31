import type { PhaseKind } from '../analysis/phases.js';
import { computePhases } from '../analysis/phases.js';
import type { ProcessTree } from '../analysis/process-tree.js';
import { computeProcessTree } from '../analysis/process-tree.js';
import { computeEventPaths } from '../analysis/event-paths.js';
import type { EventKind, Trace } from '../model/index.js';
import { EVENT_KINDS } from '../model/index.js';

/**
 * A stable way to point at events of a trace, so a lesson survives a re-capture: it names what the
 * events are, never where they are. Every field narrows the match; all given fields must hold.
 *
 *   { syscall: 'execve', program: 'hello' }                  the execve that started hello
 *   { syscall: 'execve', failed: true, nth: 1 }              the first execve that failed
 *   { syscall: 'openat', program: 'hello', path: /libc\.so/, failed: false }   the openat that found libc
 *   { syscall: 'mmap', program: 'hello', phase: 'loader' }   every mmap the loader made for hello
 *   { syscall: 'write', text: /hello, world/ }               the write of "hello, world"
 *   { syscall: 'chroot', errno: 'EPERM' }                    chroot refused
 *   { syscall: 'read', after: { syscall: 'setns' } }         reads after the first setns
 *
 * A selector picks events in one trace; which run of a sample it applies to is the lesson step's business.
 */
export interface EventSelector {
  /** The syscall name, or one of several. */
  syscall?: string | readonly string[];
  /** The event kind; 'syscall' when `syscall` is given, any kind otherwise. */
  kind?: EventKind;
  /**
   * The program image the event belongs to: the basename of the path its process exec'd (the process tree's
   * node), so `program: 'hello'` is the target in a chroot run whose pid first ran chroot. A fork that has
   * not exec'd runs its parent's program.
   */
  program?: string;
  /** The automatic phase the event falls in (see parsers/analysis/phases.ts). */
  phase?: PhaseKind;
  /** Matches any string argument, `-y` fd path or return path (`= 3</usr/lib/.../libc.so.6>`). */
  path?: RegExp;
  /** Matches the raw line as strace wrote it. */
  text?: RegExp;
  /** true: the call returned an error; false: it did not. */
  failed?: boolean;
  /** The call failed with this errno ("ENOENT"). */
  errno?: string;
  /** Only events after the first event this selector matches (in the same trace). */
  after?: EventSelector;
  /** Keep only the nth match: 1 is the first, -1 the last. Omitted: all matches. */
  nth?: number;
}

interface TraceFacts {
  tree: ProcessTree;
  /** Basename of each process-tree node's program. */
  programOf: (string | null)[];
  /** Phase kind code of each event (index into PHASE_KINDS), -1 for none. */
  phaseOf: Int8Array;
}

const PHASE_KINDS: readonly PhaseKind[] = [
  'loader',
  'startup',
  'work',
  'chroot',
  'namespace',
  'mount',
  'exit',
  'runtime',
  'capabilities',
  'no-new-privs',
  'seccomp',
  'cgroup',
];
const SYSCALL = EVENT_KINDS.indexOf('syscall');
const facts = new WeakMap<Trace, TraceFacts>();

function factsOf(trace: Trace): TraceFacts {
  let f = facts.get(trace);
  if (f) return f;
  const tree = computeProcessTree(trace);
  const phaseOf = new Int8Array(trace.count).fill(-1);
  for (const p of computePhases(trace)) {
    const code = PHASE_KINDS.indexOf(p.kind);
    for (let i = p.firstIndex; i <= p.lastIndex; i++) if (trace.pid(i) === p.pid) phaseOf[i] = code;
  }
  const programOf = tree.nodes.map((n) => (n.program === null ? null : (n.program.split('/').pop() ?? null)));
  f = { tree, programOf, phaseOf };
  facts.set(trace, f);
  return f;
}

/** The indices of the events the selector picks, in trace order. */
export function resolveSelector(trace: Trace, selector: EventSelector): number[] {
  const f = factsOf(trace);
  const c = trace.columns;
  const names =
    selector.syscall === undefined
      ? null
      : new Set(typeof selector.syscall === 'string' ? [selector.syscall] : selector.syscall);
  const kind = selector.kind !== undefined ? EVENT_KINDS.indexOf(selector.kind) : names ? SYSCALL : -1;
  const phase = selector.phase === undefined ? -1 : PHASE_KINDS.indexOf(selector.phase);
  const start = selector.after
    ? (resolveSelector(trace, { ...selector.after, nth: 1 })[0] ?? trace.count) + 1
    : 0;
  const out: number[] = [];
  for (let i = start; i < trace.count; i++) {
    if (kind >= 0 && c.kind[i] !== kind) continue;
    if (names && !names.has(trace.name(i))) continue;
    const errno = trace.errno(i);
    if (selector.failed !== undefined && (errno !== null) !== selector.failed) continue;
    if (selector.errno !== undefined && errno !== selector.errno) continue;
    if (phase >= 0 && f.phaseOf[i] !== phase) continue;
    if (selector.program !== undefined && f.programOf[f.tree.nodeOf[i] as number] !== selector.program)
      continue;
    if (selector.text && !selector.text.test(trace.rawLine(i))) continue;
    if (selector.path && !computeEventPaths(trace, i).some((p) => (selector.path as RegExp).test(p)))
      continue;
    out.push(i);
  }
  if (selector.nth === undefined) return out;
  const k = selector.nth > 0 ? selector.nth - 1 : out.length + selector.nth;
  const picked = out[k];
  return picked === undefined ? [] : [picked];
}

/** One line, for the CLI and for error messages: `syscall=openat program=hello path=/libc\.so/ nth=1`. */
export function formatSelector(s: EventSelector): string {
  const parts: string[] = [];
  if (s.syscall !== undefined)
    parts.push(`syscall=${typeof s.syscall === 'string' ? s.syscall : s.syscall.join('|')}`);
  if (s.kind !== undefined) parts.push(`kind=${s.kind}`);
  if (s.program !== undefined) parts.push(`program=${s.program}`);
  if (s.phase !== undefined) parts.push(`phase=${s.phase}`);
  if (s.path) parts.push(`path=${String(s.path)}`);
  if (s.text) parts.push(`text=${String(s.text)}`);
  if (s.failed !== undefined) parts.push(s.failed ? 'failed' : 'ok');
  if (s.errno !== undefined) parts.push(`errno=${s.errno}`);
  if (s.after) parts.push(`after(${formatSelector(s.after)})`);
  if (s.nth !== undefined) parts.push(`nth=${s.nth}`);
  return parts.join(' ');
}
