import type { BrushBehavior } from 'd3-brush';
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';
import type { LaneModel } from '../logic/compute-lanes.js';
import { computeNearestMark } from '../logic/compute-marks.js';
import type { XWindow } from '../logic/compute-window.js';
import { computeMinSpan } from '../logic/compute-window.js';
import { selectCategoryCodes, selectDensity, selectLaneModel } from '../logic/derived.js';
import type { AppStore, TraceSlot } from '../store/create-app-store.js';
import type { TraceData } from '../trace/trace-data.js';
import { fitCanvas } from './canvas-setup.js';
import type { TimelineFrame } from './draw-timeline.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX, drawOverlay } from './draw-timeline.js';
import { AXIS_HEIGHT_CSS_PX, drawAxis } from './draw-axis.js';
import { computeHighlightLayers } from './highlight-layers.js';
import { LaneCache } from './lane-cache.js';
import { listTimelineOverlays, onOverlayRedraw } from './timeline-overlays.js';
import { recordFrame } from './frame-stats.js';
import { DARK_THEME, LIGHT_THEME } from './timeline-theme.js';
import type { TimelineTheme } from './timeline-theme.js';
import type { ZoomController } from './zoom-controller.js';
import { createZoomController } from './zoom-controller.js';

export interface TimelineElements {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  overlay: HTMLElement;
  axis: HTMLCanvasElement;
  overview: SVGSVGElement;
}

/**
 * Drives one timeline outside React: subscribes to the store transiently and draws in one
 * requestAnimationFrame per change (canvas marks, d3 axis, overview brush, zoom sync).
 */
export class TimelineRenderer {
  private frame = 0;
  private readonly laneCache = new LaneCache();
  private readonly zoom: ZoomController;
  private readonly brush: BrushBehavior<unknown>;
  private brushing = false;
  private overviewKey: { model: LaneModel | null; width: number } = { model: null, width: 0 };
  private readonly unsubscribe: () => void;
  private readonly unsubscribeOverlays: () => void;
  private readonly resize: ResizeObserver;
  /** Sizes from the ResizeObserver: reading clientWidth while drawing would force a layout every frame. */
  private widthCssPx = 0;
  private heightCssPx = 0;

