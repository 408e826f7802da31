import { alignMyers } from './myers.js';

/** A match between two id sequences: aToB[i] is the index in b matched to a[i], or -1. */
export interface SequenceAlignment {
  aToB: Int32Array;
  bToA: Int32Array;
  /** True when the deadline passed and the coarse (anchor + greedy) alignment was used instead of Myers. */
  coarse: boolean;
  /** True when Myers ran in windows (long sequences with many edits): near-exact, linear in practice. */
  windowed: boolean;
}

/**
 * Above this estimated cost ((N+M) times a lower bound of the edit distance), Myers on the whole pair is
 * skipped for the windowed variant: on two 250k-call processes with 5% scattered edits, whole Myers takes
 * seconds, windows take tens of milliseconds and find the same alignment but for a few calls.
 */
const WHOLE_MYERS_COST = 4e7;
/** Whole Myers gives up after this many comparisons (the estimate can be far too low) and windows take over. */
const WHOLE_MYERS_COMPARISONS = 2e8;

/**
 * Aligns two sequences of interned event keys. Exact (a longest common subsequence, by Myers) unless
 * `deadlineMs` passes; then a linear, coarser alignment takes over so a diff never hangs.
 */
export function alignSequences(a: Int32Array, b: Int32Array, deadlineMs: number): SequenceAlignment {
  const aToB = new Int32Array(a.length).fill(-1);
  const bToA = new Int32Array(b.length).fill(-1);
  // Runs of a program against itself share long heads and tails; matching them first is free.
  let head = 0;
  const minLen = Math.min(a.length, b.length);
  while (head < minLen && a[head] === b[head]) {
    aToB[head] = head;
    bToA[head] = head;
    head++;
  }
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > head && bEnd > head && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
    aToB[aEnd] = bEnd;
    bToA[bEnd] = aEnd;
  }
  if (aEnd === head || bEnd === head) return { aToB, bToA, coarse: false, windowed: false };
  const cost = (aEnd - head + bEnd - head) * editLowerBound(a, b, head, aEnd, head, bEnd);
  if (cost <= WHOLE_MYERS_COST) {
    if (alignMyers(a, b, head, aEnd, head, bEnd, aToB, bToA, deadlineMs, WHOLE_MYERS_COMPARISONS)) {
      return { aToB, bToA, coarse: false, windowed: false };
    }
  }
  if (Date.now() <= deadlineMs) {
    const done = alignWindowed(a, b, head, aEnd, head, bEnd, aToB, bToA, deadlineMs);
    return { aToB, bToA, coarse: !done, windowed: true };
  }
  alignCoarse(a, b, head, aEnd, head, bEnd, aToB, bToA);
  return { aToB, bToA, coarse: true, windowed: false };
}

/** Σ |count in a − count in b| over keys: no alignment has fewer unmatched elements. */
function editLowerBound(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): number {
  const counts = new Map<number, number>();
  for (let i = aStart; i < aEnd; i++) counts.set(a[i] as number, (counts.get(a[i] as number) ?? 0) + 1);
  for (let j = bStart; j < bEnd; j++) counts.set(b[j] as number, (counts.get(b[j] as number) ?? 0) - 1);
  let d = 0;
  for (const v of counts.values()) d += Math.abs(v);
  return Math.max(1, d);
}

/** First window size; windows double until they contain a resynchronisation, up to the last size. */
const WINDOW_FIRST = 256;
const WINDOW_LAST = 16384;
/** Consecutive matches that count as being back in step after a difference. */
const SYNC_RUN = 8;

/**
 * Myers in windows: walk both sequences while they agree; at a difference, align the next W elements
 * of each side with Myers and keep the result up to the first run of SYNC_RUN consecutive matches,
 * then walk on from there. A window without such a run doubles (up to WINDOW_LAST) and is then taken
 * whole. Linear in practice; exact whenever each cluster of differences fits in one window; returns false
 * if the deadline passed (the rest was aligned coarsely).
 */
export function alignWindowed(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  aToB: Int32Array,
  bToA: Int32Array,
  deadlineMs: number,
): boolean {
  let i = aStart;
  let j = bStart;
  const localAToB = new Int32Array(WINDOW_LAST);
  const localBToA = new Int32Array(WINDOW_LAST);
  while (i < aEnd && j < bEnd) {
    if (a[i] === b[j]) {
      aToB[i] = j;
      bToA[j] = i;
      i++;
      j++;
      continue;
    }
    if (Date.now() > deadlineMs) {
      alignCoarse(a, b, i, aEnd, j, bEnd, aToB, bToA);
      return false;
    }
    for (let w = WINDOW_FIRST; ; w *= 2) {
      const n = Math.min(w, aEnd - i);
      const m = Math.min(w, bEnd - j);
      const la = localAToB.subarray(0, n).fill(-1);
      const lb = localBToA.subarray(0, m).fill(-1);
      alignMyers(a.subarray(i, i + n), b.subarray(j, j + m), 0, n, 0, m, la, lb, Infinity);
      const atEnds = i + n === aEnd && j + m === bEnd;
      const sync = atEnds ? -1 : findSyncRun(la, n);
      if (sync < 0 && !atEnds && w < WINDOW_LAST && (n === w || m === w)) continue;
      // Keep the window's matches up to the sync run (or all of them), then go on after them.
      const keepTo = sync >= 0 ? sync + SYNC_RUN : n;
      let lastA = -1;
      for (let k = 0; k < keepTo; k++) {
        const mk = la[k] as number;
        if (mk < 0) continue;
        aToB[i + k] = j + mk;
        bToA[j + mk] = i + k;
        lastA = k;
      }
      if (lastA >= 0) {
        j = j + (la[lastA] as number) + 1;
        i = i + lastA + 1;
      } else {
        i += n;
        j += m;
      }
      break;
    }
  }
  return true;
}

