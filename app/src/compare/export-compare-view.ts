import type { AppState } from '../store/create-app-store.js';
import { GUTTER_CSS_PX } from '../timeline/draw-timeline.js';
import type { PictureContext, PictureDrawn } from '../timeline/export-view.js';
import { buildExportFrame, drawExportTimeline, renderPng } from '../timeline/export-view.js';
import { SvgContext, measureOnPage } from '../timeline/svg-context.js';
import { AXIS_HEIGHT_CSS_PX } from '../timeline/draw-axis.js';
import { buildMarksFrame, buildStripFrame } from './compare-frames.js';
import type { DiffDrawContext } from './draw-diff-layers.js';
import { drawAlignmentStrip, drawDiffMarks } from './draw-diff-layers.js';

const TITLE_PX = 22;
const STRIP_PX = 48;

type ComparePictureContext = DiffDrawContext & PictureContext;

/**
 * The comparison as one picture, as it is on screen but with every lane: A's title, axis, lanes, phase
 * bands and diff marks, the alignment strip, then B's. Every label inside a lane (the failure's, the `≠`
 * ones, the launcher block's, the phases', the call names) is laid out by drawDiffMarks as on screen, by
 * the same priorities, so that the picture shows what the screen shows at its width and none is drawn
 * over another. Canvas (PNG) and SVG draw the same calls. Returns the labels' boxes, in the picture.
 */
function drawComparison(ctx: ComparePictureContext, s: AppState, widthCssPx: number): PictureDrawn['labels'] {
  const fa = buildExportFrame(s, 'a', widthCssPx);
  const fb = buildExportFrame(s, 'b', widthCssPx);
  if (!fa || !fb) return [];
  const drawn: PictureDrawn['labels'] = [];
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
    const marks = buildMarksFrame(s, slot, { widthCssPx, heightCssPx: f.heightCssPx }, 0);
    drawExportTimeline(ctx, f, marks?.phases ?? []);
    ctx.translate(0, AXIS_HEIGHT_CSS_PX);
    if (marks) {
      const { labels } = drawDiffMarks(ctx, { ...marks, cursorX: null }, false);
      const top = y + AXIS_HEIGHT_CSS_PX;
      for (const l of labels) drawn.push({ ...l, y: l.y + top, side: slot });
    }
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
  return drawn;
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
  const svg = new SvgContext(widthCssPx, height, measureOnPage() ?? undefined);
  drawComparison(svg as unknown as ComparePictureContext, s, widthCssPx);
  const labels = s.compare.diff?.labels ?? { a: 'A', b: 'B' };
  return svg.toSvg(`spelunk comparison: ${labels.a} against ${labels.b}`);
}

/** The picture as PNG, and the label boxes drawn in it (CSS px from its top left corner). */
export async function exportComparePng(s: AppState, widthCssPx: number): Promise<PictureDrawn | null> {
  const height = pictureHeight(s, widthCssPx);
  if (!height) return null;
  let labels: PictureDrawn['labels'] = [];
  const blob = await renderPng(widthCssPx, height, (ctx) => {
    labels = drawComparison(ctx, s, widthCssPx);
  });
  return blob && { blob, labels };
}