  constructor(
    private readonly store: AppStore,
    private readonly slot: TraceSlot,
    private readonly el: TimelineElements,
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
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.selection !== prev.selection && s.selection?.slot === slot) this.revealSelection();
      if (
        s.traces[slot] !== prev.traces[slot] ||
        s.viewports[slot] !== prev.viewports[slot] ||
        s.xMode !== prev.xMode ||
        s.selection !== prev.selection ||
        s.highlights !== prev.highlights ||
        s.theme !== prev.theme
      )
        this.schedule();
    });
    el.overlay.addEventListener('click', this.onClick);
    el.root.addEventListener('wheel', this.onWheel, { passive: false });
    this.widthCssPx = el.root.clientWidth;
    this.heightCssPx = el.root.clientHeight;
    this.resize = new ResizeObserver(() => {
      this.widthCssPx = el.root.clientWidth;
      this.heightCssPx = el.root.clientHeight;
      this.schedule();
    });
    this.resize.observe(el.root);
    this.unsubscribeOverlays = onOverlayRedraw((s) => s === slot && this.schedule());
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribe();
    this.unsubscribeOverlays();
    this.zoom.destroy();
    this.resize.disconnect();
    this.el.overlay.removeEventListener('click', this.onClick);
    this.el.root.removeEventListener('wheel', this.onWheel);
  }

  schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private trace(): TraceData | undefined {
    return this.store.getState().traces[this.slot];
  }

  private model(): LaneModel | null {
    const s = this.store.getState();
    const trace = s.traces[this.slot];
    return trace ? selectLaneModel(trace, s.xMode) : null;
  }

  private plotWidth(): number {
    return Math.max(1, this.widthCssPx - GUTTER_CSS_PX);
  }

  private setWindow(w: XWindow): void {
    const vp = this.store.getState().viewports[this.slot];
    this.store.getState().setViewport(this.slot, { x0: w.x0, x1: w.x1, laneTop: vp?.laneTop ?? 0 });
  }

  private draw(): void {
    this.frame = 0;
    const started = performance.now();
    const s = this.store.getState();
    const trace = s.traces[this.slot];
    const model = this.model();
    if (!trace || !model) return;
    const vp = s.viewports[this.slot];
    if (!vp) {
      // First frame for this trace: fit it (the store change schedules the real frame).
      s.setViewport(this.slot, { x0: model.xMin, x1: model.xMax, laneTop: 0 });
      return;
    }
    const { widthCssPx, heightCssPx } = this;
    const ctx = fitCanvas(this.el.canvas, widthCssPx, heightCssPx);
    if (!ctx) return;
    const frame: TimelineFrame = {
      model,
      kind: trace.columns.kind,
      nameId: trace.columns.nameId,
      categoryOfName: selectCategoryCodes(trace),
      x0: vp.x0,
      x1: vp.x1,
      laneTop: vp.laneTop,
      widthCssPx,
      heightCssPx,
      highlights: computeHighlightLayers(s.highlights, trace, model),
      selected: s.selection?.slot === this.slot ? s.selection.index : null,
      theme: s.theme === 'dark' ? DARK_THEME : LIGHT_THEME,
      labels: true,
    };
    this.laneCache.blit(ctx, frame, window.devicePixelRatio || 1, [model, trace, s.highlights, s.theme]);
    drawOverlay(ctx, frame);
    for (const layer of listTimelineOverlays(this.slot)) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(GUTTER_CSS_PX, 0, widthCssPx - GUTTER_CSS_PX, heightCssPx);
      ctx.clip();
      layer(ctx, frame);
      ctx.restore();
    }
    this.drawAxis(model, vp, widthCssPx, frame.theme);
    this.drawOverview(model, vp);
    const extent = { x0: model.xMin, x1: model.xMax };
    this.zoom.sync(vp, extent, widthCssPx - GUTTER_CSS_PX, computeMinSpan(model.xMode));
    recordFrame(performance.now() - started);
  }

  /** Keeps the selected call in view: pans (same zoom) and scrolls lanes only when it is outside. */
  private revealSelection(): void {
    const s = this.store.getState();
    const model = this.model();
    const vp = s.viewports[this.slot];
    const index = s.selection?.index;
    if (!model || !vp || index === undefined) return;
    const li = model.laneOf[index] ?? -1;
    const pos = model.posOf[index] ?? -1;
    const lane = model.lanes[li];
    if (!lane || pos < 0) return;
    const x = lane.x[pos] as number;
    const span = vp.x1 - vp.x0;
    let { x0, x1, laneTop } = vp;
    if (x < x0 || x > x1) {
      x0 = Math.max(model.xMin, Math.min(model.xMax - span, x - span / 2));
      x1 = x0 + span;
    }
    const visible = Math.max(1, Math.floor(this.heightCssPx / LANE_HEIGHT_CSS_PX));
    if (li < laneTop || li >= laneTop + visible) laneTop = Math.max(0, li - Math.floor(visible / 2));
    if (x0 !== vp.x0 || laneTop !== vp.laneTop) s.setViewport(this.slot, { x0, x1, laneTop });
  }

  private drawAxis(model: LaneModel, vp: XWindow, widthCssPx: number, theme: TimelineTheme): void {
    const ctx = fitCanvas(this.el.axis, widthCssPx, AXIS_HEIGHT_CSS_PX);
    if (ctx) drawAxis(ctx, { x0: vp.x0, x1: vp.x1, xMode: model.xMode, widthCssPx, theme });
  }

  private drawOverview(model: LaneModel, vp: XWindow): void {
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
    const span = model.xMax - model.xMin;
    const a = ((vp.x0 - model.xMin) / span) * width;
    const b = ((vp.x1 - model.xMin) / span) * width;
    g.call(this.brush.move, [Math.max(0, a), Math.min(width, Math.max(b, a + 2))]);
  }

  private readonly onClick = (e: MouseEvent): void => {
    const s = this.store.getState();
    const model = this.model();
    const vp = s.viewports[this.slot];
    if (!model || !vp) return;
    const rect = this.el.overlay.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const lane = model.lanes[Math.floor(vp.laneTop + (e.clientY - rect.top) / LANE_HEIGHT_CSS_PX)];
    if (!lane) return;
    const perPx = (vp.x1 - vp.x0) / this.plotWidth();
    const pos = computeNearestMark(lane, vp.x0 + px * perPx, 4 * perPx);
    if (pos >= 0) s.select({ slot: this.slot, index: lane.events[pos] as number });
  };

  private readonly onWheel = (e: WheelEvent): void => {
    if (!e.shiftKey) return;
    e.preventDefault();
    this.scrollLanes(Math.sign(e.deltaY || e.deltaX) * 3);
  };

  scrollLanes(delta: number): void {
    const s = this.store.getState();
    const model = this.model();
    const vp = s.viewports[this.slot];
    if (!model || !vp) return;
    const visible = Math.max(1, Math.floor(this.heightCssPx / LANE_HEIGHT_CSS_PX));
    const laneTop = Math.max(0, Math.min(model.lanes.length - visible, vp.laneTop + delta));
    if (laneTop !== vp.laneTop) s.setViewport(this.slot, { ...vp, laneTop: Math.max(0, laneTop) });
  }
}
