import { isSetupBlock } from '../../../parsers/analysis/diff/pair-processes.js';
import type { LaneModel } from '../logic/compute-lanes.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { xOfEvent } from './compute-diff-geometry.js';
import type { BlockView, DiffData } from './diff-data.js';

/** What to select in a comparison: a pair of the alignment, one event of one run, or a line in each run. */
export type AlignedTarget = { pair: number } | { slot: TraceSlot; index: number } | { a: number; b: number };

export interface AlignedSelection {
  pair: number;
  /** Selected event of each run, -1 for none on that side. */
  selA: number;
  selB: number;
}

/** The pair and the event of each run a target selects: one event's partner comes with it. */
export function computeAlignedSelection(diff: DiffData, target: AlignedTarget): AlignedSelection {
  if ('pair' in target) {
    const pair = target.pair;
    return { pair, selA: diff.pairA[pair] ?? -1, selB: diff.pairB[pair] ?? -1 };
  }
  if ('a' in target) {
    // A finding names a line in each run; they need not be partners in the alignment.
    let { a: selA, b: selB } = target;
    const pair = selA >= 0 ? (diff.pairOfA[selA] ?? -1) : selB >= 0 ? (diff.pairOfB[selB] ?? -1) : -1;
    if (pair >= 0 && selA >= 0 && selB < 0) selB = diff.pairB[pair] as number;
    if (pair >= 0 && selB >= 0 && selA < 0) selA = diff.pairA[pair] as number;
    return { pair, selA, selB };
  }
  const pair = (target.slot === 'a' ? diff.pairOfA : diff.pairOfB)[target.index] ?? -1;
  return {
    pair,
    selA: target.slot === 'a' ? target.index : pair >= 0 ? (diff.pairA[pair] as number) : -1,
    selB: target.slot === 'b' ? target.index : pair >= 0 ? (diff.pairB[pair] as number) : -1,
  };
}

/**
 * A launcher stage only one run has (the chroot program's own start-up, a container runtime's set-up):
 * one block, not differences.
 */
export function isLauncherBlock(block: BlockView): boolean {
  return isSetupBlock(block.why);
}

/** What a launcher block is, in a few words: "chroot start-up", "container runtime set-up". */
export function formatLauncherBlock(block: BlockView, side: 'a' | 'b'): string {
  if (block.why === 'runtime-scaffolding') return 'container runtime set-up';
  if (block.why === 'chroot-scaffolding')
    return `${(side === 'a' ? block.programA : block.programB) || 'chroot'} start-up`;
  return 'launcher';
}

/**
 * The next (+1) or previous (-1) difference from pair `from` (-1: from either end), skipping launcher
 * stages; -1 when there is none.
 */
export function findNextDifference(diff: DiffData, from: number, direction: 1 | -1): number {
  const skip = new Uint8Array(diff.count);
  for (const b of diff.blocks) if (isLauncherBlock(b)) skip.fill(1, b.start, b.end);
  for (
    let k = from < 0 ? (direction > 0 ? 0 : diff.count - 1) : from + direction;
    k >= 0 && k < diff.count;
    k += direction
  )
    if (diff.status[k] !== 0 && !skip[k]) return k;
  return -1;
}

/**
 * How the linked comparison opens: B shifted so the target program's execve sits under A's, the window
 * covering the target's run in both (A from its start; B from its first call after its own launcher
 * stage, which stays to the left, announced at the edge), plus a little margin. Returns A's window and
 * the offset (x of B minus x of A at the same screen position).
 */
export function computeTargetFrame(
  diff: DiffData,
  ma: LaneModel,
  mb: LaneModel,
): { x0: number; x1: number; offset: number } {
  const xa = diff.execA >= 0 ? xOfEvent(ma, diff.execA) : NaN;
  const xb = diff.execB >= 0 ? xOfEvent(mb, diff.execB) : NaN;
  const offset = Number.isFinite(xa) && Number.isFinite(xb) ? xb - xa : mb.xMin - ma.xMin;
  const startOf = (model: LaneModel, side: 'a' | 'b'): number => {
    let start = model.xMax;
    let launcherEnd = -Infinity;
    for (const b of diff.blocks) {
      const last = side === 'a' ? b.lastA : b.lastB;
      if (isLauncherBlock(b) && last >= 0) launcherEnd = Math.max(launcherEnd, xOfEvent(model, last));
    }
    for (const lane of model.lanes) {
      // first x past the launcher stage: lanes are sorted by x
      let lo = 0;
      let hi = lane.x.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((lane.x[mid] as number) <= launcherEnd) lo = mid + 1;
        else hi = mid;
      }
      if (lo < lane.x.length) start = Math.min(start, lane.x[lo] as number);
    }
    return Number.isFinite(start) && start < model.xMax ? start : model.xMin;
  };
  const x0 = Math.min(startOf(ma, 'a'), startOf(mb, 'b') - offset);
  const x1 = Math.max(ma.xMax, mb.xMax - offset);
  const pad = Math.max((x1 - x0) * 0.02, 1e-9);
  return { x0: x0 - pad, x1: x1 + pad, offset };
}
