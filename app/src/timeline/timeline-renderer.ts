import type { BrushBehavior } from 'd3-brush';
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';
import type { LaneModel } from '../logic/compute-lanes.js';
import type { XWindow } from '../logic/compute-window.js';
import { computeMinSpan } from '../logic/compute-window.js';
import { selectDensity } from '../logic/derived.js';
import type { AppState, AppStore } from '../store/create-app-store.js';
import {
  selectFilteredModel,
  selectLaneModelOf,
  selectSelectedIndex,
  selectViewport,
  selectXExtent,
} from '../store/selectors.js';
import type { TraceSlot, Viewport } from '../store/trace-slice.js';
import type { FrameStats } from './frame-stats.js';
import { buildTimelineFrame } from './build-frame.js';
import { fitCanvas } from './canvas-setup.js';
import { AXIS_HEIGHT_CSS_PX, drawAxis } from './draw-axis.js';
import type { TimelineFrame } from './draw-timeline.js';
import { GUTTER_CSS_PX, drawOverlay } from './draw-timeline.js';
import { buildPhaseBands, drawTimelineLabels } from './timeline-labels.js';
import { computeOverviewBrush } from './overview-brush.js';
import { LaneCache } from './lane-cache.js';
import type { TimelinePointer } from './timeline-pointer.js';
import { createTimelinePointer } from './timeline-pointer.js';
import type { ZoomController } from './zoom-controller.js';
import { createZoomController } from './zoom-controller.js';

export interface TimelineElements {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  overlay: HTMLElement;
  axis: HTMLCanvasElement;
  overview: SVGSVGElement;
  tooltip: HTMLElement;
  /**
   * A transparent canvas over the plot and its phase bands, for the labels inside the lanes (phase
   * labels, call names), laid out together; absent in a comparison, whose diff layer draws them.
   */
  labels: HTMLCanvasElement | null;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Everything a frame depends on; a store change that leaves it equal draws nothing. */
function frameInputs(s: AppState, slot: TraceSlot): readonly unknown[] {
  const vp = selectViewport(s, slot);
  return [
    s.traces[slot],
    vp?.x0,
    vp?.x1,
    vp?.laneTop,
    s.xMode,
    selectSelectedIndex(s, slot),
    s.highlights,
    s.theme,
    selectLaneModelOf(s, slot),
    selectFilteredModel(s, slot),
    s.range,
    s.lesson.showPhases,
    s.lesson.phases[slot],
  ];
}

/**
 * Drives one timeline outside React: subscribes to the store transiently and draws in one
 * requestAnimationFrame per change (canvas marks, d3 axis, overview brush, zoom sync). Pointer input
 * (click, hover, shift-drag, the gutter) is timeline-pointer.ts.
 */
export class TimelineRenderer {
  private frame = 0;
  private readonly laneCache = new LaneCache();
  private readonly zoom: ZoomController;
  private readonly brush: BrushBehavior<unknown>;
  private readonly pointer: TimelinePointer;
  private brushing = false;
  private overviewKey: { model: LaneModel | null; width: number } = { model: null, width: 0 };
  private readonly unsubscribe: () => void;
  private readonly resize: ResizeObserver;
  /** Sizes from the ResizeObserver: reading clientWidth while drawing would force a layout every frame. */
  private widthCssPx = 0;
  private heightCssPx = 0;
  private inputs: readonly unknown[] = [];

  constructor(
    private readonly store: AppStore,
    private readonly slot: TraceSlot,
    private readonly el: TimelineElements,
    private readonly frames: FrameStats,
    rowText: (index: number) => Promise<{ text: string; ret: string } | null>,
  ) {
    this.zoom = createZoomController(el.overlay, (w) => this.setWindow(w));
    this.brush = brushX().on(
      'brush end',
      (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        if (!event.sourceEvent || !event.selection) return;
        const model = this.model();
        if (!model) return;
        const width = this.plotWidth();
        const span = model.xMax - model.xMin;
        const [a, b] = event.selection;
        this.brushing = true;
        this.setWindow({
          x0: model.xMin + (a / width) * span,
          x1: model.xMin + (Math.max(b, a + 1) / width) * span,
        });
        this.brushing = false;
      },
    );
    this.pointer = createTimelinePointer(store, slot, el, rowText, () => this.plotWidth());
    this.unsubscribe = store.subscribe((s) => {
      const next = frameInputs(s, slot);
      if (next.length === this.inputs.length && next.every((v, k) => v === this.inputs[k])) return;
      this.schedule();
    });
    this.widthCssPx = el.root.clientWidth;
    this.heightCssPx = el.root.clientHeight;
    store.getState().setPlotHeight(slot, this.heightCssPx);
    this.resize = new ResizeObserver(() => {
      this.widthCssPx = el.root.clientWidth;
      this.heightCssPx = el.root.clientHeight;
      store.getState().setPlotHeight(slot, this.heightCssPx);
      this.schedule(true);
    });
    this.resize.observe(el.root);
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribe();
    this.pointer.destroy();
    this.zoom.destroy();
    this.resize.disconnect();
  }

