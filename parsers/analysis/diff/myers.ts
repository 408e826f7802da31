import diffSequencesModule from 'diff-sequences';

type DiffSequences = (
  aLength: number,
  bLength: number,
  isCommon: (aIndex: number, bIndex: number) => boolean,
  foundSubsequence: (nCommon: number, aCommon: number, bCommon: number) => void,
) => void;

/*
 * diff-sequences is CommonJS with `exports.default`: Node's ESM loader hands us the module object, Vite
 * and vitest hand us the function. Accept both.
 */
const diffSequences: DiffSequences =
  typeof diffSequencesModule === 'function'
    ? (diffSequencesModule as DiffSequences)
    : (diffSequencesModule as unknown as { default: DiffSequences }).default;

/** Thrown from inside the comparison callback to stop a Myers run that went past its deadline. */
class DeadlineExceeded extends Error {}

/** How many comparisons between two clock readings: reading the clock costs more than a comparison. */
const CLOCK_EVERY = 1 << 15;

/**
 * Longest common subsequence of a[aStart, aEnd) and b[bStart, bEnd) by Myers' algorithm (jest's
 * diff-sequences, the fastest one measured on syscall id sequences). Writes matches into `aToB` /
 * `bToA` (absolute indices). Returns false, leaving both arrays untouched, when `deadlineMs` (a
 * `Date.now()` reading) passes first, or after `maxComparisons`: Myers costs O((N+M)·D), and a long,
 * very different pair can take seconds.
 */
export function alignMyers(
  a: Int32Array,
  b: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  aToB: Int32Array,
  bToA: Int32Array,
  deadlineMs: number,
  maxComparisons = Infinity,
): boolean {
  const found: number[] = [];
  let calls = 0;
  let total = 0;
  const isCommon = (i: number, j: number): boolean => {
    if (++calls === CLOCK_EVERY) {
      calls = 0;
      total += CLOCK_EVERY;
      if (Date.now() > deadlineMs || total > maxComparisons) throw new DeadlineExceeded();
    }
    return a[aStart + i] === b[bStart + j];
  };
  try {
    diffSequences(aEnd - aStart, bEnd - bStart, isCommon, (n, ai, bi) => {
      found.push(n, ai, bi);
    });
  } catch (error) {
    if (error instanceof DeadlineExceeded) return false;
    throw error;
  }
  for (let k = 0; k < found.length; k += 3) {
    const n = found[k] as number;
    const ai = aStart + (found[k + 1] as number);
    const bi = bStart + (found[k + 2] as number);
    for (let t = 0; t < n; t++) {
      aToB[ai + t] = bi + t;
      bToA[bi + t] = ai + t;
    }
  }
  return true;
}
