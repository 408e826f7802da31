import { useAppContext } from '../store/store-context.js';
import { selectAligned } from './compare-actions.js';
import { useCompareState, useCompareStore } from './compare-store.js';

const KIND_LABELS: Record<string, string> = {
  'first-divergence': 'first divergence',
  'failed-only': 'fails in one run',
  'paths-only': 'paths in one run',
  'process-only': 'process in one run',
  'syscall-delta': 'counts and errors',
  'exit-status': 'exit status',
  'env-size': 'environment',
  scaffolding: 'start-up block',
  coarse: 'coarse alignment',
};

/** The ranked findings in plain words; a click brings both timelines and the table to the calls behind one. */
export function FindingsPanel() {
  const { store } = useAppContext();
  const cs = useCompareStore();
  const diff = useCompareState((s) => s.diff);
  const selA = useCompareState((s) => s.selA);
  const selB = useCompareState((s) => s.selB);
  if (!diff) return null;
  return (
    <section aria-label="Diff findings" className="flex min-h-0 flex-col overflow-auto p-2">
      <h2 className="px-1 pb-1 text-sm font-semibold">
        Diff findings{' '}
        <span className="font-normal text-slate-500">({diff.findings.length}, most telling first)</span>
      </h2>
      {diff.findings.length === 0 && <p className="px-1 text-sm">None: the runs make the same calls.</p>}
      <ol className="space-y-1" data-testid="findings-list">
        {diff.findings.map((f, n) => {
          const linked = f.indexA >= 0 || f.indexB >= 0;
          const current = linked && f.indexA === selA && f.indexB === selB;
          return (
            <li key={n}>
              <button
                type="button"
                className={`w-full rounded border px-2 py-1 text-left text-[13px] leading-snug ${current ? 'border-amber-500 bg-amber-50 dark:bg-amber-950' : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'}`}
                disabled={!linked}
                aria-current={current ? 'true' : undefined}
                data-kind={f.kind}
                onClick={() => selectAligned(store, cs, { a: f.indexA, b: f.indexB }, true)}
              >
                <span className="mr-1 rounded bg-slate-200 px-1 text-[11px] font-medium uppercase tracking-wide text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                  {KIND_LABELS[f.kind] ?? f.kind}
                </span>
                {f.message}
                {f.details && f.details.length > 0 && (
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {f.details.slice(0, 4).join(' · ')}
                    {f.details.length > 4 ? ` · … ${f.details.length - 4} more` : ''}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
