import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { formatFindingKind } from './finding-labels.js';

/** The ranked findings in plain words; a click brings both timelines and the table to the calls behind one. */
export function FindingsPanel() {
  const { store } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const selA = useAppState((s) => s.compare.selA);
  const selB = useAppState((s) => s.compare.selB);
  const current = useAppState((s) => s.compare.finding);
  if (!diff) return null;
  return (
    <section aria-label="Diff findings" className="flex min-h-0 flex-col p-2">
      <h2 className="px-1 pb-1 text-sm font-semibold">
        Diff findings{' '}
        <span className="font-normal text-slate-500">({diff.findings.length}, most telling first)</span>
      </h2>
      {diff.findings.length === 0 && <p className="px-1 text-sm">None: the runs make the same calls.</p>}
      <ol className="space-y-1" data-testid="findings-list">
        {diff.findings.map((f, n) => {
          const linked = f.indexA >= 0 || f.indexB >= 0;
          const selected = n === current || (current < 0 && linked && f.indexA === selA && f.indexB === selB);
          return (
            <li key={n}>
              <button
                type="button"
                className={`w-full rounded border px-2 py-1 text-left text-[13px] leading-snug ${selected ? 'border-amber-500 bg-amber-50 dark:bg-amber-950' : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900'} ${f.expected ? 'opacity-75' : ''}`}
                disabled={!linked}
                aria-current={selected ? 'true' : undefined}
                data-kind={f.kind}
                onClick={() => store.getState().selectFinding(n, true)}
              >
                <span className="mr-1 rounded bg-slate-200 px-1 text-[11px] font-medium uppercase tracking-wide text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                  {formatFindingKind(f.kind)}
                </span>
                {f.confidence && <span className="mr-1 text-[11px] text-slate-500">({f.confidence})</span>}
                {formatVisibleText(f.message)}
                {f.details && f.details.length > 0 && (
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {formatVisibleText(f.details.slice(0, 4).join(' · '))}
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
