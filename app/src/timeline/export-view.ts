import { selectCategoryCodes, selectLaneModel } from '../logic/derived.js';
import type { AppState, TraceSlot } from '../store/create-app-store.js';
import type { TimelineFrame } from './draw-timeline.js';
import { LANE_HEIGHT_CSS_PX, drawTimeline } from './draw-timeline.js';
import { SvgContext, escapeXml } from './svg-context.js';
import { AXIS_HEIGHT_CSS_PX, drawAxis } from './draw-axis.js';
import { computeHighlightLayers } from './highlight-layers.js';
import { DARK_THEME, LIGHT_THEME } from './timeline-theme.js';

const AXIS_PX = AXIS_HEIGHT_CSS_PX;

/** The frame the live view shows, for drawing it again into an export (all lanes, not only visible ones). */
function buildExportFrame(s: AppState, slot: TraceSlot, widthCssPx: number): TimelineFrame | null {
  const trace = s.traces[slot];
  const vp = s.viewports[slot];
  if (!trace || !vp) return null;
  const model = selectLaneModel(trace, s.xMode);
  return {
    model,
    kind: trace.columns.kind,
    nameId: trace.columns.nameId,
    categoryOfName: selectCategoryCodes(trace),
    x0: vp.x0,
    x1: vp.x1,
    laneTop: 0,
    widthCssPx,
    heightCssPx: Math.max(1, model.lanes.length) * LANE_HEIGHT_CSS_PX,
    highlights: computeHighlightLayers(s.highlights, trace, model),
    selected: s.selection?.slot === slot ? s.selection.index : null,
    theme: s.theme === 'dark' ? DARK_THEME : LIGHT_THEME,
    labels: true,
  };
}

export function exportViewSvg(s: AppState, slot: TraceSlot, widthCssPx: number): string | null {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  const axis = new SvgContext(widthCssPx, AXIS_PX);
  drawAxis(axis, { ...f, xMode: f.model.xMode });
  const body = new SvgContext(widthCssPx, f.heightCssPx);
  drawTimeline(body, f);
  const axisSvg = axis.toSvg('axis');
  const bodySvg = body.toSvg('lanes');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthCssPx}" height="${AXIS_PX + f.heightCssPx}"><title>${titleOf(s, slot)}</title>${axisSvg.replace('<svg ', '<svg y="0" ')}${bodySvg.replace('<svg ', `<svg y="${AXIS_PX}" `)}</svg>\n`;
}

export async function exportViewPng(s: AppState, slot: TraceSlot, widthCssPx: number): Promise<Blob | null> {
  const f = buildExportFrame(s, slot, widthCssPx);
  if (!f) return null;
  const scale = 2; // crisp on high-density screens and in slides, whatever this screen's ratio
  const canvas = document.createElement('canvas');
  canvas.width = widthCssPx * scale;
  canvas.height = (AXIS_PX + f.heightCssPx) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  drawAxis(ctx, { ...f, xMode: f.model.xMode });
  ctx.translate(0, AXIS_PX);
  drawTimeline(ctx, f);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function titleOf(s: AppState, slot: TraceSlot): string {
  const t = s.traces[slot]?.title ?? 'trace';
  return escapeXml(t);
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
