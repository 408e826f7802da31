import { CALL_STATUS } from '../model/trace.js';
import { SECONDS_PER_DAY } from './strace-clock.js';
import type { SegmentResult } from './segment-result.js';
import { MAX_DIAGNOSTICS } from './builder-diagnostics.js';
import { moveRepairedLineMessage } from './line-repair.js';
import type { StraceTraceBuilder } from './trace-builder.js';

/**
 * Stitches a segment, parsed on its own (segment-result.ts), onto a builder that has read everything
 * before it: the result is exactly what reading the segment's lines on that builder would give. Most
 * segments are carried over as they are, with their few seam-dependent readings fixed up:
 *
 * - `<... wait4 resumed>` halves whose call started before the seam are matched to it (their
 *   placeholder event and orphan diagnostic dropped), calls left open carry over;
 * - `-r` times are moved by the sum before the seam, `-t`/`-tt` times by a midnight passed before it;
 * - line numbers, event indices and name ids are moved into the builder's.
 *
 * When a reading cannot be fixed up (the segment began inside a `-c` table or a line cut by a strace
 * message, prefix-less lines that earlier tasks would claim, a thread's execve before the seam...),
 * the segment's lines are read again on the builder, in order. Returns which of the two happened.
 */
export function stitchSegment(b: StraceTraceBuilder, seg: SegmentResult): 'absorbed' | 'replayed' {
  const lineBase = b.store.lineCount;
  b.store.absorb(seg.store);
  const shift = timeShift(b, seg);
  if (shift === null || !canAbsorb(b, seg)) {
    replay(b, seg, lineBase);
    return 'replayed';
  }
  absorb(b, seg, lineBase, shift);
  return 'absorbed';
}

const DIED = CALL_STATUS.indexOf('died');

interface TimeShift {
  /** Seconds added to every time of day (a midnight passed before the seam). */
  day: number;
  /** Nanoseconds added to every -r time (the sum before the seam). */
  relNs: number;
}

/** How the segment's times move, or null when they cannot be moved exactly. */
function timeShift(b: StraceTraceBuilder, seg: SegmentResult): TimeShift | null {
  let day = 0;
  if (seg.sawTimeOfDay) {
    day = b.clock.dayOffset;
    // the segment's first time of day, checked as the builder would have: a jump back of 12 hours
    if (seg.firstTimeOfDay + b.clock.dayOffset < b.clock.lastAbs - SECONDS_PER_DAY / 2)
      day += SECONDS_PER_DAY;
    if (day !== 0 && (seg.sawEpoch || seg.sawRelative || seg.dayOffset !== 0)) return null;
  }
  const relNs = seg.sawRelative ? b.clock.relNs : 0;
  if (relNs !== 0 && (seg.sawEpoch || seg.sawTimeOfDay)) return null;
  return { day, relNs };
}

function canAbsorb(b: StraceTraceBuilder, seg: SegmentResult): boolean {
  if (seg.unsafe !== null || b.carry !== null) return false;
  if (seg.leadingStack && b.cols.count === 0) return false;
  // a call open at the seam that the segment supersedes (never resumed) or resumes and cuts again
  // (its middle joins the call's first line): rare, and read in order
  if (seg.firstOpens.some((key) => b.pending.has(key) && !closedInSegment(b, seg, key))) return false;
  for (const r of seg.openResumes) if (!r.final && b.pending.has(r.key)) return false;
  if (seg.diagnosticsFull && b.diagnostics.length < MAX_DIAGNOSTICS) return false;
  return b.pids.accepts(seg.pids) && b.tables.accepts(seg.tables);
}

/**
 * Whether the first resumed half the segment holds for task `key` (before any call it opens there)
 * ends the call of that task still open on the builder: then a call the segment opens on that task
 * supersedes nothing, and the segment can be carried over.
 */
function closedInSegment(b: StraceTraceBuilder, seg: SegmentResult, key: number): boolean {
  const r = seg.openResumes.find((o) => o.key === key);
  const p = b.pending.get(key);
  if (r === undefined || !r.final || p === undefined) return false;
  return b.cols.names[b.cols.columns.nameId[p] as number] === r.name;
}

/** Reads the segment's lines again, in order, on the builder (its text is already in the store). */
function replay(b: StraceTraceBuilder, seg: SegmentResult, lineBase: number): void {
  const overlong = new Map<number, number>();
  for (let k = 0; k < seg.overlong.length; k += 2)
    overlong.set(seg.overlong[k] as number, seg.overlong[k + 1] as number);
  const lines = seg.store.lineStarts.length;
  for (let n = 1; n <= lines; n++) {
    const lineNo = lineBase + n;
    const long = overlong.get(n);
    if (long !== undefined) {
      b.addOverlongLine(lineNo, long);
      continue;
    }
    const { segment, offset } = b.store.locate(lineNo);
    if (typeof segment !== 'string') b.addLineBytes(segment, offset, lineNo);
    else {
      let end = segment.indexOf('\n', offset);
      if (end < 0) end = segment.length;
      if (end > offset && segment.charCodeAt(end - 1) === 13) end--;
      b.addLineAt(segment, offset, end, lineNo);
    }
  }
}

