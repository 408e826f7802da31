import type { PhaseBand } from '../lessons/compute-phase-bands.js';
import type { LaneModel } from '../logic/compute-lanes.js';
import type { TimelineFrame } from '../timeline/draw-timeline.js';
import { lowerBound } from '../logic/search-sorted.js';
import type { DrawContext } from '../timeline/draw-timeline.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import type { DiffMarks } from './compute-diff-geometry.js';
import { xOfEvent } from './compute-diff-geometry.js';
import { formatLauncherBlock, isLauncherBlock } from './compare-selection.js';
import type { DiffData } from './diff-data.js';
import { CHANGE_ARGS, CHANGE_RESULT } from './diff-data.js';
import type { DrawnLabel, LabelContext, LaneLabel } from '../timeline/lane-labels.js';
import {
  DIFF_LABEL_FONT,
  LABEL_HEIGHT_PX,
  drawLaneLabels,
  listNameLabels,
  listPhaseLabels,
  listRangeLabel,
} from '../timeline/lane-labels.js';

export const DIFF_COLORS = {
  changed: '#d97706',
  onlyA: '#dc2626',
  onlyB: '#16a34a',
  failed: '#dc2626',
  equal: 'rgba(100,116,139,0.35)',
  block: 'rgba(100,116,139,0.16)',
  cursor: '#0ea5e9',
  selection: '#f59e0b',
  evidence: '#f97316',
};

/** What the diff layers draw with: the timeline's context plus dashes (canvas, or SVG in exports). */
export type DiffDrawContext = DrawContext & Pick<CanvasRenderingContext2D, 'setLineDash' | 'clearRect'>;

/** The diff marks' context, measuring text too (their labels are laid out per lane). */
type MarksDrawContext = DiffDrawContext & LabelContext;

export interface MarksFrame {
  side: 'a' | 'b';
  model: LaneModel;
  diff: DiffData;
  marks: DiffMarks;
  /** Names and errnos of this side's trace, to say which call failed. */
  names: readonly string[];
  nameId: Uint32Array;
  errnos: readonly string[];
  errnoId: Uint16Array;
  x0: number;
  x1: number;
  laneTop: number;
  widthCssPx: number;
  heightCssPx: number;
  /** Selected event of this side, -1 for none. */
  selected: number;
  /** Evidence of the selected finding on this side (ringed). */
  evidence: readonly number[];
  /** Cursor x in this side's coordinates, or null. */
  cursorX: number | null;
  textColor: string;
  labelBackground: string;
  /** The dark theme (the phase labels change colour). */
  dark: boolean;
  /**
   * The phase bands in view (x relative to the plot), whose labels are laid out with the diff's own:
   * PhaseBandsLayer draws the bands, this layer their labels. Empty when phases are off or not drawn.
   */
  phases: readonly PhaseBand[];
  /**
   * What the call names inside the marks are found from (the timeline underneath draws marks only), and
   * their colour; null for none.
   */
  callNames: (Pick<TimelineFrame, 'marks' | 'kind' | 'categoryOfName'> & { color: string }) | null;
  /** A range selected on this side (its duration's place is kept free of labels). */
  range?: TimelineFrame['range'];
}

/** What drawDiffMarks drew: how many marks, and the labels' boxes. */
export interface DiffMarksDrawn {
  marks: number;
  labels: DrawnLabel[];
}

/** What changed in a changed pair, in a word or two. */
export function formatChange(bits: number): string {
  if (bits & CHANGE_RESULT && bits & CHANGE_ARGS) return 'result, args';
  return bits & CHANGE_RESULT ? 'result' : 'args';
}

/**
 * Draws over one timeline (on a transparent canvas of its own): one-sided launcher stages (the chroot
 * program's start-up) as one labelled block (announced at the left edge when it lies before the view),
 * a tick under every changed or one-sided call (at most one per pixel and status), a call that fails in
 * this run where its partner did not boxed in red with its name and errno, the selected call, the
 * evidence of the selected finding, and the cursor. Only the non-equal calls are walked, found once per
 * lane model (selectDiffMarks). Every label of a lane (the failure's, the `≠` ones, the block's and the
 * phases') is placed by drawLaneLabels, which knows them all, so none is drawn over another.
 */
