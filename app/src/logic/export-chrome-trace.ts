import type { ArgNode, Trace } from '../../../parsers/model/index.js';
import { computeProcesses } from './compute-processes.js';

/** One run of an export: its trace, and the name its processes carry ("host", "chroot"). */
export interface ChromeTraceInput {
  trace: Trace;
  label: string;
}

/** Several runs in one file keep their own pids: run k's pids are offset by k times this. */
const RUN_PID_OFFSET = 10_000_000;

/**
 * Runs in Chrome's Trace Event format (JSON object form), which Perfetto and chrome://tracing open. Calls
 * become complete events ('X') on the thread of their task, grouped under their thread group, with their
 * arguments as strace printed them, the paths they name, the result and errno, and the line they came
 * from; signals, exits and kills become instant events ('i') named for what happened ("exit 1",
 * "SIGCHLD", "killed by SIGKILL"). Times are microseconds from each run's first event (so two runs of a
 * comparison start together); a log without timestamps uses call order as the clock (1 µs per call). Runs
 * in worker memory: it needs each call's text.
 */
export function formatChromeTrace(runs: readonly ChromeTraceInput[]): string {
  const parts: string[] = [];
  runs.forEach((run, k) => appendRun(parts, run, k * RUN_PID_OFFSET, runs.length > 1 ? run.label : ''));
  const title = runs.map((r) => r.label).join(' ⇄ ');
  return `{"traceEvents":[\n${parts.join(',\n')}\n],"displayTimeUnit":"ms","otherData":{"producer":"spelunk","title":${JSON.stringify(title)}}}\n`;
}

function appendRun(parts: string[], { trace }: ChromeTraceInput, pidBase: number, prefix: string): void {
  const c = trace.columns;
  const hasTime = trace.format.timestamps !== 'none';
  let t0 = Infinity;
  if (hasTime) for (let i = 0; i < c.count; i++) if ((c.ts[i] as number) < t0) t0 = c.ts[i] as number;
  const processes = computeProcesses(trace);
  // Chrome groups threads under a process: a thread's group is its nearest non-thread ancestor.
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const group = new Map<number, number>();
  for (const p of processes) {
    let q = p;
    const seen = new Set<number>();
    while (q.isThread && q.parentPid !== null && !seen.has(q.pid)) {
      seen.add(q.pid);
      q = byPid.get(q.parentPid) ?? q;
    }
    group.set(p.pid, q.pid);
  }
  const idOf = (pid: number): number => pidBase + Math.max(0, pid);
  for (const p of processes) {
    const who = p.pid < 0 ? 'process' : `${p.pid}`;
    const name = `${prefix ? `${prefix}: ` : ''}${who}${p.command ? ` ${p.command}` : ''}`;
    const meta = { pid: idOf(group.get(p.pid) ?? p.pid), tid: idOf(p.pid) };
    parts.push(
      JSON.stringify({ ph: 'M', name: p.isThread ? 'thread_name' : 'process_name', ...meta, args: { name } }),
    );
    if (prefix && !p.isThread)
      parts.push(
        JSON.stringify({ ph: 'M', name: 'process_sort_index', ...meta, args: { sort_index: idOf(p.pid) } }),
      );
  }
  for (let i = 0; i < c.count; i++) {
    const kind = trace.kind(i);
    if (kind === 'unknown' || kind === 'message' || kind === 'personality') continue;
    const ts = hasTime ? ((c.ts[i] as number) - t0) * 1e6 : i;
    if (!Number.isFinite(ts)) continue;
    const pid = trace.pid(i) ?? -1;
    const where = { pid: idOf(group.get(pid) ?? pid), tid: idOf(pid), ts: round(ts) };
    const source = { line: trace.line(i), ...(trace.file(i) ? { file: trace.file(i) } : {}) };
    const ev = trace.event(i);
    if (ev.kind === 'syscall') {
      const paths = collectPaths(ev.args);
      if (ev.retPath) paths.push(ev.retPath);
      parts.push(
        JSON.stringify({
          ph: 'X',
          cat: ev.errno ? 'syscall,failed' : 'syscall',
          name: ev.name,
          ...where,
          dur: hasTime && ev.dur !== null ? round(ev.dur * 1e6) : hasTime ? 0 : 1,
          args: {
            args: ev.args.map((a) => a.text).join(', '),
            ...(paths.length ? { paths: [...new Set(paths)] } : {}),
            ret: ev.ret,
            ...(ev.errno ? { errno: ev.errno, error: ev.errText ?? '' } : {}),
            ...source,
          },
        }),
      );
      continue;
    }
    const name =
      ev.kind === 'signal'
        ? ev.signal
        : ev.kind === 'exit'
          ? `exit ${ev.code}`
          : ev.kind === 'killed'
            ? `killed by ${ev.signal}`
            : ev.kind === 'superseded'
              ? `execve by thread ${ev.by}`
              : ev.kind;
    parts.push(JSON.stringify({ ph: 'i', s: 't', cat: 'process', name, ...where, args: source }));
  }
}

/** File paths an argument tree names: `-y` fd paths and path-like strings ("/etc/hostname", "./x"). */
function collectPaths(args: readonly ArgNode[]): string[] {
  const out: string[] = [];
  // An explicit stack: argument trees are depth-capped by the parser, but nothing here relies on it.
  const stack: ArgNode[] = [...args];
  while (stack.length) {
    const node = stack.pop() as ArgNode;
    switch (node.type) {
      case 'string':
        if (/^\.{0,2}\//.test(node.value)) out.push(node.value);
        break;
      case 'fd':
        if (node.path) out.push(node.path);
        break;
      case 'struct':
        for (const f of node.fields) stack.push(f.value);
        break;
      case 'array':
      case 'expr':
        stack.push(...node.items);
        break;
      case 'call':
        stack.push(...node.args);
        break;
      case 'named':
        stack.push(node.value);
        break;
      case 'inout':
        stack.push(node.in, node.out);
        break;
      case 'commented':
        stack.push(node.value);
        break;
      default:
        break;
    }
  }
  return out.reverse();
}

function round(us: number): number {
  return Math.round(us * 1000) / 1000;
}
