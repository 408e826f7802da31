import { scaleLinear } from 'd3-scale';
import type { XMode } from '../logic/compute-lanes.js';
import { formatSeconds } from '../logic/format-value.js';
import type { DrawContext } from './draw-timeline.js';
import { GUTTER_CSS_PX } from './draw-timeline.js';
import type { TimelineTheme } from './timeline-theme.js';

export const AXIS_HEIGHT_CSS_PX = 26;

/**
 * The x axis above the lanes: d3 picks and formats the ticks, the context draws them (canvas live, SVG in
 * exports), so panning changes no DOM. Times read from the trace's start, in a unit fitting the window.
 */
export function drawAxis(
  ctx: DrawContext,
  a: { x0: number; x1: number; xMode: XMode; widthCssPx: number; theme: TimelineTheme },
): void {
  const h = AXIS_HEIGHT_CSS_PX;
  const scale = scaleLinear().domain([a.x0, a.x1]).range([GUTTER_CSS_PX, a.widthCssPx]);
  ctx.fillStyle = a.theme.background;
  ctx.fillRect(0, 0, a.widthCssPx, h);
  ctx.fillStyle = a.theme.laneSeparator;
  ctx.fillRect(GUTTER_CSS_PX, h - 1, a.widthCssPx - GUTTER_CSS_PX, 1);
  ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const t of scale.ticks(Math.max(2, Math.floor((a.widthCssPx - GUTTER_CSS_PX) / 110)))) {
    const x = Math.round(scale(t));
    ctx.fillStyle = a.theme.laneSeparator;
    ctx.fillRect(x, h - 7, 1, 6);
    ctx.fillStyle = a.theme.textMuted;
    ctx.fillText(a.xMode === 'time' ? formatSeconds(t, a.x1 - a.x0) : `#${Math.round(t)}`, x + 3, 11);
  }
}