/**
 * Where to cut a window's alignment: the start of the last run of SYNC_RUN consecutive matches that
 * begins in the first half of the window (so that what is kept was aligned with at least half a window
 * of context after it), else the first such run, else -1.
 */
function findSyncRun(la: Int32Array, n: number): number {
  let run = 0;
  let best = -1;
  for (let k = 0; k < n; k++) {
    const mk = la[k] as number;
    if (mk >= 0 && k > 0 && run > 0 && mk === (la[k - 1] as number) + 1) run++;
    else run = mk >= 0 ? 1 : 0;
    if (run >= SYNC_RUN) {
      const start = k - SYNC_RUN + 1;
      if (start * 2 >= n) return best >= 0 ? best : start;
      best = start;
    }
  }
  return best;
}

/** How far ahead the greedy pass looks for the next equal key. */
const LOOKAHEAD = 16;

/**
 * The fallback: anchors on keys that occur exactly once in each side (patience diff), kept when they
 * are in the same order (longest increasing subsequence), then a greedy walk with a short lookahead
 * between anchors. Linear apart from the LIS (n log n); it misses matches Myers would find.
 */
export function alignCoarse(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  aToB: Int32Array,
  bToA: Int32Array,
): void {
  const anchors = findUniqueAnchors(a, b, aStart, aEnd, bStart, bEnd);
  let i = aStart;
  let j = bStart;
  for (let k = 0; k <= anchors.length; k += 2) {
    const ai = k < anchors.length ? (anchors[k] as number) : aEnd;
    const bj = k < anchors.length ? (anchors[k + 1] as number) : bEnd;
    alignGreedy(a, b, i, ai, j, bj, aToB, bToA);
    if (k < anchors.length) {
      aToB[ai] = bj;
      bToA[bj] = ai;
    }
    i = ai + 1;
    j = bj + 1;
  }
}

function alignGreedy(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  aToB: Int32Array,
  bToA: Int32Array,
): void {
  let i = aStart;
  let j = bStart;
  while (i < aEnd && j < bEnd) {
    if (a[i] === b[j]) {
      aToB[i] = j;
      bToA[j] = i;
      i++;
      j++;
      continue;
    }
    // Skip on whichever side finds the other's key sooner; if neither does, skip both.
    let skipB = -1;
    for (let d = 1; d <= LOOKAHEAD && j + d < bEnd; d++) {
      if (b[j + d] === a[i]) {
        skipB = d;
        break;
      }
    }
    let skipA = -1;
    for (let d = 1; d <= LOOKAHEAD && i + d < aEnd; d++) {
      if (a[i + d] === b[j]) {
        skipA = d;
        break;
      }
    }
    if (skipB > 0 && (skipA < 0 || skipB <= skipA)) j += skipB;
    else if (skipA > 0) i += skipA;
    else {
      i++;
      j++;
    }
  }
}

/** Pairs (aIndex, bIndex), flattened, of keys unique in both ranges, in increasing order on both sides. */
function findUniqueAnchors(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): number[] {
  // key -> index in a, or -2 when seen twice
  const inA = new Map<number, number>();
  for (let i = aStart; i < aEnd; i++) {
    const k = a[i] as number;
    inA.set(k, inA.has(k) ? -2 : i);
  }
  const inB = new Map<number, number>();
  for (let j = bStart; j < bEnd; j++) {
    const k = b[j] as number;
    if (!inA.has(k)) continue;
    inB.set(k, inB.has(k) ? -2 : j);
  }
  const candA: number[] = [];
  const candB: number[] = [];
  for (let i = aStart; i < aEnd; i++) {
    const k = a[i] as number;
    if (inA.get(k) !== i) continue;
    const j = inB.get(k);
    if (j === undefined || j < 0) continue;
    candA.push(i);
    candB.push(j);
  }
  const keep = longestIncreasing(candB);
  const out: number[] = [];
  for (const t of keep) out.push(candA[t] as number, candB[t] as number);
  return out;
}

/** Indices of a longest strictly increasing subsequence of `xs` (patience sorting). */
function longestIncreasing(xs: readonly number[]): number[] {
  const tails: number[] = []; // index into xs of the smallest tail of each length
  const prev = new Int32Array(xs.length).fill(-1);
  for (let t = 0; t < xs.length; t++) {
    const x = xs[t] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[tails[mid] as number] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[t] = tails[lo - 1] as number;
    tails[lo] = t;
  }
  const out: number[] = [];
  let t = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
  while (t >= 0) {
    out.push(t);
    t = prev[t] as number;
  }
  return out.reverse();
}
