import type { Trace } from '../../model/index.js';
import { findChrootPrefix, findWorkingDirectory } from './chroot-prefix.js';
import type { DiffUnit, TraceUnits } from './diff-units.js';
import { computeDiffUnits } from './diff-units.js';
import type { KeyedRun } from './emit-pairs.js';
import { emitAlignedPairs } from './emit-pairs.js';
import type { EventKeys } from './event-keys.js';
import { KeySpace, computeEventKeys } from './event-keys.js';
import type { OneSidedReason } from './pair-processes.js';
import { isSetupBlock, pairProcesses } from './pair-processes.js';
import { CHANGED, EQUAL, ONLY_A, ONLY_B, PairList } from './pair-list.js';

export interface DiffOptions {
  /** Past this many milliseconds of alignment, a coarser linear alignment takes over. Default 5000. */
  budgetMs?: number;
}

/** A stretch of the alignment: two paired units, or a unit of one trace only. */
export interface DiffBlock {
  kind: 'aligned' | 'onlyA' | 'onlyB';
  unitA: DiffUnit | null;
  unitB: DiffUnit | null;
  /** Range [start, end) in `pairs`. */
  start: number;
  end: number;
  why: OneSidedReason | null;
  /** The coarse alignment was used for this block (the budget ran out). */
  coarse: boolean;
  /** Myers ran in windows for this block (long, with many differences): near-exact. */
  windowed: boolean;
}

export interface TraceDiffCore {
  a: Trace;
  b: Trace;
  pairs: PairList;
  blocks: DiffBlock[];
  equal: number;
  changed: number;
  onlyA: number;
  onlyB: number;
  /** Index in `pairs` of the first difference outside launcher blocks, or -1. */
  firstDivergence: number;
  coarse: boolean;
  unitsA: TraceUnits;
  unitsB: TraceUnits;
  keysA: EventKeys;
  keysB: EventKeys;
  chrootPrefixA: string | null;
  chrootPrefixB: string | null;
  elapsedMs: number;
  /** Where the time went: normalising and keying calls, splitting and pairing processes, aligning. */
  timings: { keysMs: number; unitsMs: number; alignMs: number };
}

/**
 * Aligns the syscalls of two traces: processes paired by lineage and program, exec stages by program,
 * then each paired stage aligned call by call on normalised keys (Myers). Launcher stages that only one
 * run has (the chroot program's start-up) become one-sided blocks. Findings are computed separately.
 */
export function computeDiffCore(a: Trace, b: Trace, options: DiffOptions = {}): TraceDiffCore {
  const now = Date.now;
  const started = now();
  const deadline = started + (options.budgetMs ?? 5000);
  const space = new KeySpace();
  const chrootPrefixA = findChrootPrefix(a);
  const chrootPrefixB = findChrootPrefix(b);
  // A -y trace against a plain one: compare both without decorations.
  const dropDecorations = a.format.fdPaths !== b.format.fdPaths;
  const unitsA = computeDiffUnits(a);
  const unitsB = computeDiffUnits(b);
  const unitsDone = now();
  const cwdA = findWorkingDirectory(a);
  const cwdB = findWorkingDirectory(b);
  const keysA = computeEventKeys(a, space, {
    chrootPrefix: chrootPrefixA,
    cwd: cwdA,
    dropDecorations,
    tree: unitsA.tree,
  });
  const keysB = computeEventKeys(b, space, {
    chrootPrefix: chrootPrefixB,
    cwd: cwdB,
    dropDecorations,
    tree: unitsB.tree,
  });
  const keysDone = now();
  // Myers breaks ties by position, so diff(B, A) is not always the mirror of diff(A, B). Aligning in a
  // fixed orientation (by the traces' key checksums) and flipping back makes it so.
  const swap =
    keysB.syscalls < keysA.syscalls || (keysB.syscalls === keysA.syscalls && keysB.checksum < keysA.checksum);
  const { pairs, blocks, coarse } = swap
    ? flip(alignAll(unitsB, keysB, unitsA, keysA, deadline, Math.max(a.count, b.count)))
    : alignAll(unitsA, keysA, unitsB, keysB, deadline, Math.max(a.count, b.count));
  const counts = new Int32Array(4);
  for (let k = 0; k < pairs.count; k++) {
    const s = pairs.status[k] as number;
    counts[s] = (counts[s] as number) + 1;
  }
  return {
    a,
    b,
    pairs,
    blocks,
    equal: counts[EQUAL] as number,
    changed: counts[CHANGED] as number,
    onlyA: counts[ONLY_A] as number,
    onlyB: counts[ONLY_B] as number,
    firstDivergence: findFirstDivergence(blocks, pairs),
    coarse,
    unitsA,
    unitsB,
    keysA,
    keysB,
    chrootPrefixA,
    chrootPrefixB,
    elapsedMs: now() - started,
    timings: { unitsMs: unitsDone - started, keysMs: keysDone - unitsDone, alignMs: now() - keysDone },
  };
}

