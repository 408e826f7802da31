import { useAppState } from '../store/store-context.js';
import { PHASE_COLORS } from './compute-phase-bands.js';

/** The phases of the open trace as text: the readable counterpart of the bands drawn on the timeline. */
export function PhaseList() {
  const trace = useAppState((s) => s.traces.a);
  const phases = useAppState((s) => s.lesson.phases.a);
  if (!trace || !phases || phases.traceId !== trace.id || !phases.phases.length) return null;
  const line = (i: number): number => trace.columns.line[i] as number;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{phases.phases.length} phases</summary>
      <ol aria-label="Phases" className="mt-1 max-h-48 overflow-auto font-mono" data-testid="phase-list">
        {phases.phases.map((p, k) => (
          <li key={k}>
            <span style={{ color: PHASE_COLORS[p.kind] }}>■</span> {p.pid ?? '-'} {p.label} · lines{' '}
            {line(p.firstIndex)}–{line(p.lastIndex)} ({p.count})
          </li>
        ))}
      </ol>
    </details>
  );
}
