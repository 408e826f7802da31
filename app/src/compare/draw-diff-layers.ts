import type { LaneModel } from '../logic/compute-lanes.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import type { DiffMarks } from './compute-diff-geometry.js';
import { lowerBound } from '../logic/search-sorted.js';
import { xOfEvent } from './compute-diff-geometry.js';
import type { DiffData } from './diff-protocol.js';
import { CHANGE_ARGS, CHANGE_RESULT } from './diff-protocol.js';
import { isSetupBlock } from '../../../parsers/analysis/diff/pair-processes.js';

export const DIFF_COLORS = {
  changed: '#d97706',
  onlyA: '#dc2626',
  onlyB: '#16a34a',
  equal: 'rgba(100,116,139,0.35)',
  block: 'rgba(100,116,139,0.16)',
  cursor: '#0ea5e9',
  selection: '#f59e0b',
};

export interface MarksFrame {
  side: 'a' | 'b';
  model: LaneModel;
  diff: DiffData;
  marks: DiffMarks;
  x0: number;
  x1: number;
  laneTop: number;
  widthCssPx: number;
  heightCssPx: number;
  /** Selected event of this side, -1 for none. */
  selected: number;
  /** Cursor x in this side's coordinates, or null. */
  cursorX: number | null;
  textColor: string;
}

/** What changed in a changed pair, in a word or two. */
export function formatChange(bits: number): string {
  if (bits & CHANGE_RESULT && bits & CHANGE_ARGS) return 'result, args';
  return bits & CHANGE_RESULT ? 'result' : 'args';
}

/**
 * Draws over one timeline (on a transparent canvas of its own): one-sided launcher stages (the chroot
 * program's start-up) as one labelled block, a tick under every changed or one-sided call (at most one
 * per pixel and status), what changed when there is room to say it, the selected call and the cursor.
 * Only the non-equal calls are walked, found once per lane model (selectDiffMarks).
 */
