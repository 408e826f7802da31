import type { DrawContext } from './draw-timeline.js';
import { LANE_HEIGHT_CSS_PX } from './draw-timeline.js';

export type MarkerShape = 'triangle' | 'square' | 'diamond' | 'circle';
export const MARKER_SHAPES: readonly MarkerShape[] = ['triangle', 'square', 'diamond', 'circle'];

/** Full-height thin bars (exits, kills) in one lane, as one path. */
export function fillBars(ctx: DrawContext, color: string, xs: readonly number[], y0: number): void {
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

/** An arrow from (x0, y0) to (x1, y1), its head at the end, added to the current path. */
export function addArrow(ctx: DrawContext, x0: number, y0: number, x1: number, y1: number): void {
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = 5;
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
}
