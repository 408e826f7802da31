import { alignSequences } from './align.js';
import { alignMyers } from './myers.js';
import type { PairList } from './pair-list.js';
import { CHANGED, EQUAL, ONLY_A, ONLY_B } from './pair-list.js';

/**
 * One side of a unit to align: its events (indices into the trace) and their fine keys, position by
 * position; the coarser keys of the whole trace, by event, read only for the calls left between exact
 * matches (most calls of two runs of one program match exactly).
 */
export interface KeyedRun {
  events: Int32Array;
  /** Normalised full call (name, arguments, result): equal keys mean an equal call. */
  fine: Int32Array;
  /** By event: the name and the path a call names, matched first among the calls left over. */
  coarse: Int32Array;
  /** By event: the name alone, matched last. */
  name: Int32Array;
}

/**
 * Aligns two runs on their fine keys and appends the result to `out`. Between two exact matches, calls
 * left over on both sides are paired again, first on name and path, then on name alone, so
 * `openat("/etc/ld.so.cache") = 3` against `openat("/etc/ld.so.cache") = -1 ENOENT` reads as one changed
 * call rather than one removed and one added. Returns whether Myers ran in windows, and whether the
 * coarse fallback had to be used.
 */
export function emitAlignedPairs(
  a: KeyedRun,
  b: KeyedRun,
  deadlineMs: number,
  out: PairList,
): { coarse: boolean; windowed: boolean } {
  const { aToB, coarse, windowed } = alignSequences(a.fine, b.fine, deadlineMs);
  let i = 0;
  let j = 0;
  const n = a.events.length;
  const m = b.events.length;
  while (i < n || j < m) {
    // The next exact match at or after (i, j), or the ends.
    let ni = i;
    while (ni < n && (aToB[ni] as number) < 0) ni++;
    const nj = ni < n ? (aToB[ni] as number) : m;
    emitGap(a, b, i, ni, j, nj, deadlineMs, out, true);
    if (ni < n) out.push(a.events[ni] as number, b.events[nj] as number, EQUAL);
    i = ni + 1;
    j = nj + 1;
  }
  return { coarse, windowed };
}

/** A stretch with no exact match: pair what has the same name and error class, in order. */
function emitGap(
  a: KeyedRun,
  b: KeyedRun,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  deadlineMs: number,
  out: PairList,
  byPath: boolean,
): void {
  if (aStart >= aEnd && bStart >= bEnd) return;
  if (aStart >= aEnd || bStart >= bEnd) {
    for (let i = aStart; i < aEnd; i++) out.push(a.events[i] as number, -1, ONLY_A);
    for (let j = bStart; j < bEnd; j++) out.push(-1, b.events[j] as number, ONLY_B);
    return;
  }
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const aToB = new Int32Array(n).fill(-1);
  const bToA = new Int32Array(m).fill(-1);
  const aKeys = gather(a.events, byPath ? a.coarse : a.name, aStart, aEnd);
  const bKeys = gather(b.events, byPath ? b.coarse : b.name, bStart, bEnd);
  // Past the deadline, a gap is simply left unpaired: still a correct (if less helpful) alignment.
  alignMyers(aKeys, bKeys, 0, n, 0, m, aToB, bToA, deadlineMs);
  let i = aStart;
  let j = bStart;
  for (let k = aStart; k < aEnd; k++) {
    const rel = aToB[k - aStart] as number;
    if (rel < 0) continue;
    const mj = bStart + rel;
    // What lies between two path matches is paired again by name alone.
    if (byPath) emitGap(a, b, i, k, j, mj, deadlineMs, out, false);
    else {
      for (; i < k; i++) out.push(a.events[i] as number, -1, ONLY_A);
      for (; j < mj; j++) out.push(-1, b.events[j] as number, ONLY_B);
    }
    out.push(a.events[k] as number, b.events[mj] as number, CHANGED);
    i = k + 1;
    j = mj + 1;
  }
  if (byPath) emitGap(a, b, i, aEnd, j, bEnd, deadlineMs, out, false);
  else {
    for (; i < aEnd; i++) out.push(a.events[i] as number, -1, ONLY_A);
    for (; j < bEnd; j++) out.push(-1, b.events[j] as number, ONLY_B);
  }
}

/** The keys of events[start, end), in order. */
function gather(events: Int32Array, keys: Int32Array, start: number, end: number): Int32Array {
  const out = new Int32Array(end - start);
  for (let k = start; k < end; k++) out[k - start] = keys[events[k] as number] as number;
  return out;
}
