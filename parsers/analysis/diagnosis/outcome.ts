import type { Trace } from '../../model/index.js';
import { EVENT_KINDS } from '../../model/index.js';
import type { TraceUnits } from '../diff/diff-units.js';
import type { RunContext } from '../diff/run-context.js';
import { argsText, mayWriteToStdio, writtenText } from './call-args.js';

const SYSCALL = EVENT_KINDS.indexOf('syscall');

/** Text a run wrote to one file descriptor, and the calls that wrote it. */
export interface Written {
  text: string;
  events: number[];
}

/** How a run ended, and what it said: the symptom the diagnosis works back from. */
export interface RunOutcome {
  exitCode: number | null;
  signal: string | null;
  /** Where the exit status comes from: the collector's record, the trace's exit line, or nowhere. */
  source: 'context' | 'trace' | 'none';
  /** Exit status not 0, or killed by a signal, or stopped by the collector's timeout. */
  failed: boolean;
  timedOut: boolean;
  /** The exit or killed event of the first process, or -1. */
  exitEvent: number;
  /** What the run wrote to fd 2 and fd 1 (the trace's writes; the collector's files when none show). */
  stderr: Written;
  stdout: Written;
  /** The stderr text the collector saved (may hold lines the trace cut to -s bytes). */
  stderrFile: string;
  stdoutFile: string | null;
}

/** Reads a run's outcome from its context (session.json) and its trace. */
export function computeOutcome(trace: Trace, units: TraceUnits, context: RunContext | undefined): RunOutcome {
  const stderr: Written = { text: '', events: [] };
  const stdout: Written = { text: '', events: [] };
  const c = trace.columns;
  const destination = trace.format.fdPaths ? standardDestinations(trace, units) : null;
  const isWrite = trace.names.map((name) => name === 'write' || name === 'writev');
  for (let i = 0; i < trace.count; i++) {
    if ((c.kind[i] as number) !== SYSCALL || !isWrite[c.nameId[i] as number]) continue;
    if ((c.errnoId[i] as number) !== 0 || !mayWriteToStdio(trace, i)) continue;
    const w = writtenText(trace, i);
    if (!w || (w.fd !== 1 && w.fd !== 2)) continue;
    // `echo 50M > memory.max` writes to fd 1 too, redirected: only writes to the run's own stdout count.
    const want = destination?.[w.fd];
    if (want && decorationOf(argsText(trace, i)) !== want) continue;
    const into = w.fd === 2 ? stderr : stdout;
    into.text += w.text;
    into.events.push(i);
  }
  const root = units.byPid.get(units.roots[0] ?? -1);
  const lastNode = root ? units.tree.nodes[root.nodes[root.nodes.length - 1] as number] : undefined;
  const traced = lastNode?.exit ?? null;
  let exitCode: number | null = null;
  let signal: string | null = null;
  let source: RunOutcome['source'] = 'none';
  if (context && (context.exitCode !== undefined || context.signal)) {
    exitCode = context.exitCode ?? null;
    signal = context.signal ?? null;
    source = 'context';
  } else if (traced) {
    if ('code' in traced) exitCode = traced.code;
    else signal = traced.signal;
    source = 'trace';
  }
  const timedOut = context?.incompleteReason === 'timeout';
  return {
    exitCode,
    signal,
    source,
    failed: timedOut || signal !== null || (exitCode !== null && exitCode !== 0),
    timedOut,
    exitEvent: traced && lastNode ? lastNode.lastEvent : -1,
    stderr,
    stdout,
    stderrFile: context?.stderrText ?? '',
    stdoutFile: context?.stdoutText ?? null,
  };
}

/**
 * Where fd 1 and fd 2 pointed when the run began, under -y: the decoration of the first call that names
 * them (`fcntl(1</tmp/s/host.stdout.txt>, F_DUPFD, 10)`) in a process that has not redirected them (a
 * pipeline's `echo` writes to `1<pipe:[416620]>` after its dup2; a child inherits its parent's redirects).
 */
function standardDestinations(trace: Trace, units: TraceUnits): Record<number, string | undefined> {
  const out: Record<number, string | undefined> = {};
  const redirected = new Map<number, Set<number>>();
  const tree = units.tree;
  const redirectsOf = (pid: number): Set<number> => {
    let set = redirected.get(pid);
    if (!set) {
      const first = tree.nodes[(tree.byPid.get(pid) ?? [])[0] ?? -1];
      const parent = first && first.parent !== null ? tree.nodes[first.parent]?.pid : null;
      set = new Set(parent !== null && parent !== undefined ? (redirected.get(parent) ?? []) : []);
      redirected.set(pid, set);
    }
    return set;
  };
  for (let i = 0; i < trace.count && (out[1] === undefined || out[2] === undefined); i++) {
    if (trace.kind(i) !== 'syscall') continue;
    const pid = trace.columns.pid[i] as number;
    const set = redirectsOf(pid);
    const name = trace.name(i);
    const args = argsText(trace, i);
    if (name === 'dup2' || name === 'dup3') {
      const m = /^\d+(?:<[^>]*>)?, ([12])\b/.exec(args);
      if (m) set.add(Number(m[1]));
    }
    const m = /^([12])<([^>]*)>/.exec(args);
    if (!m) continue;
    const fd = Number(m[1]);
    if (!set.has(fd)) out[fd] ??= m[2] as string;
  }
  return out;
}

function decorationOf(args: string): string | null {
  return /^\d+<([^>]*)>/.exec(args)?.[1] ?? null;
}

/** "exits 1", "is killed by SIGKILL", "runs past its time limit", "ends (status unknown)". */
export function describeOutcome(o: RunOutcome): string {
  if (o.timedOut) return 'is stopped at its time limit';
  if (o.signal) return `is killed by ${o.signal}`;
  if (o.exitCode !== null) return `exits ${o.exitCode}`;
  return 'ends without a recorded exit status';
}
