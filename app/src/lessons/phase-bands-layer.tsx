import { useEffect, useRef, useState } from 'react';
import { selectLaneModelOf, selectViewport } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import { PHASE_COLORS, computePhaseBands } from './compute-phase-bands.js';
import { loadPhases } from './lesson-controller.js';

/**
 * Drawn over the timeline's plot: the phases of each lane as light bands, and rings around the events of
 * the current lesson step. It never takes pointer events, so clicks and zoom still reach the timeline
 * underneath. A few dozen SVG elements, redrawn by React when the viewport moves. The bands' labels are
 * drawn on a canvas over this one, laid out with the other labels of their lane so that none covers
 * another: the timeline's label canvas (drawTimelineLabels), or in a comparison the diff layer.
 */
export function PhaseBandsLayer({ slot }: { slot: TraceSlot }) {
  const { store, client } = useAppContext();
  const trace = useAppState((s) => s.traces[slot]);
  const vp = useAppState((s) => selectViewport(s, slot));
  const model = useAppState((s) => selectLaneModelOf(s, slot));
  const phases = useAppState((s) => s.lesson.phases[slot]);
  const show = useAppState((s) => s.lesson.showPhases);
  const events = useAppState((s) => s.lesson.events[slot]);
  const ref = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    if (trace) void loadPhases({ store, client }, slot);
  }, [slot, trace, store, client]);
  useEffect(() => {
    const el = ref.current?.parentElement;
    if (!el) return;
    const measure = (): void =>
      setSize({ width: Math.max(0, el.clientWidth - GUTTER_CSS_PX), height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const ready = trace && vp && model && size.width > 0;
  const visible = Math.ceil(size.height / LANE_HEIGHT_CSS_PX) + 1;
  const inView = (lane: number): boolean =>
    vp !== undefined && lane >= Math.floor(vp.laneTop) && lane < vp.laneTop + visible;
  const y = (lane: number): number => (lane - (vp?.laneTop ?? 0)) * LANE_HEIGHT_CSS_PX;
  const bands =
    ready && show && phases && phases.traceId === trace.id
      ? computePhaseBands(model, phases.phases, vp.x0, vp.x1, size.width, {
          from: Math.floor(vp.laneTop),
          to: vp.laneTop + visible,
        }).filter((b) => inView(b.lane))
      : [];
  const perX = vp ? size.width / Math.max(vp.x1 - vp.x0, 1e-12) : 0;
  const rings =
    ready && events
      ? events.flatMap((i) => {
          const lane = model.laneOf[i] ?? -1;
          const l = model.lanes[lane];
          const pos = model.posOf[i] ?? -1;
          if (!l || pos < 0 || !inView(lane)) return [];
          const x = ((l.x[pos] as number) - vp.x0) * perX;
          return x < -8 || x > size.width + 8 ? [] : [{ i, x, y: y(lane) + LANE_HEIGHT_CSS_PX / 2 }];
        })
      : [];

  return (
    <svg
      ref={ref}
      className="pointer-events-none absolute inset-y-0 right-0"
      style={{ left: GUTTER_CSS_PX }}
      width={size.width}
      height={size.height}
      aria-hidden="true"
      data-testid={`phase-bands-${slot}`}
      data-band-count={bands.length}
      data-ring-count={rings.length}
    >
      {bands.map((b, k) => {
        return (
          <g key={k}>
            <rect
              x={b.xCssPx}
              y={y(b.lane) + 1}
              width={Math.max(0, b.widthCssPx)}
              height={LANE_HEIGHT_CSS_PX - 2}
              fill={PHASE_COLORS[b.kind]}
              fillOpacity={0.12}
              stroke={PHASE_COLORS[b.kind]}
              strokeOpacity={0.55}
              strokeWidth={1}
              rx={2}
            />
          </g>
        );
      })}
      {rings.map((r) => (
        <circle key={r.i} cx={r.x} cy={r.y} r={7} fill="none" stroke="#f97316" strokeWidth={2.5} />
      ))}
    </svg>
  );
}
