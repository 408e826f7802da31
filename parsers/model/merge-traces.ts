import { ColumnsBuilder } from './columns-builder.js';
import type { TraceEvent } from './event.js';
import { Trace, type TraceFormat } from './trace.js';

/**
 * Merges traces of one run written to several files (strace -ff: one file per task) into one, ordered by
 * time; events without a time keep file order. Each event keeps its file and line.
 */
export function mergeTraces(parts: readonly Trace[]): Trace {
  if (parts.length === 1) return parts[0] as Trace;
  const total = parts.reduce((n, t) => n + t.count, 0);
  const partOf = new Uint32Array(total);
  const indexIn = new Uint32Array(total);
  const keyTs = new Float64Array(total);
  let k = 0;
  parts.forEach((t, p) => {
    for (let i = 0; i < t.count; i++, k++) {
      partOf[k] = p;
      indexIn[k] = i;
      keyTs[k] = t.columns.ts[i] as number;
    }
  });
  const order = Array.from({ length: total }, (_, j) => j);
  const anyTime = parts.some((t) => t.format.timestamps !== 'none');
  if (anyTime) {
    order.sort((a, b) => {
      const ta = keyTs[a] as number;
      const tb = keyTs[b] as number;
      if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
      return a - b;
    });
  }

  const out = new ColumnsBuilder(Math.max(total, 1));
  const origin: [number, number][] = [];
  for (const j of order) {
    const p = partOf[j] as number;
    const i = indexIn[j] as number;
    const t = parts[p] as Trace;
    const c = t.columns;
    const n = out.add(t.kind(i), t.pid(i), t.ts(i), c.line[i] as number, p);
    const o = out.columns;
    o.dur[n] = c.dur[i] as number;
    o.ret[n] = c.ret[i] as number;
    o.status[n] = c.status[i] as number;
    o.endLine[n] = c.endLine[i] as number;
    o.nameId[n] = out.internName(t.name(i));
    const e = t.errno(i);
    if (e !== null) o.errnoId[n] = out.internErrno(e);
    origin.push([p, i]);
  }
  const sources = parts.flatMap((t) => t.sources);
  return new Trace({
    columns: out.finish(),
    names: out.names,
    errnos: out.errnos,
    sources,
    summaries: parts.flatMap((t) => t.summaries),
    diagnostics: parts.flatMap((t) => t.diagnostics),
    format: mergeFormats(parts.map((t) => t.format)),
    decoder: (_trace, n): TraceEvent => {
      const [p, i] = origin[n] as [number, number];
      const ev = (parts[p] as Trace).event(i);
      return { ...ev, file: sources[p]?.name ?? '' };
    },
  });
}

function mergeFormats(formats: TraceFormat[]): TraceFormat {
  const f = { ...(formats[0] as TraceFormat) };
  for (const g of formats.slice(1)) {
    for (const key of Object.keys(f) as (keyof TraceFormat)[]) {
      const v = g[key];
      if (typeof v === 'boolean' && v) (f[key] as boolean) = true;
    }
    if (f.timestamps === 'none') f.timestamps = g.timestamps;
  }
  f.pidPrefix = true;
  return f;
}
