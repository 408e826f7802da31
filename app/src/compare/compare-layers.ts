import type { AppStore } from '../store/create-app-store.js';
import { selectViewport } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { GUTTER_CSS_PX } from '../timeline/draw-timeline.js';
import type { FrameStats } from '../timeline/frame-stats.js';
import { buildMarksFrame, buildStripFrame } from './compare-frames.js';
import { drawAlignmentStrip, drawDiffMarks } from './draw-diff-layers.js';

export interface CompareLayerElements {
  /** The wrapper of each timeline, and the transparent canvas laid over its plot. */
  wrapA: HTMLElement;
  wrapB: HTMLElement;
  marksA: HTMLCanvasElement;
  marksB: HTMLCanvasElement;
  strip: HTMLCanvasElement;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

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
 * Draws what the comparison adds over the two part-1 timelines (diff marks, blocks, failures, selection,
 * evidence, cursor) and the strip joining them; one requestAnimationFrame per store change, outside
 * React. Also turns pointer moves over either timeline into the shared cursor.
 */
export class CompareLayers {
  private frame = 0;
  private readonly unsubscribe: () => void;
  private readonly resize: ResizeObserver;
  private readonly listeners: [HTMLElement, string, EventListener][] = [];

  constructor(
    private readonly store: AppStore,
    private readonly el: CompareLayerElements,
    private readonly frames: FrameStats,
  ) {
    this.unsubscribe = store.subscribe(() => this.schedule());
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(el.wrapA);
    this.resize.observe(el.wrapB);
    for (const [slot, wrap] of [
      ['a', el.wrapA],
      ['b', el.wrapB],
    ] as const) {
      this.on(wrap, 'pointermove', (e) => this.onMove(slot, wrap, e as PointerEvent));
      this.on(wrap, 'pointerleave', () => this.setCursor(null));
    }
    this.schedule();
  }

  private on(el: HTMLElement, type: string, fn: EventListener): void {
    el.addEventListener(type, fn);
    this.listeners.push([el, type, fn]);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribe();
    this.resize.disconnect();
    for (const [el, type, fn] of this.listeners) el.removeEventListener(type, fn);
  }

  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private setCursor(x: number | null): void {
    if (this.store.getState().compare.cursorX !== x) this.store.getState().setCompare({ cursorX: x });
  }

  private plotOf(wrap: HTMLElement, slot: TraceSlot): HTMLElement | null {
    return wrap.querySelector<HTMLElement>(`[data-testid="timeline-${slot}"]`);
  }

  private onMove(slot: TraceSlot, wrap: HTMLElement, e: PointerEvent): void {
    const plot = this.plotOf(wrap, slot);
    const s = this.store.getState();
    const vp = selectViewport(s, slot);
    if (!plot || !vp) return;
    const rect = plot.getBoundingClientRect();
    const px = e.clientX - rect.left - GUTTER_CSS_PX;
    if (px < 0 || e.clientY < rect.top || e.clientY > rect.bottom) {
      this.setCursor(null);
      return;
    }
    const x = vp.x0 + (px / Math.max(1, rect.width - GUTTER_CSS_PX)) * (vp.x1 - vp.x0);
    this.setCursor(slot === 'a' ? x : x - s.compare.offset);
  }

  private draw(): void {
    this.frame = 0;
    const started = performance.now();
    this.drawLayers();
    const times = this.frames.compareLayerTimes;
    times.push(performance.now() - started);
    if (times.length > 512) times.shift();
  }

  private drawLayers(): void {
    const s = this.store.getState();
    if (!s.compare.diff || s.compare.status !== 'ready') return;
    for (const [side, wrap, canvas] of [
      ['a', this.el.wrapA, this.el.marksA],
      ['b', this.el.wrapB, this.el.marksB],
    ] as const) {
      const plot = this.plotOf(wrap, side);
      if (!plot) continue;
      canvas.style.top = `${plot.offsetTop}px`;
      const frame = buildMarksFrame(s, side, {
        widthCssPx: plot.clientWidth,
        heightCssPx: plot.clientHeight,
      });
      const ctx = frame && fitTransparent(canvas, plot.clientWidth, plot.clientHeight);
      if (!frame || !ctx) continue;
      const drawn = drawDiffMarks(ctx, frame);
      canvas.dataset.marks = String(drawn.marks);
      // The labels' boxes as drawn (CSS px in this canvas), for tests: none may cover another.
      canvas.dataset.labels = JSON.stringify(
        drawn.labels.map((l) => ({ ...l, x: round1(l.x), y: round1(l.y), width: round1(l.width) })),
      );
      canvas.dataset.selected = String(frame.selected);
      canvas.dataset.evidence = String(frame.evidence.length);
      // Where the shared cursor is on screen (CSS px from the plot's left edge), for tests.
      canvas.dataset.cursorPx =
        frame.cursorX === null
          ? ''
          : String(
              Math.round(
                ((frame.cursorX - frame.x0) / (frame.x1 - frame.x0)) * (plot.clientWidth - GUTTER_CSS_PX),
              ),
            );
    }
    const width = this.el.wrapA.clientWidth;
    const height = this.el.strip.clientHeight || 40;
    const strip = buildStripFrame(s, { widthCssPx: width, heightCssPx: height });
    const sctx = strip && fitTransparent(this.el.strip, width, height);
    if (strip && sctx) this.el.strip.dataset.lines = String(drawAlignmentStrip(sctx, strip));
  }
}
