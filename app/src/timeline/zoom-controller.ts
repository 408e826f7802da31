import { select } from 'd3-selection';
import type { D3ZoomEvent, ZoomBehavior } from 'd3-zoom';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { XWindow } from '../logic/compute-window.js';

/**
 * d3-zoom wrapped without React. The store's window is the truth; d3's transform is derived from it
 * (relative to a base scale over the whole extent) and pushed back silently after every outside change,
 * so wheel, drag and programmatic moves (keyboard, brush, URL) never fight.
 */
export interface ZoomController {
  /** Re-derives d3's transform from the store's window (call after outside changes and resizes). */
  sync(window: XWindow, extent: XWindow, plotWidthCssPx: number, minSpan: number): void;
  destroy(): void;
}

/** `el` covers the plot area only (not the label gutter), so d3's pointer coordinates are plot coordinates. */
export function createZoomController(el: HTMLElement, onWindow: (w: XWindow) => void): ZoomController {
  let extent: XWindow = { x0: 0, x1: 1 };
  let width = 1;
  let syncing = false;
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    // Shift+wheel scrolls lanes and shift-drag selects a range (both handled by the timeline).
    .filter((event: Event) => {
      if (event.type === 'wheel') return !(event as WheelEvent).shiftKey;
      return !(event as MouseEvent).button && !(event as MouseEvent).shiftKey;
    })
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (syncing) return;
      const t = event.transform;
      const span = extent.x1 - extent.x0;
      // Screen px p shows base-x b = (p - t.x) / t.k; base maps [0, width] onto the extent.
      const x0 = extent.x0 + ((0 - t.x) / t.k / width) * span;
      const x1 = extent.x0 + ((width - t.x) / t.k / width) * span;
      onWindow({ x0, x1 });
    });
  const sel = select(el);
  sel.call(behavior).on('dblclick.zoom', null);
  return {
    sync(window, ext, plotWidthCssPx, minSpan) {
      extent = ext;
      width = Math.max(1, plotWidthCssPx);
      const span = ext.x1 - ext.x0;
      const k = span / Math.max(window.x1 - window.x0, 1e-30);
      behavior
        .scaleExtent([1, Math.max(1, span / minSpan)])
        .translateExtent([
          [0, -Infinity],
          [width, Infinity],
        ])
        .extent([
          [0, 0],
          [width, 1],
        ]);
      syncing = true;
      behavior.transform(sel, zoomIdentity.translate((-k * (window.x0 - ext.x0) * width) / span, 0).scale(k));
      syncing = false;
    },
    destroy() {
      sel.on('.zoom', null);
    },
  };
}