function absorb(b: StraceTraceBuilder, seg: SegmentResult, lineBase: number, shift: TimeShift): void {
  const cols = b.cols;
  // name and errno ids, interned in the segment's order (the order reading it here would give)
  const nameMap = Uint32Array.from(seg.names, (name) => cols.internName(name));
  const errnoMap = Uint16Array.from(seg.errnos, (errno) => cols.internErrno(errno));
  const moveTs = (t: number): number => {
    if (Number.isNaN(t)) return t;
    if (shift.relNs !== 0) return (shift.relNs + Math.round(t * 1e9)) / 1e9;
    return shift.day !== 0 ? t + shift.day : t;
  };

  // resumed halves of calls that started before the seam
  const dropped: number[] = [];
  const droppedDiagnostics = new Set<number>();
  const c = cols.columns;
  for (const r of seg.openResumes) {
    const p = b.pending.get(r.key);
    if (p === undefined || cols.names[c.nameId[p] as number] !== r.name) continue;
    dropped.push(r.index);
    if (r.diagnostic >= 0) droppedDiagnostics.add(r.diagnostic);
    c.endLine[p] = r.line + lineBase;
    if (!r.final) continue; // cut again: still open
    b.pending.delete(r.key);
    c.ret[p] = r.retValue;
    if (r.errno !== null) c.errnoId[p] = cols.internErrno(r.errno);
    c.status[p] = r.died ? DIED : 0;
    const ts = moveTs(r.ts);
    const start = c.ts[p] as number;
    if (r.dur !== null) c.dur[p] = r.dur;
    else if (!Number.isNaN(ts) && !Number.isNaN(start)) c.dur[p] = Math.round((ts - start) * 1e9) / 1e9;
  }

  // the events, but the placeholders of halves matched above
  const base = cols.count;
  const src = seg.columns;
  cols.reserve(base + src.count - dropped.length);
  let to = base;
  let from = 0;
  for (let k = 0; k <= dropped.length; k++) {
    const d = k < dropped.length ? (dropped[k] as number) : src.count;
    cols.appendRange(src, from, d);
    to += d - from;
    from = d + 1;
  }
  const dst = cols.columns;
  const moved = shift.day !== 0 || shift.relNs !== 0;
  for (let i = base; i < to; i++) {
    dst.nameId[i] = nameMap[dst.nameId[i] as number] as number;
    dst.errnoId[i] = errnoMap[dst.errnoId[i] as number] as number;
    dst.line[i] = (dst.line[i] as number) + lineBase;
    if (dst.endLine[i] !== 0) dst.endLine[i] = (dst.endLine[i] as number) + lineBase;
    if (moved) dst.ts[i] = moveTs(dst.ts[i] as number);
  }
  const index = (local: number): number => base + local - countBelow(dropped, local);
  if (moved) {
    // durations taken from the halves' times: again, from the moved times
    const d = seg.derivedDurations;
    for (let k = 0; k < d.length; k += 2) {
      const i = index(d[k] as number);
      dst.dur[i] = Math.round((moveTs(d[k + 1] as number) - (dst.ts[i] as number)) * 1e9) / 1e9;
    }
  }

  // the state the segment ended with
  for (const key of seg.touched) b.pending.delete(key);
  for (const [key, i] of seg.pending) b.pending.set(key, index(i));
  if (seg.lastUnfinished >= 0) b.lastUnfinished = index(seg.lastUnfinished);
  b.pids.absorb(seg.pids, index);
  for (const t of seg.summaries) {
    t.firstLine += lineBase;
    t.lastLine += lineBase;
  }
  b.tables.absorb(seg.summaries, seg.tables);
  b.carry = seg.carry ? { ...seg.carry, line: seg.carry.line + lineBase } : null;
  if (seg.sawRelative) b.clock.relNs = shift.relNs + seg.relNs;
  if (seg.sawTimeOfDay) {
    b.clock.dayOffset = shift.day + seg.dayOffset;
    b.clock.lastAbs = seg.lastAbs + shift.day;
  }
  const f = b.format;
  const g = seg.format;
  for (const key of Object.keys(f) as (keyof typeof f)[])
    if (typeof g[key] === 'boolean' && g[key]) (f[key] as boolean) = true;
  if (g.timestamps !== 'none') f.timestamps = g.timestamps;
  seg.diagnostics.forEach((d, k) => {
    if (droppedDiagnostics.has(k) || b.diagnostics.length >= MAX_DIAGNOSTICS) return;
    const message = d.code === 'repaired-line' ? moveRepairedLineMessage(d.message, lineBase) : d.message;
    b.diagnostics.push({ ...d, message, line: d.line + lineBase });
  });
  for (const [line, text] of seg.repaired) b.repaired.set(line + lineBase, text);
}

/** How many of the sorted `values` are below `x`. */
function countBelow(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
