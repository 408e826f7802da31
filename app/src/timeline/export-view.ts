import type { AppState } from '../store/create-app-store.js';
import { selectLaneModelOf } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { buildTimelineFrame } from './build-frame.js';
import type { TimelineFrame } from './draw-timeline.js';
import { LANE_HEIGHT_CSS_PX, drawTimeline } from './draw-timeline.js';
import { SvgContext, measureOnPage } from './svg-context.js';
import type { PhaseBand } from '../lessons/compute-phase-bands.js';
import type { DrawnLabel, LabelContext } from './lane-labels.js';
import { buildPhaseBands, drawPhaseBands, drawTimelineLabels } from './timeline-labels.js';
import { AXIS_HEIGHT_CSS_PX, drawAxis } from './draw-axis.js';

const AXIS_PX = AXIS_HEIGHT_CSS_PX;

/** The frame the live view shows, for drawing it again into an export (all lanes, not only visible ones). */
export function buildExportFrame(s: AppState, slot: TraceSlot, widthCssPx: number): TimelineFrame | null {
  const model = selectLaneModelOf(s, slot);
  if (!model) return null;
  const heightCssPx = Math.max(1, model.lanes.length) * LANE_HEIGHT_CSS_PX;
  return buildTimelineFrame(s, slot, { widthCssPx, heightCssPx }, 0);
}

/** What a picture is drawn with: a canvas context, or an SvgContext (the same calls). */
export type PictureContext = LabelContext & Pick<CanvasRenderingContext2D, 'translate'>;

/**
 * Axis, lanes and phase bands, from y = 0; returns the height drawn. The marks carry no names here: the
 * labels inside the lanes are laid out on top, all together, by the caller (drawTimelineLabels for one
 * trace, drawDiffMarks in a comparison), as on screen.
 */
export function drawExportTimeline(
  ctx: PictureContext,
  f: TimelineFrame,
  bands: readonly PhaseBand[],
): number {
  drawAxis(ctx, { ...f, xMode: f.model.xMode });
  ctx.translate(0, AXIS_PX);
  drawTimeline(ctx, f);
  drawPhaseBands(ctx, f, bands);
  ctx.translate(0, -AXIS_PX);
  return AXIS_PX + f.heightCssPx;
}

/** One timeline as a picture: the axis, every lane, the phases, and the labels as the screen lays them out. */
function drawView(ctx: PictureContext, s: AppState, slot: TraceSlot, f: TimelineFrame): DrawnLabel[] {
  const bands = buildPhaseBands(s, slot, f);
  drawExportTimeline(ctx, f, bands);
  ctx.translate(0, AXIS_PX);
  const labels = drawTimelineLabels(ctx, f, bands, s.theme === 'dark');
  ctx.translate(0, -AXIS_PX);
  return labels.map((l) => ({ ...l, y: l.y + AXIS_PX }));
}

export function exportViewSvg(s: AppState, slot: TraceSlot, widthCssPx: number): string | null {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  const svg = new SvgContext(widthCssPx, AXIS_PX + f.heightCssPx, measureOnPage() ?? undefined);
  drawView(svg, s, slot, f);
  return svg.toSvg(s.traces[slot]?.title ?? 'trace');
}

/** The picture as PNG, and the label boxes drawn in it (CSS px from its top left corner). */
export async function exportViewPng(
  s: AppState,
  slot: TraceSlot,
  widthCssPx: number,
): Promise<PictureDrawn | null> {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  let labels: DrawnLabel[] = [];
  const blob = await renderPng(widthCssPx, AXIS_PX + f.heightCssPx, (ctx) => {
    labels = drawView(ctx, s, slot, f);
  });
  return blob && { blob, labels };
}

/** A picture exported: the PNG, and the boxes of the labels drawn in it (the page shows them to tests). */
export interface PictureDrawn {
  blob: Blob;
  labels: (DrawnLabel & { side?: TraceSlot })[];
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
