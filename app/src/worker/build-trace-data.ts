import type { Trace } from '../../../parsers/model/index.js';
import { computeProcesses } from '../logic/compute-processes.js';
import type { TraceData } from '../trace/trace-data.js';

const MAX_DIAGNOSTICS = 500;

/** Copies the columns (the worker keeps its own for queries) so they can be transferred, not cloned. */
export function buildTraceData(
  trace: Trace,
  id: string,
  title: string,
  inputBytes: number,
  parseMs: number,
): TraceData {
  const c = trace.columns;
  return {
    id,
    title,
    columns: {
      count: c.count,
      kind: c.kind.slice(),
      pid: c.pid.slice(),
      ts: c.ts.slice(),
      dur: c.dur.slice(),
      nameId: c.nameId.slice(),
      errnoId: c.errnoId.slice(),
      ret: c.ret.slice(),
      status: c.status.slice(),
      line: c.line.slice(),
      endLine: c.endLine.slice(),
      fileId: c.fileId.slice(),
    },
    names: [...trace.names],
    errnos: [...trace.errnos],
    sourceNames: trace.sources.map((s) => s.name),
    format: trace.format,
    summaries: trace.summaries,
    diagnostics: trace.diagnostics.slice(0, MAX_DIAGNOSTICS),
    diagnosticCount: trace.diagnostics.length,
    unknownCount: trace.unknownCount,
    processes: computeProcesses(trace),
    inputBytes,
    parseMs,
  };
}
