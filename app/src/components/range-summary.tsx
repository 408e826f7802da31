import { useMemo } from 'react';
import { computeRangeSummary } from '../logic/compute-range-summary.js';
import { formatCount, formatDuration } from '../logic/format-value.js';
import { selectLaneModelOf } from '../store/selectors.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { useAppContext, useAppState } from '../store/store-context.js';

/**
 * The range selected with shift-drag on a timeline: how long it is and what happens in it (calls per
 * name, failures, time spent in calls), with a way to zoom to it or clear it.
 */
export function RangeSummary({ slot }: { slot: TraceSlot }) {
  const { store } = useAppContext();
  const range = useAppState((s) => (s.range?.slot === slot ? s.range : null));
  const trace = useAppState((s) => s.traces[slot]);
  const model = useAppState((s) => selectLaneModelOf(s, slot));
  const summary = useMemo(
    () => (range && trace && model ? computeRangeSummary(trace, model, range.x0, range.x1) : null),
    [range, trace, model],
  );
  if (!range || !summary || !model) return null;
  const length =
    model.xMode === 'time'
      ? formatDuration(range.x1 - range.x0)
      : `${Math.round(range.x1 - range.x0)} calls wide`;
  return (
    <section
      aria-label="Selected range"
      data-testid={`range-summary-${slot}`}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-sky-200 bg-sky-50 px-3 py-1 text-xs dark:border-sky-900 dark:bg-sky-950/40"
    >
      <strong data-testid="range-duration">{length}</strong>
      <span>
        {formatCount(summary.calls)} {summary.calls === 1 ? 'call' : 'calls'}
        {summary.failed ? (
          <span className="text-red-700 dark:text-red-400">, {formatCount(summary.failed)} failed</span>
        ) : (
          ''
        )}{' '}
        in {summary.lanes} {summary.lanes === 1 ? 'lane' : 'lanes'}
        {summary.callSeconds !== null ? ` · ${formatDuration(summary.callSeconds)} inside calls` : ''}
      </span>
      <span
        className="min-w-0 flex-1 truncate font-mono text-slate-600 dark:text-slate-300"
        data-testid="range-names"
      >
        {summary.byName
          .slice(0, 8)
          .map((n) => `${n.name} ${n.calls}${n.failed ? ` (${n.failed} failed)` : ''}`)
          .join(' · ')}
        {summary.byName.length > 8 ? ` · … ${summary.byName.length - 8} more` : ''}
      </span>
      <button
        type="button"
        className="btn px-1.5 py-0 text-xs"
        onClick={() => {
          const st = store.getState();
          const vp = st.viewports[slot];
          st.setViewport(slot, { x0: range.x0, x1: range.x1, laneTop: vp?.laneTop ?? 0 });
        }}
      >
        Zoom to range
      </button>
      <button
        type="button"
        className="btn px-1.5 py-0 text-xs"
        onClick={() => store.getState().setRange(null)}
      >
        Clear
      </button>
    </section>
  );
}
