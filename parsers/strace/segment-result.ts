import type { Diagnostic, StraceSummary } from '../model/event.js';
import type { StoreParts } from '../model/line-store.js';
import type { TraceColumns, TraceFormat } from '../model/trace.js';
import { spareColumns } from '../model/columns-builder.js';
import type { PidState } from './pid-attribution.js';
import type { OpenResume } from './segment-record.js';
import type { TableState } from './summary-table.js';
import type { StraceTraceBuilder } from './trace-builder.js';

/**
 * A segment of a log parsed on its own (on a worker thread, say): its events, text and diagnostics with
 * the segment's own line numbers, event indices and name ids, the parser state it ended with, and what
 * its readings assumed about the lines before it (segment-record.ts). Plain data and typed arrays, so it
 * can be posted between threads (see segmentTransferList); segment-merge.ts stitches segments in order.
 */
export interface SegmentResult {
  columns: TraceColumns;
  names: string[];
  errnos: string[];
  store: StoreParts;
  diagnostics: Diagnostic[];
  repaired: [number, string][];
  summaries: StraceSummary[];
  format: TraceFormat;
  /** The segment's head held NUL bytes (only the first segment's says anything about the input). */
  binary: boolean;
  pending: [number, number][];
  touched: number[];
  firstOpens: number[];
  lastUnfinished: number;
  pids: PidState;
  relNs: number;
  lastAbs: number;
  dayOffset: number;
  tables: TableState;
  carry: { head: string; line: number; note: string } | null;
  openResumes: OpenResume[];
  derivedDurations: number[];
  overlong: number[];
  unsafe: string | null;
  leadingStack: boolean;
  sawTimeOfDay: boolean;
  sawEpoch: boolean;
  sawRelative: boolean;
  firstTimeOfDay: number;
  diagnosticsFull: boolean;
}

/** Ends a segment builder (made with the `segment` option) and packs what it read. */
export function finishSegment(b: StraceTraceBuilder, binary: boolean): SegmentResult {
  const rec = b.rec;
  if (!rec) throw new Error('finishSegment needs a builder made with the segment option');
  return {
    columns: b.cols.finishViews(),
    names: b.cols.names,
    errnos: b.cols.errnos,
    store: b.store.exportParts(),
    diagnostics: b.diagnostics,
    repaired: [...b.repaired],
    summaries: b.tables.tables,
    format: b.format,
    binary,
    pending: [...b.pending],
    touched: [...rec.touched],
    firstOpens: rec.firstOpens,
    lastUnfinished: b.lastUnfinished,
    pids: b.pids.exportState(),
    relNs: b.clock.relNs,
    lastAbs: b.clock.lastAbs,
    dayOffset: b.clock.dayOffset,
    tables: b.tables.exportState(),
    carry: b.carry,
    openResumes: rec.openResumes,
    derivedDurations: rec.derivedDurations,
    overlong: rec.overlong,
    unsafe: rec.unsafe,
    leadingStack: rec.leadingStack,
    sawTimeOfDay: rec.sawTimeOfDay,
    sawEpoch: rec.sawEpoch,
    sawRelative: rec.sawRelative,
    firstTimeOfDay: rec.firstTimeOfDay,
    diagnosticsFull: rec.diagnosticsFull,
  };
}

/**
 * A stitched segment's arrays, whole, for the next segment parsed on the same thread to fill again: a
 * big log's blocks then reuse a few sets of arrays instead of leaving one set each behind as garbage.
 */
export function spareOf(seg: SegmentResult): { columns: TraceColumns; lineStarts: Float64Array } {
  return {
    columns: spareColumns(seg.columns),
    lineStarts: new Float64Array(seg.store.lineStarts.buffer),
  };
}

/** The buffers of spare arrays, to hand them back to another thread without a copy. */
export function spareTransferList(spare: ReturnType<typeof spareOf>): ArrayBuffer[] {
  const c = spare.columns;
  const all = [c.kind, c.pid, c.ts, c.dur, c.nameId, c.errnoId, c.ret, c.status, c.line, c.endLine, c.fileId];
  return [...new Set([...all, spare.lineStarts].map((a) => a.buffer))].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer,
  );
}

/** The buffers a segment can hand over without a copy when it is posted to another thread. */
export function segmentTransferList(seg: SegmentResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView): void => {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  const c = seg.columns;
  for (const a of [
    c.kind,
    c.pid,
    c.ts,
    c.dur,
    c.nameId,
    c.errnoId,
    c.ret,
    c.status,
    c.line,
    c.endLine,
    c.fileId,
  ])
    add(a);
  add(seg.store.lineStarts);
  for (const s of seg.store.segments) if (typeof s !== 'string') add(s);
  return [...buffers];
}
