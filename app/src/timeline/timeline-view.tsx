import { useEffect, useRef } from 'react';
import { formatCount } from '../logic/format-value.js';
import { PhaseBandsLayer } from '../lessons/phase-bands-layer.js';
import { selectLaneModelOf } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from './draw-timeline.js';
import { TimelineRenderer } from './timeline-renderer.js';

/**
 * The DOM shell of one timeline: overview brush, axis, the canvas, the hover tooltip. Drawing happens
 * in TimelineRenderer, outside React; this component only mounts it. With `fill` the plot takes the
 * height its container gives it (the splitter chose it); otherwise it fits its lanes, up to 360 px.
 */
export function TimelineView({
  slot,
  fill = false,
  compact = false,
  laneLabels = true,
}: {
  slot: TraceSlot;
  fill?: boolean;
  compact?: boolean;
  /**
   * Whether this view writes the labels inside the lanes (phase labels, call names) on a canvas of its
   * own over the plot; false when a layer drawn over it lays them out with its own (the comparison's
   * diff marks).
   */
  laneLabels?: boolean;
}) {
  const { store, client, frames } = useAppContext();
  const trace = useAppState((s) => s.traces[slot]);
  const model = useAppState((s) => selectLaneModelOf(s, slot));
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLCanvasElement>(null);
  const overviewRef = useRef<SVGSVGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const labelsRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const [root, canvas, overlay, axis, overview, tooltip] = [
      rootRef.current,
      canvasRef.current,
      overlayRef.current,
      axisRef.current,
      overviewRef.current,
      tooltipRef.current,
    ];
    if (!root || !canvas || !overlay || !axis || !overview || !tooltip) return;
    const rowText = async (index: number) => (await client.rowTexts(slot, [index]))[0] ?? null;
    const r = new TimelineRenderer(
      store,
      slot,
      { root, canvas, overlay, axis, overview, tooltip, labels: labelsRef.current },
      frames,
      rowText,
    );
    return () => r.destroy();
  }, [store, client, frames, slot, laneLabels]);

  const laneCount = model?.lanes.length ?? 0;
  const tasks = trace?.processes.length ?? 0;
  const label = trace
    ? `Timeline of ${trace.title}: ${formatCount(trace.columns.count)} events in ${laneCount} ${laneCount === 1 ? 'lane' : 'lanes'}${laneCount !== tasks ? ` (${tasks} tasks)` : ''}, x is ${model?.xMode === 'time' ? 'time' : 'call order'}`
    : 'Timeline (no trace loaded)';
  // As many lanes as there are (a comparison stacks two timelines: no empty rows), up to 360 px.
  const height = Math.min(LANE_HEIGHT_CSS_PX * Math.max(compact ? 1 : 3, laneCount) + 2, 360);
  const laneTop = useAppState((s) => Math.round(s.viewports[slot]?.laneTop ?? 0));
  const plotHeight = useAppState((s) => s.plotHeights[slot] ?? height);
  const visibleLanes = Math.floor(plotHeight / LANE_HEIGHT_CSS_PX);

  return (
    <div className={`select-none ${fill ? 'flex min-h-0 flex-1 flex-col' : ''}`}>
      <svg
        ref={overviewRef}
        height={20}
        className="overview block w-full shrink-0"
        aria-label="Overview: drag to choose the visible range"
        role="group"
      >
        <text x={8} y={14} className="fill-slate-500 text-[11px]">
          overview
        </text>
      </svg>
      <canvas ref={axisRef} className="timeline-axis block shrink-0" aria-hidden="true" />
      <div
        ref={rootRef}
        className={`relative w-full ${fill ? 'min-h-[66px] flex-1' : ''}`}
        style={fill ? undefined : { height }}
        data-testid={`timeline-${slot}`}
      >
        <canvas ref={canvasRef} role="img" aria-label={label} className="absolute inset-0" />
        <div
          ref={overlayRef}
          className="absolute inset-y-0 right-0 cursor-crosshair"
          style={{ left: GUTTER_CSS_PX }}
          data-testid={`timeline-plot-${slot}`}
        />
        <PhaseBandsLayer slot={slot} />
        {laneLabels && (
          <canvas
            ref={labelsRef}
            className="pointer-events-none absolute inset-0"
            aria-hidden="true"
            data-testid={`lane-labels-${slot}`}
          />
        )}
        <div
          ref={tooltipRef}
          hidden
          role="tooltip"
          data-testid={`timeline-tooltip-${slot}`}
          className="pointer-events-none absolute z-20 max-w-[20rem] rounded-md border border-slate-300 bg-white/95 px-2 py-1 font-mono text-xs shadow-lg dark:border-slate-600 dark:bg-slate-900/95"
        >
          <div className="break-all font-semibold" />
          <div className="data-[failed]:text-red-700 dark:data-[failed]:text-red-400" />
          <div className="font-sans text-slate-500" />
        </div>
      </div>
      {laneCount > visibleLanes && (
        <p className="shrink-0 px-3 pt-1 text-xs text-slate-500" aria-live="polite">
          Lanes {laneTop + 1}–{Math.min(laneCount, laneTop + visibleLanes)} of {laneCount}: Shift+wheel,
          Shift+↑↓ or PageUp/PageDown to scroll; click a ▾ label to fold its processes.
        </p>
      )}
    </div>
  );
}
