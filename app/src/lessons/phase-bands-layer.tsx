import { useEffect, useRef, useState } from 'react';
import { selectLaneModel } from '../logic/derived.js';
import type { TraceSlot } from '../store/create-app-store.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import { PHASE_COLORS, computePhaseBands } from './compute-phase-bands.js';
import { loadPhases } from './lesson-controller.js';
import { lessonStoreFor, useLessonState } from './lesson-store.js';

/**
 * Drawn over the timeline's plot: the phases of each lane as light bands with their names, and rings
 * around the events of the current lesson step. It never takes pointer events, so clicks and zoom still
 * reach the timeline underneath. A few dozen SVG elements, redrawn by React when the viewport moves.
 */
export function PhaseBandsLayer({ slot }: { slot: TraceSlot }) {
  const { store, client } = useAppContext();
  const lessons = lessonStoreFor(store);
  const trace = useAppState((s) => s.traces[slot]);
  const vp = useAppState((s) => s.viewports[slot]);
  const xMode = useAppState((s) => s.xMode);
  const phases = useLessonState((s) => s.phases);
  const show = useLessonState((s) => s.showPhases);
  const events = useLessonState((s) => s.events);
  const ref = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    if (slot === 'a' && trace) void loadPhases({ store, client, lessons }, trace);
  }, [slot, trace, store, client, lessons]);
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

  const ready = slot === 'a' && trace && vp && size.width > 0;
  const model = ready ? selectLaneModel(trace, xMode) : null;
  const visible = Math.ceil(size.height / LANE_HEIGHT_CSS_PX) + 1;
  const inView = (lane: number): boolean =>
    vp !== undefined && lane >= Math.floor(vp.laneTop) && lane < vp.laneTop + visible;
  const y = (lane: number): number => (lane - (vp?.laneTop ?? 0)) * LANE_HEIGHT_CSS_PX;
  const bands =
    model && vp && show && phases && phases.traceId === trace?.id
      ? computePhaseBands(model, phases.phases, vp.x0, vp.x1, size.width).filter((b) => inView(b.lane))
      : [];
  const perX = vp ? size.width / Math.max(vp.x1 - vp.x0, 1e-12) : 0;
  const rings =
    model && vp
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
      {bands.map((b, k) => (
        <g key={k}>
          <rect
            x={b.xCssPx}
            y={y(b.lane) + 1}
            width={b.widthCssPx}
            height={LANE_HEIGHT_CSS_PX - 2}
            fill={PHASE_COLORS[b.kind]}
            fillOpacity={0.13}
            stroke={PHASE_COLORS[b.kind]}
            strokeOpacity={0.5}
            strokeWidth={1}
            rx={2}
          />
          {b.widthCssPx > 48 && (
            <text
              x={b.xCssPx + 3}
              y={y(b.lane) + 9}
              fontSize={8.5}
              fill={PHASE_COLORS[b.kind]}
              style={{ fontWeight: 600 }}
            >
              {b.label.length * 5 > b.widthCssPx ? b.kind : b.label}
            </text>
          )}
        </g>
      ))}
      {rings.map((r) => (
        <circle key={r.i} cx={r.x} cy={r.y} r={7} fill="none" stroke="#f97316" strokeWidth={2.5} />
      ))}
    </svg>
  );
}