export function drawDiffMarks(ctx: MarksDrawContext, f: MarksFrame, clear = true): DiffMarksDrawn {
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const span = f.x1 - f.x0;
  const toPx = (x: number): number => GUTTER_CSS_PX + ((x - f.x0) / span) * plotW;
  const visible = Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1;
  const laneY = (li: number): number => (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
  const inView = (li: number): boolean => li >= Math.floor(f.laneTop) && li < f.laneTop + visible;
  if (clear) ctx.clearRect(0, 0, f.widthCssPx, f.heightCssPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER_CSS_PX, 0, plotW, f.heightCssPx);
  ctx.clip();
  const labels: LaneLabel[] = [
    ...listRangeLabel({ ...f, range: f.range ?? null }),
    ...listPhaseLabels(ctx, f.phases, laneY, inView, f.dark),
  ];
  drawBlocks(ctx, f, toPx, laneY, inView, labels);
  let drawn = 0;
  const oneSided = f.side === 'a' ? 2 : 3;
  const pairOf = f.side === 'a' ? f.diff.pairOfA : f.diff.pairOfB;
  const failures: { px: number; y: number; i: number; li: number }[] = [];
  const focus = new Set([f.selected, ...f.evidence.slice(0, MAX_FOCUS_LABELS)]);
  const focusPx = f.selected >= 0 ? toPx(xOfEvent(f.model, f.selected)) : NaN;
  // The `≠` labels nearest the selection get room first; with nothing selected, left to right.
  const rankOf = (px: number): number => (Number.isFinite(focusPx) ? Math.abs(px - focusPx) : px);
  for (
    let li = Math.max(0, Math.floor(f.laneTop));
    li < Math.min(f.model.lanes.length, f.laneTop + visible);
    li++
  ) {
    const lane = f.model.lanes[li]!;
    const xs = f.marks.x[li];
    const pos = f.marks.pos[li];
    if (!xs || !pos) continue;
    const y = laneY(li) + LANE_HEIGHT_CSS_PX - 5;
    let lastPxChanged = -Infinity;
    let lastPxOne = -Infinity;
    let lastLabelPx = -Infinity;
    let lastFailPx = -Infinity;
    for (let m = lowerBound(xs, f.x0 - span * 0.01); m < xs.length; m++) {
      const x = xs[m] as number;
      if (x > f.x1) break;
      const i = lane.events[pos[m] as number] as number;
      const k = pairOf[i] as number;
      const st = f.diff.status[k] as number;
      const px = toPx(x);
      const failed = (f.errnoId[i] as number) !== 0;
      const resultDiffers = st === 1 && ((f.diff.change[k] as number) & CHANGE_RESULT) !== 0;
      // A call that fails here where its partner succeeded: the failure the comparison is usually
      // about, drawn to be seen at first glance. (A call only one run makes is a tick: failing probes
      // such as ld.so.preload are normal in any run.)
      if (failed && resultDiffers && px - lastFailPx >= 3) {
        lastFailPx = px;
        failures.push({ px, y: laneY(li), i, li });
      }
      if (st === oneSided) {
        if (px - lastPxOne < 1) continue;
        lastPxOne = px;
        ctx.fillStyle = f.side === 'a' ? DIFF_COLORS.onlyA : DIFF_COLORS.onlyB;
        ctx.fillRect(px - 1.5, y, 3, 4);
      } else {
        if (px - lastPxChanged < 1) continue;
        lastPxChanged = px;
        ctx.fillStyle = DIFF_COLORS.changed;
        ctx.fillRect(px - 2, y - 1, 4, 5);
        if (!failed && !focus.has(i) && px - lastLabelPx > 90) {
          lastLabelPx = px;
          labels.push(changeLabel(f, k, li, px, 'change', rankOf(px)));
        }
      }
      drawn++;
    }
  }
  for (const i of focus) {
    // The selected call's and the evidence's own `≠`, wherever the thinning above fell.
    const li = i >= 0 ? (f.model.laneOf[i] ?? -1) : -1;
    const k = i >= 0 ? (pairOf[i] as number) : -1;
    if (li < 0 || !inView(li) || k < 0 || f.diff.status[k] !== 1 || (f.errnoId[i] as number) !== 0) continue;
    const px = toPx(xOfEvent(f.model, i));
    if (px >= GUTTER_CSS_PX && px <= f.widthCssPx)
      labels.push(changeLabel(f, k, li, px, 'focus-change', rankOf(px)));
  }
  drawFailures(ctx, f, failures, labels);
  if (f.callNames)
    labels.push(
      ...listNameLabels({ ...f.callNames, ...f, marks: f.callNames.marks }, f.callNames.color, laneY, inView),
    );
  const placed = drawLaneLabels(ctx, labels, f.labelBackground, f.widthCssPx);
  for (const i of f.evidence) if (i !== f.selected) ring(ctx, f, i, toPx, laneY, DIFF_COLORS.evidence, 8, 2);
  if (f.selected >= 0) ring(ctx, f, f.selected, toPx, laneY, DIFF_COLORS.selection, 7, 2.5);
  if (f.cursorX !== null) {
    const px = Math.round(toPx(f.cursorX)) + 0.5;
    ctx.strokeStyle = DIFF_COLORS.cursor;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, f.heightCssPx);
    ctx.stroke();
  }
  ctx.restore();
  return { marks: drawn, labels: placed };
}

