import type { Trace } from '../../../parsers/model/index.js';
import type { EventDetail, RowText, UnknownLine } from './worker-protocol.js';

/** Pure answers to the main thread's questions about a trace held in the worker. */

export function computeEventDetail(trace: Trace, index: number): EventDetail | null {
  if (index < 0 || index >= trace.count) return null;
  const endLine = trace.columns.endLine[index] as number;
  const source = trace.sources[trace.columns.fileId[index] as number];
  return {
    index,
    event: trace.event(index),
    rawLine: trace.rawLine(index),
    endRawLine: endLine && source ? source.line(endLine) : null,
    file: trace.file(index) ?? null,
  };
}

export function computeRowTexts(trace: Trace, indices: readonly number[]): RowText[] {
  return indices
    .filter((i) => i >= 0 && i < trace.count)
    .map((index) => {
      try {
        const ev = trace.event(index);
        const text =
          ev.kind === 'syscall'
            ? ev.args.map((a) => a.text).join(', ')
            : ev.kind === 'unknown' || ev.kind === 'message'
              ? ev.text
              : trace.rawLine(index).trim();
        return { index, text, ret: ev.kind === 'syscall' ? ev.ret : '' };
      } catch {
        return { index, text: trace.rawLine(index), ret: '' };
      }
    });
}

/** Indices of events whose raw line (or resumed line) contains `needle`, ignoring case. */
export function computeTextMatches(trace: Trace, needle: string): Int32Array {
  const q = needle.toLowerCase();
  const out: number[] = [];
  if (!q) return new Int32Array(0);
  const end = trace.columns.endLine;
  for (let i = 0; i < trace.count; i++) {
    let hit = trace.rawLine(i).toLowerCase().includes(q);
    if (!hit && (end[i] as number) !== 0) {
      const src = trace.sources[trace.columns.fileId[i] as number];
      hit = Boolean(
        src
          ?.line(end[i] as number)
          .toLowerCase()
          .includes(q),
      );
    }
    if (hit) out.push(i);
  }
  return Int32Array.from(out);
}

export function computeUnknownLines(trace: Trace, limit: number): UnknownLine[] {
  const out: UnknownLine[] = [];
  for (let i = 0; i < trace.count && out.length < limit; i++) {
    if (trace.kind(i) !== 'unknown') continue;
    out.push({ index: i, line: trace.line(i), file: trace.file(i) ?? null, text: trace.rawLine(i) });
  }
  return out;
}
