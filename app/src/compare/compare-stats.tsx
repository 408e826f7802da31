import { useState } from 'react';
import { useAppContext, useAppState } from '../store/store-context.js';

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * Per-syscall statistics of both runs side by side, with the deltas; changed rows first. A row clicked
 * shows that call's pairs in the aligned table.
 */
export function CompareStats() {
  const { store } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const [all, setAll] = useState(false);
  const [withLaunchers, setWithLaunchers] = useState(false);
  if (!diff) return null;
  const deltas = (!withLaunchers && diff.deltasWithoutLaunchers) || diff.deltas;
  const changed = deltas.filter((d) => d.callsA !== d.callsB || d.errorsA !== d.errorsB);
  const rows = all ? deltas : changed;
  const { a, b } = diff.labels;
  return (
    <div className="min-h-0 flex-1 overflow-auto p-2 text-sm">
      <label className="mb-2 flex items-center gap-2 text-xs">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        Show unchanged syscalls too ({deltas.length - changed.length})
      </label>
      {diff.deltasWithoutLaunchers && (
        <label className="mb-2 flex items-center gap-2 text-xs">
          <input
            type="checkbox"
            checked={withLaunchers}
            onChange={(e) => setWithLaunchers(e.currentTarget.checked)}
          />
          Count the chroot program&apos;s own start-up too (left out by default, as in the findings)
        </label>
      )}
      <table className="w-full border-collapse text-right tabular-nums" aria-label="Statistics side by side">
        <thead>
          <tr className="text-xs text-slate-500">
            <th className="text-left">syscall</th>
            <th>calls {a}</th>
            <th>calls {b}</th>
            <th>Δ calls</th>
            <th>errors {a}</th>
            <th>errors {b}</th>
            <th>Δ errors</th>
            <th>time {a} (ms)</th>
            <th>time {b} (ms)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr
              key={d.name}
              className="cursor-pointer border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
              onClick={() => store.getState().setCompare({ nameFilter: d.name, tab: 'aligned' })}
            >
              <td className="text-left font-mono">
                <button type="button" className="link" aria-label={`Show the ${d.name} calls of both runs`}>
                  {d.name}
                </button>
              </td>
              <td>{d.callsA}</td>
              <td>{d.callsB}</td>
              <td
                className={
                  d.callsB > d.callsA
                    ? 'text-green-700 dark:text-green-400'
                    : d.callsB < d.callsA
                      ? 'text-red-700 dark:text-red-400'
                      : ''
                }
              >
                {signed(d.callsB - d.callsA)}
              </td>
              <td>{d.errorsA}</td>
              <td>{d.errorsB}</td>
              <td
                className={d.errorsB !== d.errorsA ? 'font-semibold text-amber-700 dark:text-amber-400' : ''}
              >
                {signed(d.errorsB - d.errorsA)}
              </td>
              <td>{(d.secondsA * 1000).toFixed(2)}</td>
              <td>{(d.secondsB * 1000).toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
