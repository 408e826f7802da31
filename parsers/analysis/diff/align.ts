import { alignMyers } from './myers.js';

/** A match between two id sequences: aToB[i] is the index in b matched to a[i], or -1. */
export interface SequenceAlignment {
  aToB: Int32Array;
  bToA: Int32Array;
  /** True when the deadline passed and the coarse (anchor + greedy) alignment was used instead of Myers. */
  coarse: boolean;
}

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
  if (aEnd === head || bEnd === head) return { aToB, bToA, coarse: false };
  if (alignMyers(a, b, head, aEnd, head, bEnd, aToB, bToA, deadlineMs)) {
    return { aToB, bToA, coarse: false };
  }
  alignCoarse(a, b, head, aEnd, head, bEnd, aToB, bToA);
  return { aToB, bToA, coarse: true };
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
export function longestIncreasing(xs: readonly number[]): number[] {
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
