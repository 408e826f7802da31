import type { Trace } from '../../../parsers/model/index.js';
import { computeProcesses } from '../logic/compute-processes.js';
import type { LaneModel } from '../logic/compute-lanes.js';
import type { TraceData } from '../trace/trace-data.js';

const MAX_DIAGNOSTICS = 500;

/** Copies the columns (the worker keeps its own for queries) so they can be transferred, not cloned. */
export function buildTraceData(
  trace: Trace,
  id: string,
  title: string,
  inputBytes: number,
  parseMs: number,
  parseThreads = 1,
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
    parseThreads,
  };
}

export function listColumnBuffers(data: TraceData): ArrayBuffer[] {
  const c = data.columns;
  return [c.kind, c.pid, c.ts, c.dur, c.nameId, c.errnoId, c.ret, c.status, c.line, c.endLine, c.fileId].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export function listLaneBuffers(model: LaneModel): ArrayBuffer[] {
  const out: ArrayBuffer[] = [model.laneOf.buffer as ArrayBuffer, model.posOf.buffer as ArrayBuffer];
  for (const l of model.lanes)
    for (const a of [l.events, l.x, l.xEnd, l.failed, l.special])
      if (a.byteLength) out.push(a.buffer as ArrayBuffer);
  return out;
}
