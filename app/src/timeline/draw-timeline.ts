import type { LaneModel } from '../logic/compute-lanes.js';
import { computeThinnedMarks } from '../logic/compute-marks.js';
import { KIND } from '../trace/trace-data.js';
import type { TimelineTheme } from './timeline-theme.js';

export const LANE_HEIGHT_CSS_PX = 22;
export const GUTTER_CSS_PX = 168;
export type MarkerShape = 'triangle' | 'square' | 'diamond' | 'circle';
export const MARKER_SHAPES: readonly MarkerShape[] = ['triangle', 'square', 'diamond', 'circle'];

/** One highlighted syscall: its own colour and shape, and its positions in each lane. */
export interface HighlightLayer {
  name: string;
  color: string;
  shape: MarkerShape;
  positions: Int32Array[];
}

export interface TimelineFrame {
  model: LaneModel;
  kind: Uint8Array;
  nameId: Uint32Array;
  /** Category code per name id. */
  categoryOfName: Uint8Array;
  x0: number;
  x1: number;
  laneTop: number;
  widthCssPx: number;
  heightCssPx: number;
  highlights: readonly HighlightLayer[];
  selected: number | null;
  theme: TimelineTheme;
  /** Whether to draw the lane labels (exports and the live view do; tests can skip text). */
  labels: boolean;
}

/** What the canvas draws with; a real CanvasRenderingContext2D, or a recording mock in tests. */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'beginPath'
  | 'rect'
  | 'fill'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'save'
  | 'restore'
  | 'clip'
>;

/**
 * Draws one frame of the timeline in CSS pixels (the caller scales for devicePixelRatio). Marks are
 * thinned per pixel column (compute-marks.ts) and batched into one path per colour, so the cost follows
 * the canvas size, not the event count. Returns the number of marks drawn.
 */
export function drawTimeline(ctx: DrawContext, f: TimelineFrame): number {
  const drawn = drawLanes(ctx, f);
  drawOverlay(ctx, f);
  return drawn;
}

/** The lanes and their marks, without the selection and the label gutter (the part worth caching). */
export function drawLanes(ctx: DrawContext, f: TimelineFrame): number {
  const { model, theme } = f;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const scale = plotW / (f.x1 - f.x0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, f.widthCssPx, f.heightCssPx);
  const first = Math.max(0, Math.floor(f.laneTop));
  const visibleLanes = Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1;
  const last = Math.min(model.lanes.length, first + visibleLanes);
  const ncat = theme.categories.length;
  let drawn = 0;

  for (let li = first; li < last; li++) {
    const lane = model.lanes[li]!;
    const y0 = (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
    if (li % 2) {
      ctx.fillStyle = theme.laneAlt;
      ctx.fillRect(0, y0, f.widthCssPx, LANE_HEIGHT_CSS_PX);
    }
    // Body marks, one batch per category colour; same-colour neighbours merged into runs.
    const runs: number[][] = Array.from({ length: ncat }, () => []);
    let runCat = -1;
    let runStart = 0;
    let runEnd = 0;
    const flush = (): void => {
      if (runCat >= 0) runs[runCat]!.push(runStart, runEnd);
    };
    drawn += computeThinnedMarks(lane, null, f.x0, f.x1, plotW, 1, (pos, s, e) => {
      const i = lane.events[pos] as number;
      const k = f.kind[i] as number;
      const cat = k === KIND.syscall ? (f.categoryOfName[f.nameId[i] as number] as number) : -1;
      if (cat < 0) return; // signals and exits get their own shapes below
      if (cat === runCat && s <= runEnd + 0.5) runEnd = Math.max(runEnd, e);
      else {
        flush();
        [runCat, runStart, runEnd] = [cat, s, e];
      }
    });
    flush();
    for (let cat = 0; cat < ncat; cat++) {
      const r = runs[cat]!;
      if (!r.length) continue;
      ctx.fillStyle = theme.categories[cat]!;
      ctx.beginPath();
      for (let j = 0; j < r.length; j += 2) {
        const s = Math.max(0, r[j]!);
        const e = Math.min(plotW, r[j + 1]!);
        if (e > s) ctx.rect(GUTTER_CSS_PX + s, y0 + 6, e - s, 10);
      }
      ctx.fill();
    }
    // Failed calls: a red bar under the mark.
    ctx.fillStyle = theme.failed;
    ctx.beginPath();
    drawn += computeThinnedMarks(lane, lane.failed, f.x0, f.x1, plotW, 2, (_pos, s, e) => {
      ctx.rect(GUTTER_CSS_PX + Math.max(0, s), y0 + 17, Math.max(2, Math.min(plotW, e) - Math.max(0, s)), 3);
    });
    ctx.fill();
    // Signals (diamonds), exits (bars) and kills (red bars): one path per kind and lane.
    const signals: number[] = [];
    const exits: number[] = [];
    const kills: number[] = [];
    drawn += computeThinnedMarks(lane, lane.special, f.x0, f.x1, plotW, 5, (pos, s) => {
      if (s < 0) return;
      const k = f.kind[lane.events[pos] as number] as number;
      (k === KIND.signal ? signals : k === KIND.killed ? kills : exits).push(GUTTER_CSS_PX + s);
    });
    fillMarkers(ctx, theme.signal, 'diamond', signals, y0 + 11, 5);
    fillBars(ctx, theme.exit, exits, y0);
    fillBars(ctx, theme.killed, kills, y0);
    // Highlights: a marker above the mark, in the highlight's colour and shape; one path per highlight and lane.
    for (const h of f.highlights) {
      const positions = h.positions[li];
      if (!positions?.length) continue;
      const xs: number[] = [];
      drawn += computeThinnedMarks(lane, positions, f.x0, f.x1, plotW, 6, (_pos, s) => {
        if (s >= 0) xs.push(GUTTER_CSS_PX + s + 0.5);
      });
      fillMarkers(ctx, h.color, h.shape, xs, y0 + 3.5, 3.5);
    }
  }
  return drawn;
}

/** What changes without the marks changing: the selection, and the lane labels in the gutter. */
export function drawOverlay(ctx: DrawContext, f: TimelineFrame): void {
  const { model, theme } = f;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const scale = plotW / (f.x1 - f.x0);
  const toPx = (x: number): number => GUTTER_CSS_PX + (x - f.x0) * scale;
  const first = Math.max(0, Math.floor(f.laneTop));
  const last = Math.min(model.lanes.length, first + Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1);
  if (f.selected !== null) drawSelection(ctx, f, toPx, plotW);
  // Gutter last, so marks never run under the labels.
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, GUTTER_CSS_PX, f.heightCssPx);
  ctx.fillStyle = theme.laneSeparator;
  ctx.fillRect(GUTTER_CSS_PX - 1, 0, 1, f.heightCssPx);
  if (f.labels) {
    ctx.font = '12px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textBaseline = 'middle';
    for (let li = first; li < last; li++) {
      const lane = model.lanes[li]!;
      const y = (li - f.laneTop) * LANE_HEIGHT_CSS_PX + LANE_HEIGHT_CSS_PX / 2;
      ctx.fillStyle = lane.isThread ? theme.textMuted : theme.text;
      const indent = 6 + Math.min(lane.depth, 6) * 8;
      const maxChars = Math.max(4, Math.floor((GUTTER_CSS_PX - indent - 6) / 7.3));
      const label = lane.label.length > maxChars ? `${lane.label.slice(0, maxChars - 1)}…` : lane.label;
      ctx.fillText(label, indent, y);
    }
  }
}

