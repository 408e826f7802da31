import type { Trace } from '../../model/index.js';
import type { DiffOptions, TraceDiffCore } from './compute-diff.js';
import { computeDiffCore } from './compute-diff.js';
import type { DiffFinding, DiffLabels, DiffLineRef } from './finding.js';
import { lineRef } from './finding.js';
import { computeDiffFindings } from './findings.js';
import type { PairStatus } from './pair-list.js';
import { PAIR_STATUSES } from './pair-list.js';
import type { DiffRunContexts } from './run-context.js';

export interface TraceDiffOptions extends DiffOptions {
  /** Names of the two traces in messages. Default "A" and "B". */
  labels?: DiffLabels;
  /** What the collector recorded about each run (exit status, stderr, trace filter, program). */
  context?: DiffRunContexts;
}

/** A diff of two traces: the alignment (columns), its counts, and findings in plain words. */
export interface TraceDiff extends TraceDiffCore {
  labels: DiffLabels;
  findings: DiffFinding[];
}

/**
 * Compares two traces of (usually) the same program: pairs their processes, aligns the calls of each
 * pair on normalised keys, and explains the differences. `equal + changed + onlyA` is the number of
 * syscall events of `a`, `equal + changed + onlyB` that of `b`.
 */
export function computeTraceDiff(a: Trace, b: Trace, options: TraceDiffOptions = {}): TraceDiff {
  const labels = options.labels ?? { a: 'A', b: 'B' };
  const core = computeDiffCore(a, b, options);
  return { ...core, labels, findings: computeDiffFindings(core, labels, options.context) };
}

/** One aligned entry as JSON: line numbers (and files, for -ff sets) on each side, and the status. */
export interface DiffPairJson {
  a?: number;
  b?: number;
  fileA?: string;
  fileB?: string;
  status: PairStatus;
}

/** The shape `spelunk diff --json` prints. */
export interface TraceDiffJson {
  equal: number;
  changed: number;
  onlyA: number;
  onlyB: number;
  firstDivergence: { status: PairStatus; a: DiffLineRef | null; b: DiffLineRef | null } | null;
  findings: DiffFinding[];
  pairs: DiffPairJson[];
  /** The alignment budget ran out somewhere and a coarser alignment was used. */
  coarse: boolean;
  labels: DiffLabels;
}

export function formatDiffJson(diff: TraceDiff): TraceDiffJson {
  const { pairs } = diff;
  const out: DiffPairJson[] = new Array(pairs.count);
  for (let k = 0; k < pairs.count; k++) out[k] = diffPairJson(diff, k);
  return { ...diffJsonHead(diff), pairs: out, coarse: diff.coarse, labels: diff.labels };
}

/** Alignment entry `k` as `spelunk diff --json` prints it. */
function diffPairJson(diff: TraceDiff, k: number): DiffPairJson {
  const { a, b, pairs } = diff;
  const i = pairs.a[k] as number;
  const j = pairs.b[k] as number;
  const entry: DiffPairJson = { status: PAIR_STATUSES[pairs.status[k] as number] as PairStatus };
  if (i >= 0) {
    entry.a = a.line(i);
    const f = a.file(i);
    if (f !== undefined) entry.fileA = f;
  }
  if (j >= 0) {
    entry.b = b.line(j);
    const f = b.file(j);
    if (f !== undefined) entry.fileB = f;
  }
  return entry;
}

/** The fields of TraceDiffJson before `pairs`, in its order. */
export function diffJsonHead(diff: TraceDiff): Omit<TraceDiffJson, 'pairs' | 'coarse' | 'labels'> {
  const { a, b, pairs } = diff;
  const k = diff.firstDivergence;
  return {
    equal: diff.equal,
    changed: diff.changed,
    onlyA: diff.onlyA,
    onlyB: diff.onlyB,
    firstDivergence:
      k < 0
        ? null
        : {
            status: PAIR_STATUSES[pairs.status[k] as number] as PairStatus,
            a: (pairs.a[k] as number) >= 0 ? lineRef(a, pairs.a[k] as number) : null,
            b: (pairs.b[k] as number) >= 0 ? lineRef(b, pairs.b[k] as number) : null,
          },
    findings: diff.findings,
  };
}
