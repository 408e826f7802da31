import { useAppState } from '../store/store-context.js';
import type { TraceSlot } from '../store/trace-slice.js';
import { PHASE_COLORS } from './compute-phase-bands.js';

/**
 * The phases of the open trace (of both runs in a comparison) as text: the readable counterpart of the
 * bands drawn on the timeline.
 */
export function PhaseList() {
  const traces = useAppState((s) => s.traces);
  const phases = useAppState((s) => s.lesson.phases);
  const labels = useAppState((s) => s.compare.diff?.labels);
  const lists = (['a', 'b'] as const).flatMap((slot: TraceSlot) => {
    const trace = traces[slot];
    const p = phases[slot];
    return trace && p && p.traceId === trace.id && p.phases.length ? [{ slot, trace, phases: p.phases }] : [];
  });
  if (!lists.length) return null;
  const total = lists.reduce((n, l) => n + l.phases.length, 0);
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{total} phases</summary>
      <div className="mt-1 max-h-48 overflow-auto font-mono" data-testid="phase-list">
        {lists.map(({ slot, trace, phases: list }) => (
          <ol key={slot} aria-label={`Phases of ${trace.title}`}>
            {lists.length > 1 && (
              <li className="font-sans font-semibold">
                {slot.toUpperCase()} {labels?.[slot] ?? ''}
              </li>
            )}
            {list.map((p, k) => (
              <li key={k}>
                <span style={{ color: PHASE_COLORS[p.kind] }}>■</span> {p.pid ?? '-'} {p.label} · lines{' '}
                {trace.columns.line[p.firstIndex]}–{trace.columns.line[p.lastIndex]} ({p.count})
              </li>
            ))}
          </ol>
        ))}
      </div>
    </details>
  );
}