/** At most this many of a finding's evidence get a `≠` label of their own (the others keep their tick). */
const MAX_FOCUS_LABELS = 50;

/**
 * "≠ args" beside the tick of changed pair k, in lane li (the tick is at the lane's bottom); the selected
 * call's and the evidence's clear of the ring drawn around them. Whole or not at all: "≠ a…" says nothing.
 */
function changeLabel(
  f: MarksFrame,
  k: number,
  li: number,
  px: number,
  kind: 'change' | 'focus-change',
  rank: number,
): LaneLabel {
  return {
    kind,
    text: `≠ ${formatChange(f.diff.change[k] as number)}`,
    lane: li,
    left: px + (kind === 'focus-change' ? 9 : 2),
    top: (li - f.laneTop) * LANE_HEIGHT_CSS_PX + LANE_HEIGHT_CSS_PX - 8 - LABEL_HEIGHT_PX / 2,
    shrinks: false,
    color: DIFF_COLORS.changed,
    font: DIFF_LABEL_FONT,
    rank,
  };
}

/** Launcher stages only one run has: one block each, labelled; one left of the view says so at the edge. */
function drawBlocks(
  ctx: DiffDrawContext,
  f: MarksFrame,
  toPx: (x: number) => number,
  laneY: (li: number) => number,
  inView: (li: number) => boolean,
  labels: LaneLabel[],
): void {
  for (const block of f.diff.blocks) {
    if (!isLauncherBlock(block)) continue;
    const first = f.side === 'a' ? block.firstA : block.firstB;
    const last = f.side === 'a' ? block.lastA : block.lastB;
    if (first < 0 || last < 0) continue;
    const li = f.model.laneOf[first] ?? -1;
    if (li < 0 || !inView(li)) continue;
    const calls = block.end - block.start;
    const xa = toPx(xOfEvent(f.model, first));
    const xb = Math.max(xa + 3, toPx(xOfEvent(f.model, last)));
    const y = laneY(li);
    const what = formatLauncherBlock(block, f.side);
    if (xb < GUTTER_CSS_PX) {
      // Before the view (the comparison opens on the target program): a marker at the edge, the pane's
      // title says what it is.
      ctx.fillStyle = DIFF_COLORS.onlyB;
      ctx.beginPath();
      ctx.moveTo(GUTTER_CSS_PX + 1, y + LANE_HEIGHT_CSS_PX / 2);
      ctx.lineTo(GUTTER_CSS_PX + 7, y + 5);
      ctx.lineTo(GUTTER_CSS_PX + 7, y + LANE_HEIGHT_CSS_PX - 5);
      ctx.closePath();
      ctx.fill();
      continue;
    }
    ctx.fillStyle = DIFF_COLORS.block;
    ctx.fillRect(xa, y + 1, xb - xa, LANE_HEIGHT_CSS_PX - 2);
    ctx.strokeStyle = DIFF_COLORS.onlyB;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(xa + 0.5, y + 1.5, Math.max(0, xb - xa - 1), LANE_HEIGHT_CSS_PX - 3);
    ctx.setLineDash([]);
    labels.push({
      kind: 'block',
      text: `${what}: ${calls} calls, one block`,
      lane: li,
      left: Math.max(GUTTER_CSS_PX + 2, xa + 2),
      top: y - 1,
      maxLeft: xb - 8,
      color: f.textColor,
      font: DIFF_LABEL_FONT,
      rank: xa,
    });
  }
}

