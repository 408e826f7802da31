import { useEffect, useRef, useState } from 'react';
import { selectLaneModelOf, selectViewport } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { GUTTER_CSS_PX, LANE_HEIGHT_CSS_PX } from '../timeline/draw-timeline.js';
import { PHASE_COLORS, PHASE_LABEL_COLORS, computePhaseBands } from './compute-phase-bands.js';
import { loadPhases } from './lesson-controller.js';

const LABEL_PX = 11;
/** Width of a label of n characters at 11 px, a little generous (the SVG cannot measure before drawing). */
const labelWidth = (n: number): number => n * 6.4 + 8;

/**
 * Drawn over the timeline's plot: the phases of each lane as light bands, each named in a small label
 * with a background of its own (readable over the marks), and rings around the events of the current
 * lesson step. It never takes pointer events, so clicks and zoom still reach the timeline underneath.
 * A few dozen SVG elements, redrawn by React when the viewport moves. In a comparison the labels are
 * left to the diff layer (`labels` false), which lays them out with its own so that none covers another.
 */
export function PhaseBandsLayer({ slot, labels = true }: { slot: TraceSlot; labels?: boolean }) {
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
      ? computePhaseBands(model, phases.phases, vp.x0, vp.x1, size.width).filter((b) => inView(b.lane))
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
        const text = labelWidth(b.label.length) <= b.widthCssPx ? b.label : b.kind;
        const left = Math.max(0, b.xCssPx);
        const w = labelWidth(text.length);
        const labelled = labels && Math.min(b.xCssPx + b.widthCssPx, size.width) - left >= w;
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
            {labelled && (
              <g data-phase-label={text}>
                <rect
                  x={left + 2}
                  y={y(b.lane) + 2}
                  width={w}
                  height={LABEL_PX + 3}
                  rx={3}
                  className="fill-white/90 dark:fill-slate-950/90"
                />
                <text
                  x={left + 6}
                  y={y(b.lane) + 2 + LABEL_PX}
                  fontSize={LABEL_PX}
                  fill={PHASE_LABEL_COLORS[b.kind]}
                  style={{ fontWeight: 600 }}
                >
                  {text}
                </text>
              </g>
            )}
          </g>
        );
      })}
      {rings.map((r) => (
        <circle key={r.i} cx={r.x} cy={r.y} r={7} fill="none" stroke="#f97316" strokeWidth={2.5} />
      ))}
    </svg>
  );
}
