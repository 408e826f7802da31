import { selectLaneModel } from '../logic/derived.js';
import type { AppStore, TraceSlot } from '../store/create-app-store.js';
import { GUTTER_CSS_PX } from '../timeline/draw-timeline.js';
import { selectDiffMarks } from './compute-diff-geometry.js';
import type { CompareStore } from './compare-store.js';
import { drawAlignmentStrip, drawDiffMarks } from './draw-diff-layers.js';

/** Draw times of the last frames of the diff layers (ms), for bench/ui-diff-bench.ts through window.__spelunk. */
export const compareLayerTimes: number[] = [];

export interface CompareLayerElements {
  /** The wrapper of each timeline, and the transparent canvas laid over its plot. */
  wrapA: HTMLElement;
  wrapB: HTMLElement;
  marksA: HTMLCanvasElement;
  marksB: HTMLCanvasElement;
  strip: HTMLCanvasElement;
}

function fitTransparent(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const W = Math.max(1, Math.round(w * dpr));
  const H = Math.max(1, Math.round(h * dpr));
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * Draws what the comparison adds over the two part-1 timelines (diff marks, blocks, selection, cursor)
 * and the strip joining them; one requestAnimationFrame per change of either store, outside React.
 * Also turns pointer moves over either timeline into the shared cursor.
 */
export class CompareLayers {
  private frame = 0;
  private readonly unsubscribe: (() => void)[];
  private readonly resize: ResizeObserver;

  constructor(
    private readonly app: AppStore,
    private readonly cs: CompareStore,
    private readonly el: CompareLayerElements,
  ) {
    this.unsubscribe = [app.subscribe(() => this.schedule()), cs.subscribe(() => this.schedule())];
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(el.wrapA);
    this.resize.observe(el.wrapB);
    for (const [slot, wrap] of [
      ['a', el.wrapA],
      ['b', el.wrapB],
    ] as const) {
      wrap.addEventListener('pointermove', (e) => this.onMove(slot, wrap, e));
      wrap.addEventListener('pointerleave', () => this.cs.setState({ cursorX: null }));
    }
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const u of this.unsubscribe) u();
    this.resize.disconnect();
  }

  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private plotOf(wrap: HTMLElement, slot: TraceSlot): HTMLElement | null {
    return wrap.querySelector<HTMLElement>(`[data-testid="timeline-${slot}"]`);
  }

  private onMove(slot: TraceSlot, wrap: HTMLElement, e: PointerEvent): void {
    const plot = this.plotOf(wrap, slot);
    const vp = this.app.getState().viewports[slot];
    if (!plot || !vp) return;
    const rect = plot.getBoundingClientRect();
    const px = e.clientX - rect.left - GUTTER_CSS_PX;
    if (px < 0 || e.clientY < rect.top || e.clientY > rect.bottom) {
      if (this.cs.getState().cursorX !== null) this.cs.setState({ cursorX: null });
      return;
    }
    const x = vp.x0 + (px / Math.max(1, rect.width - GUTTER_CSS_PX)) * (vp.x1 - vp.x0);
    this.cs.setState({ cursorX: slot === 'a' ? x : x - this.cs.getState().offset });
  }

  private draw(): void {
    this.frame = 0;
    const started = performance.now();
    this.drawLayers();
    compareLayerTimes.push(performance.now() - started);
    if (compareLayerTimes.length > 512) compareLayerTimes.shift();
  }

  private drawLayers(): void {
    const s = this.app.getState();
    const c = this.cs.getState();
    const diff = c.diff;
    const ta = s.traces.a;
    const tb = s.traces.b;
    const va = s.viewports.a;
    const vb = s.viewports.b;
    if (!diff || !ta || !tb || !va || !vb || c.status !== 'ready') return;
    const ma = selectLaneModel(ta, s.xMode);
    const mb = selectLaneModel(tb, s.xMode);
    const textColor = s.theme === 'dark' ? '#e2e8f0' : '#1e293b';
    const sides = [
      ['a', this.el.wrapA, this.el.marksA, ma, va, c.selA, c.cursorX],
      ['b', this.el.wrapB, this.el.marksB, mb, vb, c.selB, c.cursorX === null ? null : c.cursorX + c.offset],
    ] as const;
    for (const [side, wrap, canvas, model, vp, selected, cursorX] of sides) {
      const plot = this.plotOf(wrap, side);
      if (!plot) continue;
      canvas.style.top = `${plot.offsetTop}px`;
      const ctx = fitTransparent(canvas, plot.clientWidth, plot.clientHeight);
      if (!ctx) continue;
      const drawn = drawDiffMarks(ctx, {
        side,
        model,
        diff,
        marks: selectDiffMarks(model, diff, side),
        x0: vp.x0,
        x1: vp.x1,
        laneTop: vp.laneTop,
        widthCssPx: plot.clientWidth,
        heightCssPx: plot.clientHeight,
        selected,
        cursorX,
        textColor,
      });
      canvas.dataset.marks = String(drawn);
      canvas.dataset.selected = String(selected);
      // Where the shared cursor is on screen (CSS px from the plot's left edge), for tests.
      canvas.dataset.cursorPx =
        cursorX === null
          ? ''
          : String(Math.round(((cursorX - vp.x0) / (vp.x1 - vp.x0)) * (plot.clientWidth - GUTTER_CSS_PX)));
    }
    const width = this.el.wrapA.clientWidth;
    const sctx = fitTransparent(this.el.strip, width, this.el.strip.clientHeight || 40);
    if (sctx) {
      const drawn = drawAlignmentStrip(sctx, {
        diff,
        modelA: ma,
        modelB: mb,
        marksA: selectDiffMarks(ma, diff, 'a'),
        marksB: selectDiffMarks(mb, diff, 'b'),
        a: va,
        b: vb,
        widthCssPx: width,
        heightCssPx: this.el.strip.clientHeight || 40,
        selectedPair: c.pair,
      });
      this.el.strip.dataset.lines = String(drawn);
    }
  }
}
