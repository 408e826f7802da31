import type { PhaseBand } from '../lessons/compute-phase-bands.js';
import { PHASE_COLORS, PHASE_LABEL_COLORS } from '../lessons/compute-phase-bands.js';
import type { LabelRequest } from '../logic/layout-lane-labels.js';
import { fitLabelText, layoutLaneLabels } from '../logic/layout-lane-labels.js';
import type { DrawContext } from './draw-timeline.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX, listCallNames } from './draw-timeline.js';
import { RANGE_LABEL_FONT, placeRangeLabel } from './draw-overlay.js';

/** What the labels are drawn with: a DrawContext that can also measure text. */
export type LabelContext = DrawContext & Pick<CanvasRenderingContext2D, 'measureText'>;

/**
 * What a label says. A lane has room for one row of labels, so they take turns, in this order:
 * - failure: "✕ execve ENOENT", the call that fails in this run only, what the comparison is usually about;
 * - focus-change: the `≠ result` / `≠ args` of the selected call and of the selected finding's evidence,
 *   what the reader is looking at;
 * - block: "chroot start-up: 110 calls, one block", the launcher's calls, which nothing else names;
 * - phase: "libc start-up: hello", where in its life the program is;
 * - change: the other `≠` labels, one every 90 px or so at most, nearest the selection first. They repeat
 *   what the amber ticks already show, so they give way to all the above;
 * - name: a call's name inside its mark ("openat"), once zoomed in far enough for the mark to hold it; the
 *   tooltip and the table say it too.
 * Before all of them, the duration of a range the reader selected ("1.2 ms", range): written by the
 * timeline underneath, its place is kept free here.
 */
export type LaneLabelKind = 'range' | 'failure' | 'focus-change' | 'block' | 'phase' | 'change' | 'name';

const LABEL_PRIORITY: Record<LaneLabelKind, number> = {
  range: -1,
  failure: 0,
  'focus-change': 1,
  block: 2,
  phase: 3,
  change: 4,
  name: 5,
};

/** One label a lane wants, at full length; drawLaneLabels decides whether, where and how long. */
export interface LaneLabel {
  kind: LaneLabelKind;
  text: string;
  lane: number;
  /** Left and top edges of its box (CSS px in the canvas). */
  left: number;
  top: number;
  /** How far right the box may move to find room (a phase label, within its band). */
  maxLeft?: number;
  /** Where the box must end (its band's end); the plot's right edge in any case. */
  maxRight?: number;
  /** False for a label that says nothing shortened ("≠ args"): it is drawn whole or not at all. */
  shrinks?: boolean;
  color: string;
  font: string;
  /** False for text written straight on its mark (a call name), with no background box of its own. */
  boxed?: boolean;
  /** Among labels of one kind, lower gets room first (a `≠` label's distance to the selection). */
  rank: number;
  /** Its box is kept free, whole and where it is, but its text is drawn by a layer underneath (range). */
  reserved?: boolean;
}

/** A label as drawn: its text (maybe shortened) and its box, in CSS px in the canvas. */
export interface DrawnLabel {
  kind: LaneLabelKind;
  text: string;
  lane: number;
  x: number;
  y: number;
  width: number;
  height: number;
  font: string;
}

export const LABEL_HEIGHT_PX = 14;
/** The text starts this far into its box, and the box ends as far past it. */
const PAD_PX = 3;
/** A label shortened to fewer characters than this (before the "…") says nothing: it is dropped instead. */
const MIN_CHARS = 4;
export const DIFF_LABEL_FONT = '11px system-ui, sans-serif';
const PHASE_LABEL_FONT = '600 11px system-ui, sans-serif';

type Measure = (font: string, text: string) => number;

/** Text widths already measured, per context (a canvas and an SVG picture measure differently) and font. */
const MEASURED = new WeakMap<object, Map<string, Map<string, number>>>();
/** The same for the narrowest form of a label (shortestWidth). */
const SHORTEST = new WeakMap<object, Map<string, Map<string, number>>>();

