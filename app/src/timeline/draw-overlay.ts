import { formatDuration } from '../logic/format-value.js';
import type { DrawContext, TimelineFrame } from './draw-timeline.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from './draw-timeline.js';
import { addArrow } from './draw-markers.js';

/** At most this many arrows a frame: past it, a dense fork storm would hide the marks. */
const MAX_ARROWS = 400;

/**
 * What changes without the marks changing, drawn over the cached lanes every frame: the selected range,
 * the arrows between lanes, the selection, and the lane labels in the gutter.
 */
export function drawOverlay(ctx: DrawContext, f: TimelineFrame): { arrows: number } {
  const { model, theme } = f;
  const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
  const scale = plotW / (f.x1 - f.x0);
  const toPx = (x: number): number => GUTTER_CSS_PX + (x - f.x0) * scale;
  const first = Math.max(0, Math.floor(f.laneTop));
  const last = Math.min(model.lanes.length, first + Math.ceil(f.heightCssPx / LANE_HEIGHT_CSS_PX) + 1);
  if (f.range) drawRange(ctx, f, toPx(f.range.x0), toPx(f.range.x1));
  const arrows = f.links.length ? drawLinks(ctx, f, toPx, plotW) : 0;
  if (f.selected !== null) drawSelection(ctx, f, toPx, plotW);
  // Gutter last, so marks never run under the labels.
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, GUTTER_CSS_PX, f.heightCssPx);
  ctx.fillStyle = theme.laneSeparator;
  ctx.fillRect(GUTTER_CSS_PX - 1, 0, 1, f.heightCssPx);
  if (!f.labels) return { arrows };
  ctx.font = '12px ui-monospace, SFMono-Regular, Menlo, monospace';
  ctx.textBaseline = 'middle';
  for (let li = first; li < last; li++) {
    const lane = model.lanes[li]!;
    const y = (li - f.laneTop) * LANE_HEIGHT_CSS_PX + LANE_HEIGHT_CSS_PX / 2;
    ctx.fillStyle = lane.isThread ? theme.textMuted : theme.text;
    const indent = 4 + Math.min(lane.depth, 6) * 8;
    // ▾ a process group that can fold, ▸ one that is folded (click the label to toggle)
    const toggle = lane.folded ? '▸ ' : lane.descendants ? '▾ ' : '  ';
    const folded = lane.folded ? ` +${lane.folded}` : '';
    const maxChars = Math.max(4, Math.floor((GUTTER_CSS_PX - indent - 6) / 7.3));
    const text = `${toggle}${lane.label}`;
    const room = maxChars - folded.length;
    ctx.fillText(`${text.length > room ? `${text.slice(0, room - 1)}…` : text}${folded}`, indent, y);
  }
  return { arrows };
}

function drawRange(ctx: DrawContext, f: TimelineFrame, a: number, b: number): void {
  const left = Math.max(GUTTER_CSS_PX, Math.min(a, b));
  const right = Math.min(f.widthCssPx, Math.max(a, b));
  if (right <= left) return;
  ctx.fillStyle = f.theme.range;
  ctx.fillRect(left, 0, right - left, f.heightCssPx);
  ctx.fillStyle = f.theme.rangeEdge;
  ctx.fillRect(left, 0, 1, f.heightCssPx);
  ctx.fillRect(right - 1, 0, 1, f.heightCssPx);
  const label = placeRangeLabel(f);
  if (label) {
    ctx.font = RANGE_LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = f.theme.text;
    ctx.fillText(label.text, label.x, label.y);
  }
}

export const RANGE_LABEL_FONT = '11px ui-sans-serif, system-ui, sans-serif';

/**
 * Where drawRange writes a selected range's duration ("1.2 ms", in time only): its text and where it
 * starts, on a middle baseline near the top of the plot. The labels laid out over the lanes keep clear
 * of it (lane-labels.ts listRangeLabel).
 */
export function placeRangeLabel(
  f: Pick<TimelineFrame, 'range' | 'x0' | 'x1' | 'widthCssPx'> & { model: { xMode: string } },
): { text: string; x: number; y: number } | null {
  if (!f.range || f.model.xMode !== 'time') return null;
  const scale = Math.max(1, f.widthCssPx - GUTTER_CSS_PX) / (f.x1 - f.x0);
  const a = GUTTER_CSS_PX + (f.range.x0 - f.x0) * scale;
  const b = GUTTER_CSS_PX + (f.range.x1 - f.x0) * scale;
  const left = Math.max(GUTTER_CSS_PX, Math.min(a, b));
  if (Math.min(f.widthCssPx, Math.max(a, b)) <= left) return null;
  return { text: formatDuration(f.range.x1 - f.range.x0), x: Math.min(left + 4, f.widthCssPx - 60), y: 9 };
}

/** Arrows from a fork to its child's first call, a child's end to the wait that reaped it, a thread's execve. */
function drawLinks(ctx: DrawContext, f: TimelineFrame, toPx: (x: number) => number, plotW: number): number {
  const { model } = f;
  const span = f.x1 - f.x0;
  const yOf = (li: number): number => (li - f.laneTop) * LANE_HEIGHT_CSS_PX + LANE_HEIGHT_CSS_PX / 2;
  const colors = { fork: f.theme.linkFork, wait: f.theme.linkWait, exec: f.theme.linkExec };
  let total = 0;
  for (const kind of ['fork', 'wait', 'exec'] as const) {
    ctx.strokeStyle = colors[kind];
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    let drawn = 0;
    let lastKey = '';
    for (const link of f.links) {
      if (link.kind !== kind || drawn >= MAX_ARROWS) continue;
      const la = model.laneOf[link.from] ?? -1;
      const lb = model.laneOf[link.to] ?? -1;
      if (la < 0 || lb < 0 || la === lb) continue;
      const xa = model.lanes[la]!.x[model.posOf[link.from] as number] as number;
      const xb = model.lanes[lb]!.x[model.posOf[link.to] as number] as number;
      if (Math.max(xa, xb) < f.x0 - span * 0.05 || Math.min(xa, xb) > f.x1 + span * 0.05) continue;
      const ya = yOf(la);
      const yb = yOf(lb);
      if (Math.max(ya, yb) < 0 || Math.min(ya, yb) > f.heightCssPx) continue;
      const pa = Math.max(GUTTER_CSS_PX, Math.min(GUTTER_CSS_PX + plotW, toPx(xa)));
      const pb = Math.max(GUTTER_CSS_PX, Math.min(GUTTER_CSS_PX + plotW, toPx(xb)));
      const key = `${Math.round(pa)}:${la}:${lb}`;
      if (key === lastKey) continue; // thinned: one arrow per pixel column and pair of lanes
      lastKey = key;
      addArrow(ctx, pa, ya + (yb > ya ? 5 : -5), pb, yb + (yb > ya ? -6 : 6));
      drawn++;
    }
    ctx.stroke();
    total += drawn;
  }
  ctx.lineWidth = 1;
  return total;
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
