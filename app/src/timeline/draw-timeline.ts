import type { LaneModel } from '../logic/compute-lanes.js';
import type { LaneLink } from '../logic/compute-lane-links.js';
import { computeThinnedMarks } from '../logic/compute-marks.js';
import { KIND } from '../trace/trace-data.js';
import type { MarkerShape } from './draw-markers.js';
import { fillBars, fillMarkers } from './draw-markers.js';
import { drawOverlay } from './draw-overlay.js';
import type { TimelineTheme } from './timeline-theme.js';

export const LANE_HEIGHT_CSS_PX = 22;
export const GUTTER_CSS_PX = 168;
export type { MarkerShape } from './draw-markers.js';
export { MARKER_SHAPES } from './draw-markers.js';
export { drawOverlay } from './draw-overlay.js';
/** A mark at least this wide carries its call's name (listCallNames). */
const NAMED_MARK_CSS_PX = 30;

/** One highlighted syscall: its own colour and shape, and its positions in each lane. */
export interface HighlightLayer {
  name: string;
  color: string;
  shape: MarkerShape;
  positions: Int32Array[];
}

export interface TimelineFrame {
  /** Every lane and event: labels, the selection and arrows are placed on it. */
  model: LaneModel;
  /** The events drawn in colour: `model`, or the table's filtered subset of it (then `ghost` is true). */
  marks: LaneModel;
  /** Draw `model` faded under `marks` (a filter is on: the rest of the trace stays visible, greyed). */
  ghost: boolean;
  kind: Uint8Array;
  nameId: Uint32Array;
  errnoId: Uint16Array;
  names: readonly string[];
  errnos: readonly string[];
  /** Category code per name id. */
  categoryOfName: Uint8Array;
  x0: number;
  x1: number;
  laneTop: number;
  widthCssPx: number;
  heightCssPx: number;
  highlights: readonly HighlightLayer[];
  selected: number | null;
  /** Arrows between lanes (fork, wait, exec). */
  links: readonly LaneLink[];
  /** A range the user selected (shift-drag), or null. */
  range: { x0: number; x1: number } | null;
  theme: TimelineTheme;
  /** Whether to draw the lane labels in the gutter (exports and the live view do; tests can skip text). */
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
  | 'stroke'
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
  const { theme } = f;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, f.widthCssPx, f.heightCssPx);
  const first = Math.max(0, Math.floor(f.laneTop));
  const last = Math.min(f.model.lanes.length, first + Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1);
  let drawn = 0;
  for (let li = first; li < last; li++) {
    const y0 = (li - f.laneTop) * LANE_HEIGHT_CSS_PX;
    if (li % 2) {
      ctx.fillStyle = theme.laneAlt;
      ctx.fillRect(0, y0, f.widthCssPx, LANE_HEIGHT_CSS_PX);
    }
    if (f.ghost) drawGhost(ctx, f, li, y0);
    drawn += drawLane(ctx, f, li, y0);
  }
  return drawn;
}

/** The whole lane in one faded colour, under the filtered marks. */
function drawGhost(ctx: DrawContext, f: TimelineFrame, li: number, y0: number): void {
  const lane = f.model.lanes[li]!;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  ctx.fillStyle = f.theme.ghost;
  ctx.beginPath();
  computeThinnedMarks(lane, null, f.x0, f.x1, plotW, 1, (_pos, s, e) => {
    const a = Math.max(0, s);
    const b = Math.min(plotW, e);
    if (b > a) ctx.rect(GUTTER_CSS_PX + a, y0 + 8, b - a, 6);
  });
  ctx.fill();
}

function drawLane(ctx: DrawContext, f: TimelineFrame, li: number, y0: number): number {
  const { theme } = f;
  const lane = f.marks.lanes[li];
  if (!lane) return 0;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const ncat = theme.categories.length;
  let drawn = 0;
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
  if (f.marks === f.model)
    for (const h of f.highlights) {
      const positions = h.positions[li];
      if (!positions?.length) continue;
      const xs: number[] = [];
      drawn += computeThinnedMarks(lane, positions, f.x0, f.x1, plotW, 6, (_pos, s) => {
        if (s >= 0) xs.push(GUTTER_CSS_PX + s + 0.5);
      });
      fillMarkers(ctx, h.color, h.shape, xs, y0 + 3.5, 3.5);
    }
  return drawn;
}

/** What a call's name says inside its mark: "openat", or "execve ENOENT" for a failed one. */
function formatCallName(
  f: Pick<TimelineFrame, 'names' | 'nameId' | 'errnos' | 'errnoId'>,
  i: number,
): string {
  const errno = f.errnos[f.errnoId[i] as number];
  return `${f.names[f.nameId[i] as number] ?? ''}${errno ? ` ${errno}` : ''}`;
}

/** A call name inside its mark: the text, and the mark's extent in CSS px from the plot's left edge. */
export interface CallName {
  text: string;
  startCssPx: number;
  endCssPx: number;
}

/**
 * The call names written inside lane li's marks: the syscalls' marks at least 30 px wide, found by the
 * thinned walk drawLane draws them with. The marks carry no text of their own: the names are labels,
 * laid out with the lane's others (lane-labels.ts) by the layer over the marks (the single view's label
 * canvas, the comparison's diff layer, the pictures).
 */
export function listCallNames(
  f: Pick<
    TimelineFrame,
    | 'marks'
    | 'kind'
    | 'categoryOfName'
    | 'names'
    | 'nameId'
    | 'errnos'
    | 'errnoId'
    | 'x0'
    | 'x1'
    | 'widthCssPx'
  >,
  li: number,
): CallName[] {
  const lane = f.marks.lanes[li];
  if (!lane) return [];
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const out: CallName[] = [];
  computeThinnedMarks(lane, null, f.x0, f.x1, plotW, 1, (pos, s, e) => {
    const i = lane.events[pos] as number;
    if ((f.kind[i] as number) !== KIND.syscall || (f.categoryOfName[f.nameId[i] as number] as number) < 0)
      return;
    if (e - s >= NAMED_MARK_CSS_PX)
      out.push({ text: formatCallName(f, i), startCssPx: Math.max(0, s), endCssPx: Math.min(plotW, e) });
  });
  return out;
}