export function drawDiffMarks(ctx: CanvasRenderingContext2D, f: MarksFrame): number {
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const span = f.x1 - f.x0;
  const toPx = (x: number): number => GUTTER_CSS_PX + ((x - f.x0) / span) * plotW;
  const visible = Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1;
  const laneY = (li: number): number => (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
  ctx.clearRect(0, 0, f.widthCssPx, f.heightCssPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_CSS_PX, 0, plotW, f.heightCssPx);
  ctx.clip();
  ctx.font = '10px system-ui, sans-serif';
  // Launcher stages only one run has: one block each.
  for (const block of f.diff.blocks) {
    if (!isSetupBlock(block.why)) continue;
    const first = f.side === 'a' ? block.firstA : block.firstB;
    const last = f.side === 'a' ? block.lastA : block.lastB;
    if (first < 0 || last < 0) continue;
    const li = f.model.laneOf[first] ?? -1;
    if (li < 0) continue;
    const xa = toPx(xOfEvent(f.model, first));
    const xb = Math.max(xa + 3, toPx(xOfEvent(f.model, last)));
    const y = laneY(li);
    ctx.fillStyle = DIFF_COLORS.block;
    ctx.fillRect(xa, y + 1, xb - xa, LANE_HEIGHT_CSS_PX - 2);
    ctx.strokeStyle = DIFF_COLORS.onlyB;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(xa + 0.5, y + 1.5, xb - xa - 1, LANE_HEIGHT_CSS_PX - 3);
    ctx.setLineDash([]);
    const what =
      block.why === 'runtime-scaffolding'
        ? 'container runtime set-up'
        : block.why === 'chroot-scaffolding'
          ? `${(f.side === 'a' ? block.programA : block.programB) || 'chroot'} start-up`
          : 'launcher';
    const label = `${what}: ${block.end - block.start} calls, one block`;
    ctx.fillStyle = f.textColor;
    ctx.fillText(label, Math.max(GUTTER_CSS_PX + 2, xa + 3), y + 11);
  }
  let drawn = 0;
  const oneSided = f.side === 'a' ? 2 : 3;
  const pairOf = f.side === 'a' ? f.diff.pairOfA : f.diff.pairOfB;
  for (
    let li = Math.max(0, Math.floor(f.laneTop));
    li < Math.min(f.model.lanes.length, f.laneTop + visible);
    li++
  ) {
    const lane = f.model.lanes[li]!;
    const xs = f.marks.x[li]!;
    const pos = f.marks.pos[li]!;
    const y = laneY(li) + LANE_HEIGHT_CSS_PX - 4;
    let lastPxChanged = -Infinity;
    let lastPxOne = -Infinity;
    let lastLabelPx = -Infinity;
    for (let m = lowerBound(xs, f.x0 - span * 0.01); m < xs.length; m++) {
      const x = xs[m] as number;
      if (x > f.x1) break;
      const i = lane.events[pos[m] as number] as number;
      const k = pairOf[i] as number;
      const st = f.diff.status[k] as number;
      const px = toPx(x);
      if (st === oneSided) {
        if (px - lastPxOne < 1) continue;
        lastPxOne = px;
        ctx.fillStyle = f.side === 'a' ? DIFF_COLORS.onlyA : DIFF_COLORS.onlyB;
        ctx.fillRect(px - 1, y, 2.5, 3);
      } else {
        if (px - lastPxChanged < 1) continue;
        lastPxChanged = px;
        ctx.fillStyle = DIFF_COLORS.changed;
        ctx.fillRect(px - 1.5, y - 1, 3.5, 4);
        if (px - lastLabelPx > 70) {
          lastLabelPx = px;
          ctx.fillText(`≠ ${formatChange(f.diff.change[k] as number)}`, px + 3, y - 2);
        }
      }
      drawn++;
    }
  }
  if (f.selected >= 0) {
    const li = f.model.laneOf[f.selected] ?? -1;
    const x = xOfEvent(f.model, f.selected);
    if (li >= 0 && Number.isFinite(x)) {
      ctx.strokeStyle = DIFF_COLORS.selection;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(toPx(x), laneY(li) + LANE_HEIGHT_CSS_PX / 2, 7, 0, Math.PI * 2);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
  }
  if (f.cursorX !== null) {
    const px = Math.round(toPx(f.cursorX)) + 0.5;
    ctx.strokeStyle = DIFF_COLORS.cursor;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, f.heightCssPx);
    ctx.stroke();
  }
  ctx.restore();
  return drawn;
}

export interface StripFrame {
  diff: DiffData;
  modelA: LaneModel;
  modelB: LaneModel;
  /** The non-equal calls of each side (selectDiffMarks). */
  marksA: DiffMarks;
  marksB: DiffMarks;
  a: { x0: number; x1: number };
  b: { x0: number; x1: number };
  widthCssPx: number;
  heightCssPx: number;
  selectedPair: number;
}

/**
 * The strip between the two timelines: a line from each matched call in A to its partner in B (grey
 * when equal, amber when changed), a red tick on top for a call only A makes, a green one at the bottom
 * for a call only B makes. Level of detail: equal pairs are walked lane by lane in A, one per lane and
 * pixel column (a binary search jumps to the next column), and the non-equal calls come from their own
 * short lists, so a frame costs about lanes x pixels, not the number of pairs.
 */
export function drawAlignmentStrip(ctx: CanvasRenderingContext2D, f: StripFrame): number {
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const spanA = f.a.x1 - f.a.x0;
  const spanB = f.b.x1 - f.b.x0;
  const h = f.heightCssPx;
  const pxA = (x: number): number => GUTTER_CSS_PX + ((x - f.a.x0) / spanA) * plotW;
  const pxB = (x: number): number => GUTTER_CSS_PX + ((x - f.b.x0) / spanB) * plotW;
  ctx.clearRect(0, 0, f.widthCssPx, h);
  const paths = [new Path2D(), new Path2D(), new Path2D(), new Path2D()];
  const { diff } = f;
  let drawn = 0;
  const perPx = spanA / plotW;
  for (const lane of f.modelA.lanes) {
    let m = lowerBound(lane.x, f.a.x0);
    while (m < lane.x.length) {
      const x = lane.x[m] as number;
      if (x > f.a.x1) break;
      const k = diff.pairOfA[lane.events[m] as number] as number;
      const j = k >= 0 ? (diff.pairB[k] as number) : -1;
      if (j >= 0 && diff.status[k] === 0) {
        const xb = xOfEvent(f.modelB, j);
        if (Number.isFinite(xb)) {
          paths[0]!.moveTo(pxA(x), 0);
          paths[0]!.lineTo(pxB(xb), h);
          drawn++;
        }
      }
      // Next pixel column of this lane.
      const next = f.a.x0 + (Math.floor((x - f.a.x0) / perPx) + 1) * perPx;
      const jump = lowerBound(lane.x, next);
      m = jump > m ? jump : m + 1;
    }
  }
  const oneSide = (marks: DiffMarks, model: LaneModel, side: 'a' | 'b'): void => {
    const v = side === 'a' ? f.a : f.b;
    const pairOf = side === 'a' ? diff.pairOfA : diff.pairOfB;
    const span = v.x1 - v.x0;
    marks.x.forEach((xs, li) => {
      const lane = model.lanes[li]!;
      let lastChanged = -Infinity;
      let lastOne = -Infinity;
      for (let m = lowerBound(xs, v.x0); m < xs.length; m++) {
        const x = xs[m] as number;
        if (x > v.x1) break;
        const k = pairOf[lane.events[marks.pos[li]![m] as number] as number] as number;
        const st = diff.status[k] as number;
        const px = GUTTER_CSS_PX + ((x - v.x0) / span) * plotW;
        if (st === 1 && side === 'a') {
          if (px - lastChanged < 1) continue;
          lastChanged = px;
          const xb = xOfEvent(f.modelB, diff.pairB[k] as number);
          paths[1]!.moveTo(px, 0);
          paths[1]!.lineTo(pxB(xb), h);
        } else if ((st === 2 && side === 'a') || (st === 3 && side === 'b')) {
          if (px - lastOne < 1) continue;
          lastOne = px;
          paths[st]!.moveTo(px, side === 'a' ? 0 : h - 7);
          paths[st]!.lineTo(px, side === 'a' ? 7 : h);
        } else continue;
        drawn++;
      }
    });
  };
  oneSide(f.marksA, f.modelA, 'a');
  oneSide(f.marksB, f.modelB, 'b');
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_CSS_PX, 0, plotW, h);
  ctx.clip();
  const colors = [DIFF_COLORS.equal, DIFF_COLORS.changed, DIFF_COLORS.onlyA, DIFF_COLORS.onlyB];
  paths.forEach((p, st) => {
    ctx.strokeStyle = colors[st]!;
    ctx.lineWidth = st === 0 ? 1 : 1.5;
    ctx.stroke(p);
  });
  if (f.selectedPair >= 0) {
    const i = diff.pairA[f.selectedPair] as number;
    const j = diff.pairB[f.selectedPair] as number;
    const a = i >= 0 ? xOfEvent(f.modelA, i) : NaN;
    const b = j >= 0 ? xOfEvent(f.modelB, j) : NaN;
    ctx.strokeStyle = DIFF_COLORS.selection;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    if (Number.isFinite(a) && Number.isFinite(b)) {
      ctx.moveTo(pxA(a), 0);
      ctx.lineTo(pxB(b), h);
    } else if (Number.isFinite(a)) {
      ctx.moveTo(pxA(a), 0);
      ctx.lineTo(pxA(a), h / 2);
    } else if (Number.isFinite(b)) {
      ctx.moveTo(pxB(b), h / 2);
      ctx.lineTo(pxB(b), h);
    }
    ctx.stroke();
  }
  ctx.restore();
  return drawn;
}
