import type { SyscallDelta } from '../../../parsers/analysis/syscall-delta.js';
import type { DiffFinding, DiffLabels } from '../../../parsers/analysis/diff/index.js';

/** A log as it travels into a self-contained HTML export. */
export interface EmbeddedLog {
  name: string;
  text: string;
}

/** A finding, plus the events it points at (so a click can select them in both timelines). */
export interface FindingView extends DiffFinding {
  /** Event index in A / B of its main line (`a`, `b`), or -1. */
  indexA: number;
  indexB: number;
  /** Event indices of every evidence line (`evidence`), sorted; the main lines when it lists none. */
  evidenceA: number[];
  evidenceB: number[];
}

/** One stretch of the alignment, as the timelines and the table need it. */
export interface BlockView {
  kind: 'aligned' | 'onlyA' | 'onlyB';
  why: string | null;
  start: number;
  end: number;
  pidA: number | null;
  pidB: number | null;
  programA: string;
  programB: string;
  /** First and last event of the block on each side (-1: none). */
  firstA: number;
  lastA: number;
  firstB: number;
  lastB: number;
}

/** Bits of `change` for a changed pair: what differs. */
export const CHANGE_RESULT = 1;
export const CHANGE_ARGS = 2;

/**
 * What the main thread holds of a diff: the alignment as columns (transferred, not copied), the blocks,
 * the ranked findings and the syscall deltas. The Traces stay in the worker.
 */
export interface DiffData {
  labels: DiffLabels;
  equal: number;
  changed: number;
  onlyA: number;
  onlyB: number;
  coarse: boolean;
  elapsedMs: number;
  firstDivergence: number;
  count: number;
  pairA: Int32Array;
  pairB: Int32Array;
  status: Uint8Array;
  /** CHANGE_RESULT | CHANGE_ARGS for changed pairs, 0 otherwise. */
  change: Uint8Array;
  /** Pair index of every event of A / B, -1 for events that are not in the alignment. */
  pairOfA: Int32Array;
  pairOfB: Int32Array;
  blocks: BlockView[];
  findings: FindingView[];
  /** The target program's execve in each run (the default alignment point), -1 when unknown. */
  execA: number;
  execB: number;
  deltas: SyscallDelta[];
  /** The same without launcher stages (the chroot program's start-up), as the findings count; null when there are none. */
  deltasWithoutLaunchers: SyscallDelta[] | null;
  /** Paired processes (pid in A, pid in B). */
  processPairs: [number, number][];
}