/** Pairs processes, then aligns each pair: the blocks and pairs of `a` against `b`. */
function alignAll(
  unitsA: TraceUnits,
  keysA: EventKeys,
  unitsB: TraceUnits,
  keysB: EventKeys,
  deadline: number,
  capacity: number,
): { pairs: PairList; blocks: DiffBlock[]; coarse: boolean } {
  const matches = pairProcesses(unitsA, unitsB, deadline, pidSimilarity(unitsA, keysA, unitsB, keysB));
  const pairs = new PairList(capacity + 16);
  const blocks: DiffBlock[] = [];
  let coarse = false;
  for (const m of matches) {
    const start = pairs.count;
    if (m.kind === 'aligned') {
      const used = emitAlignedPairs(keyed(m.a, keysA), keyed(m.b, keysB), deadline, pairs);
      coarse ||= used.coarse;
      blocks.push({ kind: 'aligned', unitA: m.a, unitB: m.b, start, end: pairs.count, why: null, ...used });
    } else if (m.kind === 'onlyA') {
      for (const i of m.a.events) pairs.push(i, -1, ONLY_A);
      blocks.push({
        kind: 'onlyA',
        unitA: m.a,
        unitB: null,
        start,
        end: pairs.count,
        why: m.why,
        coarse: false,
        windowed: false,
      });
    } else {
      for (const j of m.b.events) pairs.push(-1, j, ONLY_B);
      blocks.push({
        kind: 'onlyB',
        unitA: null,
        unitB: m.b,
        start,
        end: pairs.count,
        why: m.why,
        coarse: false,
        windowed: false,
      });
    }
  }
  return { pairs, blocks, coarse };
}

/** The same alignment seen from the other side: A and B exchanged in every pair and block. */
function flip(r: { pairs: PairList; blocks: DiffBlock[]; coarse: boolean }): {
  pairs: PairList;
  blocks: DiffBlock[];
  coarse: boolean;
} {
  const p = r.pairs;
  const tmp = p.a;
  p.a = p.b;
  p.b = tmp;
  for (let k = 0; k < p.count; k++) {
    const s = p.status[k] as number;
    if (s === ONLY_A) p.status[k] = ONLY_B;
    else if (s === ONLY_B) p.status[k] = ONLY_A;
  }
  const blocks = r.blocks.map((bl): DiffBlock => ({
    ...bl,
    kind: bl.kind === 'onlyA' ? 'onlyB' : bl.kind === 'onlyB' ? 'onlyA' : 'aligned',
    unitA: bl.unitB,
    unitB: bl.unitA,
  }));
  return { pairs: p, blocks, coarse: r.coarse };
}

/** Buckets of the per-process key histograms that estimate how many calls two processes share. */
const SKETCH_BUCKETS = 1024;

/**
 * How alike two processes are, for pairing same-program siblings: about how many calls they share,
 * estimated from a histogram of each process's keys over 1024 buckets (the sum of bucket minimums; an
 * exact multiset intersection would need a sort of every process's keys). Built once per process, when
 * first asked, with the list of its buckets in use: the sum runs over those alone (a bucket empty on
 * one side adds nothing), not over all 1024 for each of a build's thousands of sibling pairs.
 */
function pidSimilarity(
  unitsA: TraceUnits,
  keysA: EventKeys,
  unitsB: TraceUnits,
  keysB: EventKeys,
): (pidA: number, pidB: number) => number {
  const cache = new Map<string, Sketch>();
  const sketch = (side: string, units: TraceUnits, keys: EventKeys, pid: number): Sketch => {
    const key = side + pid;
    let s = cache.get(key);
    if (!s) {
      const counts = new Int32Array(SKETCH_BUCKETS);
      for (const u of units.byPid.get(pid)?.units ?? []) {
        for (const i of u.events) {
          const b = Math.imul(keys.fine[i] as number, 0x9e3779b1) >>> 22;
          counts[b] = (counts[b] as number) + 1;
        }
      }
      let used = 0;
      for (let b = 0; b < SKETCH_BUCKETS; b++) if (counts[b] !== 0) used++;
      const buckets = new Int32Array(used);
      used = 0;
      for (let b = 0; b < SKETCH_BUCKETS; b++) if (counts[b] !== 0) buckets[used++] = b;
      s = { counts, buckets };
      cache.set(key, s);
    }
    return s;
  };
  return (pidA, pidB) => {
    const x = sketch('a', unitsA, keysA, pidA);
    const y = sketch('b', unitsB, keysB, pidB);
    return x.buckets.length <= y.buckets.length ? sharedCalls(x, y) : sharedCalls(y, x);
  };
}

/** The sum of bucket minimums, over the buckets `few` uses. */
function sharedCalls(few: Sketch, other: Sketch): number {
  const { buckets, counts } = few;
  const theirs = other.counts;
  let shared = 0;
  for (let k = 0; k < buckets.length; k++) {
    const b = buckets[k] as number;
    shared += Math.min(counts[b] as number, theirs[b] as number);
  }
  return shared;
}

/** A process's key histogram and the buckets it uses, in order. */
interface Sketch {
  counts: Int32Array;
  buckets: Int32Array;
}

function keyed(unit: DiffUnit, keys: EventKeys): KeyedRun {
  const n = unit.events.length;
  const fine = new Int32Array(n);
  for (let k = 0; k < n; k++) fine[k] = keys.fine[unit.events[k] as number] as number;
  return { events: unit.events, fine, coarse: keys.coarse, name: keys.name };
}

/** The first entry that differs, skipping launcher stages (they are reported as blocks, not as the cause). */
function findFirstDivergence(blocks: DiffBlock[], pairs: PairList): number {
  for (const block of blocks) {
    if (isSetupBlock(block.why)) continue;
    for (let k = block.start; k < block.end; k++) if (pairs.status[k] !== EQUAL) return k;
  }
  return -1;
}
