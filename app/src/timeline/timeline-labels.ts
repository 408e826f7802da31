import type { PhaseBand } from '../lessons/compute-phase-bands.js';
import { PHASE_COLORS, computePhaseBands } from '../lessons/compute-phase-bands.js';
import type { AppState } from '../store/create-app-store.js';
import type { TraceSlot } from '../store/trace-slice.js';
import type { DrawContext, TimelineFrame } from './draw-timeline.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from './draw-timeline.js';
import type { DrawnLabel, LabelContext } from './lane-labels.js';
import { drawLaneLabels, listNameLabels, listPhaseLabels, listRangeLabel } from './lane-labels.js';

/** The background of a label box, a little see-through so the marks under it still show. */
export function labelBackground(dark: boolean): string {
  return dark ? 'rgba(11,17,32,0.85)' : 'rgba(255,255,255,0.85)';
}

/**
 * The phase bands of a timeline's frame, as PhaseBandsLayer draws them on screen (its plot, the frame's
 * window); none when phases are off or not yet found for this trace.
 */
export function buildPhaseBands(s: AppState, slot: TraceSlot, f: TimelineFrame): PhaseBand[] {
  const trace = s.traces[slot];
  const phases = s.lesson.phases[slot];
  if (!s.lesson.showPhases || !trace || phases?.traceId !== trace.id) return [];
  const from = Math.max(0, Math.floor(f.laneTop));
  const to = from + Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  return computePhaseBands(f.model, phases.phases, f.x0, f.x1, plotW, { from, to });
}

/**
 * The labels inside one timeline's lanes, the single view's and its picture's: the phases' and the call
 * names inside the marks, laid out together (drawLaneLabels) so that none covers another; a phase label
 * moves along its band, is shortened with "…" or, last, dropped, and a call name gives way to it. The
 * comparison draws these with its own labels instead (drawDiffMarks). Returns the boxes as drawn.
 */
export function drawTimelineLabels(
  ctx: LabelContext,
  f: TimelineFrame,
  bands: readonly PhaseBand[],
  dark: boolean,
): DrawnLabel[] {
  const visible = Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1;
  const laneY = (li: number): number => (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
  const inView = (li: number): boolean => li >= Math.floor(f.laneTop) && li < f.laneTop + visible;
  const labels = [
    ...listRangeLabel(f),
    ...listPhaseLabels(ctx, bands, laneY, inView, dark),
    ...listNameLabels(f, f.theme.markText, laneY, inView),
  ];
  return drawLaneLabels(ctx, labels, labelBackground(dark), f.widthCssPx);
}

/**
 * The phase bands of a picture (on screen PhaseBandsLayer draws them, an SVG over the canvas): a light
 * wash of the phase's hue edged in it, inside the plot, under the labels.
 */
export function drawPhaseBands(ctx: DrawContext, f: TimelineFrame, bands: readonly PhaseBand[]): void {
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  ctx.lineWidth = 1;
  for (const b of bands) {
    const left = Math.max(0, b.xCssPx);
    const right = Math.min(plotW, b.xCssPx + b.widthCssPx);
    if (right <= left) continue;
    const y = (b.lane - f.laneTop) * LANE_HEIGHT_CSS_PX;
    ctx.fillStyle = withAlpha(PHASE_COLORS[b.kind], 0.12);
    ctx.fillRect(GUTTER_CSS_PX + left, y + 1, right - left, LANE_HEIGHT_CSS_PX - 2);
    ctx.strokeStyle = withAlpha(PHASE_COLORS[b.kind], 0.55);
    ctx.strokeRect(
      GUTTER_CSS_PX + left + 0.5,
      y + 1.5,
      Math.max(0, right - left - 1),
      LANE_HEIGHT_CSS_PX - 3,
    );
  }
}

/** "#6366f1" at opacity 0.12 as "rgba(99,102,241,0.12)" (both canvas and SVG read it). */
function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
