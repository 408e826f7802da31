import type { AppState } from '../store/create-app-store.js';
import { GUTTER_CSS_PX } from '../timeline/draw-timeline.js';
import { buildExportFrame, drawExportTimeline, renderPng } from '../timeline/export-view.js';
import { SvgContext } from '../timeline/svg-context.js';
import { AXIS_HEIGHT_CSS_PX } from '../timeline/draw-axis.js';
import { buildMarksFrame, buildStripFrame } from './compare-frames.js';
import type { DiffDrawContext } from './draw-diff-layers.js';
import { drawAlignmentStrip, drawDiffMarks } from './draw-diff-layers.js';

const TITLE_PX = 22;
const STRIP_PX = 48;

type PictureContext = DiffDrawContext & Pick<CanvasRenderingContext2D, 'translate' | 'measureText'>;

/**
 * The comparison as one picture, as it is on screen but with every lane: A's title, axis, lanes and
 * diff marks, the alignment strip, then B's. Canvas (PNG) and SVG draw the same calls.
 */
function drawComparison(ctx: PictureContext, s: AppState, widthCssPx: number): number {
  const fa = buildExportFrame(s, 'a', widthCssPx);
  const fb = buildExportFrame(s, 'b', widthCssPx);
  if (!fa || !fb) return 0;
  const labels = s.compare.diff?.labels ?? { a: 'A', b: 'B' };
  let y = 0;
  const title = (letter: string, label: string, text: string): void => {
    ctx.fillStyle = fa.theme.background;
    ctx.fillRect(0, y, widthCssPx, TITLE_PX);
    ctx.fillStyle = fa.theme.text;
    ctx.font = 'bold 12px ui-sans-serif, system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(`${letter} · ${label}${text && text !== label ? ` — ${text}` : ''}`, 6, y + TITLE_PX / 2);
    y += TITLE_PX;
  };
  const side = (slot: 'a' | 'b', f: NonNullable<typeof fa>): void => {
    ctx.translate(0, y);
    drawExportTimeline(ctx, f);
    ctx.translate(0, AXIS_HEIGHT_CSS_PX);
    const marks = buildMarksFrame(s, slot, { widthCssPx, heightCssPx: f.heightCssPx }, 0);
    // The picture has no phase bands (PhaseBandsLayer draws them on screen), so no phase labels either;
    // its timeline writes its own call names.
    if (marks) drawDiffMarks(ctx, { ...marks, cursorX: null, phases: [], callNames: null }, false);
    ctx.translate(0, -AXIS_HEIGHT_CSS_PX - y);
    y += AXIS_HEIGHT_CSS_PX + f.heightCssPx;
  };
  title('A', labels.a, s.traces.a?.title ?? '');
  side('a', fa);
  const strip = buildStripFrame(s, { widthCssPx, heightCssPx: STRIP_PX });
  ctx.fillStyle = fa.theme.background;
  ctx.fillRect(0, y, widthCssPx, STRIP_PX);
  if (strip) {
    ctx.translate(0, y);
    drawAlignmentStrip(ctx, strip, false);
    ctx.translate(0, -y);
  }
  ctx.fillStyle = fa.theme.laneSeparator;
  ctx.fillRect(0, y, GUTTER_CSS_PX, STRIP_PX);
  y += STRIP_PX;
  title('B', labels.b, s.traces.b?.title ?? '');
  side('b', fb);
  return y;
}

/** The height drawComparison will take, to size the canvas first. */
function pictureHeight(s: AppState, widthCssPx: number): number {
  const fa = buildExportFrame(s, 'a', widthCssPx);
  const fb = buildExportFrame(s, 'b', widthCssPx);
  if (!fa || !fb) return 0;
  return 2 * (TITLE_PX + AXIS_HEIGHT_CSS_PX) + fa.heightCssPx + fb.heightCssPx + STRIP_PX;
}

export function exportCompareSvg(s: AppState, widthCssPx: number): string | null {
  const height = pictureHeight(s, widthCssPx);
  if (!height) return null;
  const svg = new SvgContext(widthCssPx, height);
  drawComparison(svg as unknown as PictureContext, s, widthCssPx);
  const labels = s.compare.diff?.labels ?? { a: 'A', b: 'B' };
  return svg.toSvg(`spelunk comparison: ${labels.a} against ${labels.b}`);
}

export function exportComparePng(s: AppState, widthCssPx: number): Promise<Blob | null> {
  const height = pictureHeight(s, widthCssPx);
  if (!height) return Promise.resolve(null);
  return renderPng(widthCssPx, height, (ctx) => void drawComparison(ctx, s, widthCssPx));
}