function drawSelection(ctx: DrawContext, f: TimelineFrame, toPx: (x: number) => number, plotW: number): void {
  const i = f.selected as number;
  const li = f.model.laneOf[i];
  const pos = f.model.posOf[i];
  if (li === undefined || li < 0 || pos === undefined || pos < 0) return;
  const lane = f.model.lanes[li]!;
  const s = toPx(lane.x[pos]!);
  const e = Math.max(s + 2, toPx(lane.xEnd[pos]!));
  if (e < GUTTER_CSS_PX || s > GUTTER_CSS_PX + plotW) return;
  const y0 = (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
  ctx.strokeStyle = f.theme.selection;
  ctx.lineWidth = 2;
  ctx.strokeRect(s - 2, y0 + 1, e - s + 4, LANE_HEIGHT_CSS_PX - 2);
  ctx.fillStyle = f.theme.selection;
  ctx.fillRect(s, 0, 1, f.heightCssPx);
}

/** Full-height thin bars (exits, kills) in one lane, as one path. */
function fillBars(ctx: DrawContext, color: string, xs: readonly number[], y0: number): void {
  if (!xs.length) return;
  ctx.fillStyle = color;
  ctx.beginPath();
  for (const x of xs) ctx.rect(x, y0 + 2, 3, LANE_HEIGHT_CSS_PX - 4);
  ctx.fill();
}

/**
 * Markers of one shape and colour in one lane, as one path and one fill. (Measured: one path per lane
 * beats both a fill per marker and one path spanning all lanes, in software rendering.)
 */
export function fillMarkers(
  ctx: DrawContext,
  color: string,
  shape: MarkerShape,
  xs: readonly number[],
  y: number,
  r: number,
): void {
  if (!xs.length) return;
  ctx.fillStyle = color;
  ctx.beginPath();
  for (const x of xs) addMarker(ctx, shape, x, y, r);
  ctx.fill();
}

function addMarker(ctx: DrawContext, shape: MarkerShape, x: number, y: number, r: number): void {
  if (shape === 'square') ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
  else if (shape === 'circle') {
    ctx.moveTo(x + r * 0.9, y);
    ctx.arc(x, y, r * 0.9, 0, Math.PI * 2);
  } else if (shape === 'diamond') {
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  } else {
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y - r);
    ctx.lineTo(x, y + r);
    ctx.closePath();
  }
}
