import type { TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

/**
 * The trace in Chrome's Trace Event format (JSON object form), which Perfetto and chrome://tracing open.
 * Calls become complete events ('X') on the thread of their task, grouped under their thread group;
 * signals and exits become instant events ('i'). Times are microseconds from the first event; a log
 * without timestamps uses call order as the clock (1 µs per call) so it still opens.
 */
export function formatChromeTrace(trace: TraceData): string {
  const c = trace.columns;
  const hasTime = trace.format.timestamps !== 'none';
  let t0 = Infinity;
  if (hasTime) for (let i = 0; i < c.count; i++) if ((c.ts[i] as number) < t0) t0 = c.ts[i] as number;
  // Chrome groups threads under a process: a thread's group is its nearest non-thread ancestor.
  const byPid = new Map(trace.processes.map((p) => [p.pid, p]));
  const group = new Map<number, number>();
  for (const p of trace.processes) {
    let q = p;
    const seen = new Set<number>();
    while (q.isThread && q.parentPid !== null && !seen.has(q.pid)) {
      seen.add(q.pid);
      q = byPid.get(q.parentPid) ?? q;
    }
    group.set(p.pid, q.pid);
  }
  const parts: string[] = [];
  for (const p of trace.processes) {
    const meta = p.isThread ? 'thread_name' : 'process_name';
    const name = p.command || (p.pid < 0 ? 'process' : `pid ${p.pid}`);
    parts.push(
      JSON.stringify({ ph: 'M', name: meta, pid: group.get(p.pid) ?? p.pid, tid: p.pid, args: { name } }),
    );
  }
  for (let i = 0; i < c.count; i++) {
    const kind = c.kind[i] as number;
    if (kind === KIND.unknown || kind === KIND.message) continue;
    const ts = hasTime ? ((c.ts[i] as number) - t0) * 1e6 : i;
    if (!Number.isFinite(ts)) continue;
    const tid = c.pid[i] as number;
    const pid = group.get(tid) ?? tid;
    const name =
      trace.names[c.nameId[i] as number] ||
      ['syscall', 'signal', 'exit', 'killed', 'superseded'][kind] ||
      'event';
    if (kind === KIND.syscall) {
      const d = c.dur[i] as number;
      const errno = trace.errnos[c.errnoId[i] as number];
      const ret = c.ret[i] as number;
      parts.push(
        JSON.stringify({
          ph: 'X',
          cat: 'syscall',
          name,
          pid,
          tid,
          ts: round(ts),
          dur: hasTime && !Number.isNaN(d) ? round(d * 1e6) : hasTime ? 0 : 1,
          args: { line: c.line[i], ret: Number.isNaN(ret) ? '?' : ret, ...(errno ? { errno } : {}) },
        }),
      );
    } else {
      parts.push(
        JSON.stringify({
          ph: 'i',
          s: 't',
          cat: 'process',
          name: `${['', 'signal', 'exit', 'killed', 'superseded', 'personality'][kind]} ${name}`.trim(),
          pid,
          tid,
          ts: round(ts),
          args: { line: c.line[i] },
        }),
      );
    }
  }
  return `{"traceEvents":[\n${parts.join(',\n')}\n],"displayTimeUnit":"ms","otherData":{"producer":"spelunk","title":${JSON.stringify(trace.title)}}}\n`;
}

function round(us: number): number {
  return Math.round(us * 1000) / 1000;
}
