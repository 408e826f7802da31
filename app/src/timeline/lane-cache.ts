import type { TimelineFrame } from './draw-timeline.js';
import { GUTTER_CSS_PX, drawLanes } from './draw-timeline.js';

/**
 * Panning at one zoom level redraws nothing: the lanes are drawn once into an offscreen strip three
 * views wide, and each pan frame copies the visible part of it (as Perfetto and speedscope cache per
 * zoom level). The strip is redrawn when the zoom, lanes, theme, highlights or size change, or when the
 * view leaves it. Selection and labels are drawn on top every frame, since they change on their own.
 */
export class LaneCache {
  private canvas: HTMLCanvasElement | null = null;
  private key = '';
  private stripX0 = 0;
  private stripX1 = 0;
  private deps: readonly unknown[] = [];

  /** Copies the lanes for frame `f` onto ctx (in CSS px, already scaled by dpr). Returns true on a hit. */
  blit(ctx: CanvasRenderingContext2D, f: TimelineFrame, dpr: number, deps: readonly unknown[]): boolean {
    const plotW = Math.max(1, f.widthCssPx - GUTTER_CSS_PX);
    const span = f.x1 - f.x0;
    const key = `${span}|${f.laneTop}|${f.widthCssPx}|${f.heightCssPx}|${dpr}`;
    const fresh =
      key === this.key && deps.length === this.deps.length && deps.every((d, k) => d === this.deps[k]);
    const inside = f.x0 >= this.stripX0 && f.x1 <= this.stripX1;
    let hit = true;
    if (!this.canvas || !fresh || !inside) {
      hit = false;
      this.render(f, plotW, span, dpr);
      this.key = key;
      this.deps = deps;
    }
    const canvas = this.canvas as HTMLCanvasElement;
    // Whole device pixels, so a copy is never resampled (a sub-pixel shift is invisible while panning).
    const srcDevicePx = Math.round(((f.x0 - this.stripX0) / span) * plotW * dpr);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(
      canvas,
      srcDevicePx,
      0,
      Math.round(plotW * dpr),
      canvas.height,
      Math.round(GUTTER_CSS_PX * dpr),
      0,
      Math.round(plotW * dpr),
      canvas.height,
    );
    ctx.restore();
    return hit;
  }

  private render(f: TimelineFrame, plotW: number, span: number, dpr: number): void {
    this.stripX0 = f.x0 - span;
    this.stripX1 = f.x1 + span;
    const widthCssPx = 3 * plotW;
    this.canvas ??= document.createElement('canvas');
    const c = this.canvas;
    c.width = Math.round(widthCssPx * dpr);
    c.height = Math.round(f.heightCssPx * dpr);
    const ctx = c.getContext('2d', { alpha: false });
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, -GUTTER_CSS_PX * dpr, 0);
    // Drawn as a frame three views wide whose plot starts at the gutter, then shifted left by the gutter.
    drawLanes(ctx, {
      ...f,
      x0: this.stripX0,
      x1: this.stripX1,
      widthCssPx: GUTTER_CSS_PX + widthCssPx,
      selected: null,
      labels: false,
    });
  }
}