/**
 * Each failing call boxed in red, and named ("✕ execve ENOENT") where there is room: the label asks for
 * it, left to right, and the lane's layout shortens or drops the ones that would cover another.
 */
function drawFailures(
  ctx: DrawContext,
  f: MarksFrame,
  failures: readonly { px: number; y: number; i: number; li: number }[],
  labels: LaneLabel[],
): void {
  let lastLabel = -Infinity;
  for (const { px, y, i, li } of failures) {
    ctx.strokeStyle = DIFF_COLORS.failed;
    ctx.lineWidth = 2;
    ctx.strokeRect(px - 4, y + 3, 9, LANE_HEIGHT_CSS_PX - 6);
    // Closer than a short label's width to the last one asked for, it could only be dropped.
    if (px - lastLabel < 40) continue;
    lastLabel = px;
    labels.push({
      kind: 'failure',
      text: `✕ ${f.names[f.nameId[i] as number] ?? ''} ${f.errnos[f.errnoId[i] as number] ?? ''}`,
      lane: li,
      left: px + 6,
      top: y,
      color: DIFF_COLORS.failed,
      font: DIFF_LABEL_FONT,
      rank: px,
    });
  }
  ctx.lineWidth = 1;
}

function ring(
  ctx: DrawContext,
  f: MarksFrame,
  i: number,
  toPx: (x: number) => number,
  laneY: (li: number) => number,
  color: string,
  r: number,
  width: number,
): void {
  const li = f.model.laneOf[i] ?? -1;
  const x = xOfEvent(f.model, i);
  if (li < 0 || !Number.isFinite(x)) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(toPx(x) + r, laneY(li) + LANE_HEIGHT_CSS_PX / 2);
  ctx.arc(toPx(x), laneY(li) + LANE_HEIGHT_CSS_PX / 2, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 1;
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
 * short lists, so a frame costs about lanes x pixels, not the number of pairs. Segments are gathered per
 * colour and stroked once each.
 */
export function drawAlignmentStrip(ctx: DiffDrawContext, f: StripFrame, clear = true): number {
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const spanA = f.a.x1 - f.a.x0;
  const spanB = f.b.x1 - f.b.x0;
  const h = f.heightCssPx;
  const pxA = (x: number): number => GUTTER_CSS_PX + ((x - f.a.x0) / spanA) * plotW;
  const pxB = (x: number): number => GUTTER_CSS_PX + ((x - f.b.x0) / spanB) * plotW;
  if (clear) ctx.clearRect(0, 0, f.widthCssPx, h);
  // x0, y0, x1, y1 of each segment, per status (equal, changed, only A, only B)
  const segments: number[][] = [[], [], [], []];
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
          segments[0]!.push(pxA(x), 0, pxB(xb), h);
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
          segments[1]!.push(px, 0, pxB(xb), h);
        } else if ((st === 2 && side === 'a') || (st === 3 && side === 'b')) {
          if (px - lastOne < 1) continue;
          lastOne = px;
          segments[st]!.push(px, side === 'a' ? 0 : h - 7, px, side === 'a' ? 7 : h);
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
  segments.forEach((seg, st) => {
    if (!seg.length) return;
    ctx.strokeStyle = colors[st]!;
    ctx.lineWidth = st === 0 ? 1 : 1.5;
    ctx.beginPath();
    for (let n = 0; n < seg.length; n += 4) {
      ctx.moveTo(seg[n]!, seg[n + 1]!);
      ctx.lineTo(seg[n + 2]!, seg[n + 3]!);
    }
    ctx.stroke();
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
