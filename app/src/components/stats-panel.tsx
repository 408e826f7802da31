import { useMemo } from 'react';
import { computeStatsTable, computeSyscallStats } from '../../../parsers/analysis/syscall-stats.js';
import { formatCount } from '../logic/format-value.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';

/**
 * Per-syscall counts, errors and time, like `strace -c`. A row clicked filters the table (and the
 * timeline) to that call and shows the events; its error count, to that call's failures.
 */
export function StatsPanel({ trace }: { trace: TraceData }) {
  const { store } = useAppContext();
  const names = useAppState((s) => s.filters.names);
  const show = (name: string, failedOnly: boolean): void => {
    const st = store.getState();
    st.setFilters({ names: [name], failedOnly, errno: '' });
    st.setTab('events');
  };
  const { rows, total } = useMemo(() => computeStatsTable(computeSyscallStats(trace)), [trace]);
  const pct = (v: number | null): string => (v === null ? '' : v.toFixed(2));
  const secs = (v: number | null): string => (v === null ? '' : v.toFixed(6));
  return (
    <div className="h-full overflow-auto p-2">
      <table className="stats-table w-full border-collapse font-mono text-xs" aria-label="Syscall statistics">
        <caption className="p-1 text-left font-sans text-slate-500">
          Like <code>strace -c</code>; time is the sum of <code>-T</code> durations (wall time in the call).
        </caption>
        <thead>
          <tr>
            <th scope="col">% time</th>
            <th scope="col">seconds</th>
            <th scope="col">usecs/call</th>
            <th scope="col">calls</th>
            <th scope="col">errors</th>
            <th scope="col">syscall</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.name}
              className={`cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-900 ${names.length === 1 && names[0] === r.name ? 'bg-amber-100 dark:bg-amber-900/40' : ''}`}
              onClick={() => show(r.name, false)}
            >
              <td>{pct(r.percentTime)}</td>
              <td>{secs(r.seconds)}</td>
              <td>{r.usecsPerCall ?? ''}</td>
              <td>{formatCount(r.calls)}</td>
              <td className={r.errors ? 'text-red-700 dark:text-red-400' : ''}>
                {r.errors ? (
                  <button
                    type="button"
                    className="link text-red-700 dark:text-red-400"
                    aria-label={`Show the ${r.errors} failed ${r.name} calls`}
                    onClick={(e) => {
                      e.stopPropagation();
                      show(r.name, true);
                    }}
                  >
                    {r.errors}
                  </button>
                ) : (
                  ''
                )}
              </td>
              <td>
                <button type="button" className="link" aria-label={`Show only ${r.name} calls`}>
                  {r.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td>{pct(total.percentTime)}</td>
            <td>{secs(total.seconds)}</td>
            <td>{total.usecsPerCall ?? ''}</td>
            <td>{formatCount(total.calls)}</td>
            <td>{total.errors || ''}</td>
            <td>total</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