  /** Draws on the next animation frame; `force` also when the store did not change (a resize). */
  schedule(force = false): void {
    if (force) this.inputs = [];
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private model(): LaneModel | null {
    return selectLaneModelOf(this.store.getState(), this.slot);
  }

  private plotWidth(): number {
    return Math.max(1, this.widthCssPx - GUTTER_CSS_PX);
  }

  private setWindow(w: XWindow): void {
    const vp = selectViewport(this.store.getState(), this.slot);
    this.store.getState().setViewport(this.slot, { x0: w.x0, x1: w.x1, laneTop: vp?.laneTop ?? 0 });
  }

  private draw(): void {
    this.frame = 0;
    const started = performance.now();
    const s = this.store.getState();
    this.inputs = frameInputs(s, this.slot);
    const model = this.model();
    if (!s.traces[this.slot] || !model) return;
    const vp = selectViewport(s, this.slot);
    if (!vp) {
      // First frame for this trace: fit it (the store change schedules the real frame).
      s.setViewport(this.slot, { x0: model.xMin, x1: model.xMax, laneTop: 0 });
      return;
    }
    const { widthCssPx, heightCssPx } = this;
    const ctx = fitCanvas(this.el.canvas, widthCssPx, heightCssPx);
    // The call names are labels, laid out each frame with the others (drawLabels, or the comparison's
    // diff layer): the cached strip holds the marks only.
    const frame = buildTimelineFrame(s, this.slot, { widthCssPx, heightCssPx });
    if (!ctx || !frame) return;
    this.laneCache.blit(ctx, frame, window.devicePixelRatio || 1, [
      frame.model,
      frame.marks,
      s.highlights,
      s.theme,
    ]);
    const { arrows } = drawOverlay(ctx, frame);
    // What the canvas shows, for tests and assistive tools that cannot read pixels.
    const canvas = this.el.canvas.dataset;
    canvas.arrows = String(arrows);
    canvas.filtered = String(frame.ghost);
    canvas.lanes = String(model.lanes.length);
    if (this.el.labels) this.drawLabels(this.el.labels, s, frame);
    this.drawAxis(model, vp, widthCssPx, frame.theme);
    this.drawOverview(model, vp);
    const extent = selectXExtent(s, this.slot) ?? { x0: model.xMin, x1: model.xMax };
    this.zoom.sync(vp, extent, widthCssPx - GUTTER_CSS_PX, computeMinSpan(model.xMode));
    this.frames.recordFrame(performance.now() - started);
  }

  private drawLabels(canvas: HTMLCanvasElement, s: AppState, f: TimelineFrame): void {
    const ctx = fitCanvas(canvas, f.widthCssPx, f.heightCssPx, true);
    if (!ctx) return;
    ctx.clearRect(0, 0, f.widthCssPx, f.heightCssPx);
    const drawn = drawTimelineLabels(ctx, f, buildPhaseBands(s, this.slot, f), s.theme === 'dark');
    // The labels' boxes as drawn (CSS px in this canvas), for tests: none may cover another.
    canvas.dataset.labels = JSON.stringify(
      drawn.map((l) => ({ ...l, x: round1(l.x), y: round1(l.y), width: round1(l.width) })),
    );
  }

  private drawAxis(
    model: LaneModel,
    vp: Viewport,
    widthCssPx: number,
    theme: Parameters<typeof drawAxis>[1]['theme'],
  ): void {
    const ctx = fitCanvas(this.el.axis, widthCssPx, AXIS_HEIGHT_CSS_PX);
    if (ctx) drawAxis(ctx, { x0: vp.x0, x1: vp.x1, xMode: model.xMode, widthCssPx, theme });
  }

  private drawOverview(model: LaneModel, vp: Viewport): void {
    const width = this.plotWidth();
    const svg = select(this.el.overview);
    let g = svg.select<SVGGElement>('g.brush');
    // The density shape and the brush's extent change only with the trace and the width: not per pan frame.
    if (this.overviewKey.model !== model || this.overviewKey.width !== width || g.empty()) {
      this.overviewKey = { model, width };
      svg.attr('width', width + GUTTER_CSS_PX);
      let density = svg.select<SVGPathElement>('path.density');
      if (density.empty()) density = svg.append('path').attr('class', 'density');
      const bins = selectDensity(model);
      const step = width / bins.length;
      let d = `M${GUTTER_CSS_PX},18`;
      bins.forEach(
        (v, b) =>
          (d += `L${(GUTTER_CSS_PX + b * step).toFixed(1)},${(18 - v * 16).toFixed(1)}h${step.toFixed(1)}`),
      );
      density.attr('d', `${d}L${GUTTER_CSS_PX + width},18Z`);
      if (g.empty()) g = svg.append('g').attr('class', 'brush');
      g.attr('transform', `translate(${GUTTER_CSS_PX},0)`);
      this.brush.extent([
        [0, 0],
        [width, 18],
      ]);
      g.call(this.brush);
    }
    if (this.brushing) return;
    g.call(this.brush.move, computeOverviewBrush(vp, { x0: model.xMin, x1: model.xMax }, width));
  }
}
