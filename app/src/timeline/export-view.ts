import type { AppState } from '../store/create-app-store.js';
import { selectLaneModelOf } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { buildTimelineFrame } from './build-frame.js';
import type { DrawContext, TimelineFrame } from './draw-timeline.js';
import { LANE_HEIGHT_CSS_PX, drawTimeline } from './draw-timeline.js';
import { SvgContext } from './svg-context.js';
import { AXIS_HEIGHT_CSS_PX, drawAxis } from './draw-axis.js';

const AXIS_PX = AXIS_HEIGHT_CSS_PX;

/** The frame the live view shows, for drawing it again into an export (all lanes, not only visible ones). */
export function buildExportFrame(s: AppState, slot: TraceSlot, widthCssPx: number): TimelineFrame | null {
  const model = selectLaneModelOf(s, slot);
  if (!model) return null;
  const heightCssPx = Math.max(1, model.lanes.length) * LANE_HEIGHT_CSS_PX;
  return buildTimelineFrame(s, slot, { widthCssPx, heightCssPx }, 0);
}

/** Axis then lanes, from y = 0; returns the height drawn. */
export function drawExportTimeline(
  ctx: DrawContext & Pick<CanvasRenderingContext2D, 'translate'>,
  f: TimelineFrame,
): number {
  drawAxis(ctx, { ...f, xMode: f.model.xMode });
  ctx.translate(0, AXIS_PX);
  drawTimeline(ctx, f);
  ctx.translate(0, -AXIS_PX);
  return AXIS_PX + f.heightCssPx;
}

export function exportViewSvg(s: AppState, slot: TraceSlot, widthCssPx: number): string | null {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  const svg = new SvgContext(widthCssPx, AXIS_PX + f.heightCssPx);
  drawExportTimeline(svg, f);
  return svg.toSvg(s.traces[slot]?.title ?? 'trace');
}

export async function exportViewPng(s: AppState, slot: TraceSlot, widthCssPx: number): Promise<Blob | null> {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  return renderPng(widthCssPx, AXIS_PX + f.heightCssPx, (ctx) => void drawExportTimeline(ctx, f));
}

/** Draws into a canvas at twice the CSS size (crisp in slides, whatever this screen's ratio) and encodes it. */
export function renderPng(
  widthCssPx: number,
  heightCssPx: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): Promise<Blob | null> {
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = widthCssPx * scale;
  canvas.height = heightCssPx * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  draw(ctx);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