/** One context's cache of widths by font and text, emptied past a size no frame reaches. */
function cacheOf(all: WeakMap<object, Map<string, Map<string, number>>>, ctx: object, font: string) {
  let fonts = all.get(ctx);
  if (!fonts) all.set(ctx, (fonts = new Map()));
  let widths = fonts.get(font);
  if (!widths || widths.size > 20_000) fonts.set(font, (widths = new Map()));
  return widths;
}

/**
 * The width of a text in a font, measured once per context: a frame asks for the same few texts again and
 * again ("loader: foo" on every lane of a busy trace, "≠ args"), and a canvas measures slowly (setting its
 * font parses it).
 */
function textMeasure(ctx: LabelContext): Measure {
  let font = '';
  let widths: Map<string, number> | undefined;
  return (f, text) => {
    if (f !== font || !widths) [font, widths] = [f, cacheOf(MEASURED, ctx, f)];
    let w = widths.get(text);
    if (w === undefined) {
      ctx.font = f;
      w = ctx.measureText(text).width;
      widths.set(text, w);
    }
    return w;
  };
}

/** The narrowest box a label can shrink to: its first characters and "…", or all of it if that is short. */
function shortestWidth(ctx: LabelContext, measure: Measure, font: string, text: string): number {
  const known = cacheOf(SHORTEST, ctx, font);
  let w = known.get(text);
  if (w === undefined) {
    const chars = Array.from(text);
    const shortest = chars.length > MIN_CHARS + 1 ? `${chars.slice(0, MIN_CHARS).join('')}…` : text;
    w = measure(font, shortest) + 2 * PAD_PX;
    known.set(text, w);
  }
  return w;
}

/**
 * Draws the labels of every lane, each lane laid out at once (layoutLaneLabels) so that none covers
 * another: a label that would is moved (a phase label, within its band), shortened with "…" or left out,
 * the lower kind giving way. Each has a background of its own, so it reads over the marks. Returns the
 * boxes as drawn (the page shows them to tests).
 */
export function drawLaneLabels(
  ctx: LabelContext,
  labels: readonly LaneLabel[],
  background: string,
  plotRight: number,
): DrawnLabel[] {
  const byLane = new Map<number, LaneLabel[]>();
  for (const l of labels) {
    const list = byLane.get(l.lane);
    if (list) list.push(l);
    else byLane.set(l.lane, [l]);
  }
  const measure = textMeasure(ctx);
  const drawn: DrawnLabel[] = [];
  ctx.textBaseline = 'middle';
  for (const lane of byLane.values()) {
    lane.sort((a, b) => LABEL_PRIORITY[a.kind] - LABEL_PRIORITY[b.kind] || a.rank - b.rank);
    const requests = lane.map((l): LabelRequest => {
      const width = measure(l.font, l.text) + 2 * PAD_PX;
      return {
        priority: LABEL_PRIORITY[l.kind],
        left: Math.max(GUTTER_CSS_PX, l.left),
        top: l.top,
        width,
        height: LABEL_HEIGHT_PX,
        minWidth: l.shrinks !== false ? shortestWidth(ctx, measure, l.font, l.text) : width,
        maxLeft: l.maxLeft,
        maxRight: l.reserved ? undefined : Math.min(plotRight, l.maxRight ?? Infinity),
      };
    });
    let font = '';
    for (const p of layoutLaneLabels(requests)) {
      const l = lane[p.index]!;
      const text = fitLabelText(l.text, p.width - 2 * PAD_PX, (t) => measure(l.font, t), MIN_CHARS);
      if (text === null) continue;
      const width = Math.min(p.width, measure(l.font, text) + 2 * PAD_PX);
      const box = {
        kind: l.kind,
        text,
        lane: l.lane,
        x: p.left,
        y: p.top,
        width,
        height: p.height,
        font: l.font,
      };
      if (l.reserved) {
        drawn.push(box);
        continue;
      }
      if (font !== l.font) ctx.font = font = l.font;
      if (l.boxed !== false) {
        ctx.fillStyle = background;
        ctx.fillRect(p.left, p.top, width, p.height);
      }
      ctx.fillStyle = l.color;
      ctx.fillText(text, p.left + PAD_PX, p.top + p.height / 2);
      drawn.push(box);
    }
  }
  return drawn;
}

