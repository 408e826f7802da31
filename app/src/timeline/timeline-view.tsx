import { useEffect, useRef } from 'react';
import { selectLaneModel } from '../logic/derived.js';
import { formatCount } from '../logic/format-value.js';
import type { TraceSlot } from '../store/create-app-store.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { GUTTER_CSS_PX } from './draw-timeline.js';
import { TimelineRenderer } from './timeline-renderer.js';
import { PhaseBandsLayer } from '../lessons/phase-bands-layer.js';

/** Registry so keyboard shortcuts and exports can reach the live renderer of a slot. */
export const renderers = new Map<TraceSlot, TimelineRenderer>();

/**
 * The DOM shell of one timeline: overview brush, d3 axis, and the canvas. Drawing happens in
 * TimelineRenderer, outside React; this component only mounts it.
 */
export function TimelineView({ slot }: { slot: TraceSlot }) {
  const { store } = useAppContext();
  const trace = useAppState((s) => s.traces[slot]);
  const xMode = useAppState((s) => s.xMode);
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLCanvasElement>(null);
  const overviewRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const [root, canvas, overlay, axis, overview] = [
      rootRef.current,
      canvasRef.current,
      overlayRef.current,
      axisRef.current,
      overviewRef.current,
    ];
    if (!root || !canvas || !overlay || !axis || !overview) return;
    const r = new TimelineRenderer(store, slot, { root, canvas, overlay, axis, overview });
    renderers.set(slot, r);
    return () => {
      r.destroy();
      renderers.delete(slot);
    };
  }, [store, slot]);

  const model = trace ? selectLaneModel(trace, xMode) : null;
  const laneCount = model?.lanes.length ?? 0;
  const label = trace
    ? `Timeline of ${trace.title}: ${formatCount(trace.columns.count)} events in ${laneCount} ${laneCount === 1 ? 'lane' : 'lanes'}, x is ${model?.xMode === 'time' ? 'time' : 'call order'}`
    : 'Timeline (no trace loaded)';
  const height = Math.min(22 * Math.max(3, laneCount) + 2, 360);
  const laneTop = useAppState((s) => Math.round(s.viewports[slot]?.laneTop ?? 0));
  const visibleLanes = Math.floor(height / 22);

  return (
    <div className="select-none">
      <svg
        ref={overviewRef}
        height={20}
        className="overview block w-full"
        aria-label="Overview: drag to choose the visible range"
        role="group"
      >
        <text x={8} y={14} className="fill-slate-500 text-[11px]">
          overview
        </text>
      </svg>
      <canvas ref={axisRef} className="timeline-axis block" aria-hidden="true" />
      <div ref={rootRef} className="relative w-full" style={{ height }} data-testid={`timeline-${slot}`}>
        <canvas ref={canvasRef} role="img" aria-label={label} className="absolute inset-0" />
        <div
          ref={overlayRef}
          className="absolute inset-y-0 right-0 cursor-crosshair"
          style={{ left: GUTTER_CSS_PX }}
          data-testid={`timeline-plot-${slot}`}
        />
        <PhaseBandsLayer slot={slot} />
      </div>
      {laneCount > visibleLanes && (
        <p className="px-3 pt-1 text-xs text-slate-500" aria-live="polite">
          Lanes {laneTop + 1}–{Math.min(laneCount, laneTop + visibleLanes)} of {laneCount}: Shift+wheel,
          Shift+↑↓ or PageUp/PageDown to scroll.
        </p>
      )}
    </div>
  );
}
