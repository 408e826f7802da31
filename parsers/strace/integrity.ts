import { CALL_STATUS, type Trace } from '../model/trace.js';

const UNFINISHED = CALL_STATUS.indexOf('unfinished');

/**
 * Checks a parsed strace trace against the promises the parser makes: every input line is accounted for
 * (an event's line, the resumed half of one, a stack/dump line after one, a summary table line, or
 * blank), every split call is closed or flagged, and time never runs backwards within a task.
 * Returns the problems found, each naming its line; an empty list means the trace is sound.
 */
export function checkTraceIntegrity(trace: Trace): string[] {
  const problems: string[] = [];
  const c = trace.columns;
  const unfinished = new Set<number>();
  const covered = trace.sources.map((s) => new Uint8Array(s.lineCount + 1));
  for (let i = 0; i < c.count; i++) {
    const cov = covered[c.fileId[i] as number];
    if (!cov) continue;
    const first = c.line[i] as number;
    const end = c.endLine[i] as number;
    cov[first] = 1;
    if (end > 0) cov[end] = 1;
    if (trace.kind(i) === 'syscall' && c.status[i] === UNFINISHED) unfinished.add(first);
  }
  // an unfinished call is fine only when flagged: the column says so, the diagnostics must too
  for (const d of trace.diagnostics) {
    if (d.code === 'unfinished-at-end' || d.code === 'never-resumed') unfinished.delete(d.line);
    if (d.code === 'repaired-line') {
      const f = trace.sources.findIndex((s) => d.file === undefined || s.name === d.file);
      const cov = covered[Math.max(f, 0)];
      if (cov) cov[d.line] = 1;
    }
  }
  for (const line of unfinished) problems.push(`line ${line}: unfinished call not reported`);
  trace.summaries.forEach((s) => {
    const idx = trace.sources.findIndex((src) => s.file === undefined || src.name === s.file);
    const cov = covered[Math.max(idx, 0)];
    if (cov) for (let n = s.firstLine; n <= s.lastLine; n++) cov[n] = 1;
  });
  trace.sources.forEach((src, f) => {
    const cov = covered[f] as Uint8Array;
    for (let n = 1; n <= src.lineCount; n++) {
      if (cov[n]) continue;
      const t = src.line(n);
      if (t.trim() === '' || t.startsWith(' > ') || t.startsWith(' | ')) continue;
      if (/^System call usage summary/.test(t)) continue;
      problems.push(`${src.name}:${n}: line not accounted for: ${t.slice(0, 80)}`);
    }
  });
  const lastTs = new Map<number, number>();
  for (let i = 0; i < c.count; i++) {
    const pid = c.pid[i] as number;
    const ts = c.ts[i] as number;
    if (Number.isNaN(ts)) continue;
    const prev = lastTs.get(pid);
    if (prev !== undefined && ts < prev) problems.push(`line ${c.line[i]}: time goes back for pid ${pid}`);
    lastTs.set(pid, ts);
  }
  return problems;
}