/**
 * The phases' labels (the bands themselves are drawn under the timeline's marks by PhaseBandsLayer): each
 * at its band's left edge, free to move along its band, and to end no later than the band does. A band too
 * narrow for its label is named by its kind ("startup") instead, as PhaseBandsLayer does on its own. On a
 * dark background the text takes the band's own hue: the darker label colours do not read there.
 */
export function listPhaseLabels(
  ctx: LabelContext,
  bands: readonly PhaseBand[],
  laneY: (lane: number) => number,
  inView: (lane: number) => boolean,
  dark: boolean,
): LaneLabel[] {
  const measure = textMeasure(ctx);
  return bands.flatMap((b): LaneLabel[] => {
    if (!inView(b.lane)) return [];
    const left = GUTTER_CSS_PX + Math.max(0, b.xCssPx) + 2;
    const right = GUTTER_CSS_PX + b.xCssPx + b.widthCssPx;
    // A band with no room even for its kind shortened ("star…") could only be dropped by the layout: a
    // busy trace zoomed out has thousands of such slivers in view (no 4 characters are 4 px wide).
    if (right - left < 2 * PAD_PX + MIN_CHARS) return [];
    const whole = measure(PHASE_LABEL_FONT, b.label) + 2 * PAD_PX <= right - left;
    if (!whole && right - left < shortestWidth(ctx, measure, PHASE_LABEL_FONT, b.kind)) return [];
    const text = whole ? b.label : b.kind;
    return [
      {
        kind: 'phase',
        text,
        lane: b.lane,
        left,
        top: laneY(b.lane) + 2,
        maxLeft: right - 2 * PAD_PX,
        maxRight: right,
        color: (dark ? PHASE_COLORS : PHASE_LABEL_COLORS)[b.kind],
        font: PHASE_LABEL_FONT,
        rank: left,
      },
    ];
  });
}

/** The font of the call names inside the marks. */
const CALL_NAME_FONT = '10px ui-sans-serif, system-ui, sans-serif';

/**
 * The call names written inside the marks wide enough for them (listCallNames) in the lanes in view, as
 * labels of the lowest kind: each may move along its mark if a label of its own is in the way (the
 * failure's, at the mark's start), and never past the mark's end.
 */
export function listNameLabels(
  f: Parameters<typeof listCallNames>[0] & { laneTop: number },
  color: string,
  laneY: (lane: number) => number,
  inView: (lane: number) => boolean,
): LaneLabel[] {
  const labels: LaneLabel[] = [];
  for (let li = Math.max(0, Math.floor(f.laneTop)); li < f.marks.lanes.length && inView(li); li++)
    for (const n of listCallNames(f, li))
      labels.push({
        kind: 'name',
        text: n.text,
        lane: li,
        left: GUTTER_CSS_PX + n.startCssPx - 1,
        top: laneY(li) + 4,
        maxLeft: GUTTER_CSS_PX + n.endCssPx - 20,
        maxRight: GUTTER_CSS_PX + n.endCssPx,
        color,
        font: CALL_NAME_FONT,
        boxed: false,
        rank: n.startCssPx,
      });
  return labels;
}

/**
 * The duration of a selected range, where the timeline underneath writes it (placeRangeLabel), as a label
 * whose place the others keep free: none is laid over it.
 */
export function listRangeLabel(f: Parameters<typeof placeRangeLabel>[0] & { laneTop: number }): LaneLabel[] {
  const at = placeRangeLabel(f);
  if (!at) return [];
  return [
    {
      kind: 'range',
      text: at.text,
      lane: Math.floor(f.laneTop + at.y / LANE_HEIGHT_CSS_PX),
      left: at.x - PAD_PX,
      top: at.y - LABEL_HEIGHT_PX / 2,
      shrinks: false,
      color: '',
      font: RANGE_LABEL_FONT,
      reserved: true,
      rank: 0,
    },
  ];
}
