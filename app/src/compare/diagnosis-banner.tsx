import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import { formatFindingKind, formatRule } from './finding-labels.js';

const CONFIDENCE_STYLE: Record<string, string> = {
  certain: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  likely: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  possible: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

/**
 * The diagnosis, above the timelines: the first finding's sentence, how sure it is and which cause it
 * names (when the diff says), and the lines behind it in each run. The comparison opens with those lines
 * selected in both timelines; the button selects them again.
 */
export function DiagnosisBanner() {
  const { store } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const current = useAppState((s) => s.compare.finding);
  const lineA = (i: number): number | undefined => store.getState().traces.a?.columns.line[i];
  const lineB = (i: number): number | undefined => store.getState().traces.b?.columns.line[i];
  if (!diff) return null;
  const f = diff.findings[0];
  if (!f)
    return (
      <section
        aria-label="Diagnosis"
        data-testid="diagnosis"
        className="border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
      >
        The two runs make the same calls: no difference to explain.
      </section>
    );
  const linked = f.indexA >= 0 || f.indexB >= 0;
  const where = [
    f.evidenceA.length
      ? `${diff.labels.a} line ${lineA(f.evidenceA[0]!)}${f.evidenceA.length > 1 ? ` (+${f.evidenceA.length - 1})` : ''}`
      : '',
    f.evidenceB.length
      ? `${diff.labels.b} line ${lineB(f.evidenceB[0]!)}${f.evidenceB.length > 1 ? ` (+${f.evidenceB.length - 1})` : ''}`
      : '',
  ].filter(Boolean);
  return (
    <section
      aria-label="Diagnosis"
      data-testid="diagnosis"
      data-kind={f.kind}
      data-rule={f.rule ?? ''}
      data-confidence={f.confidence ?? ''}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-800 dark:bg-amber-950/50"
    >
      <span className="rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-800 dark:text-amber-100">
        {f.kind === 'diagnosis' ? 'Diagnosis' : formatFindingKind(f.kind)}
      </span>
      <p
        className="line-clamp-2 min-w-0 flex-1 text-[15px] font-medium leading-snug"
        data-testid="diagnosis-message"
        title={formatVisibleText(f.message)}
      >
        {formatVisibleText(f.message)}
      </p>
      {f.confidence && (
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${CONFIDENCE_STYLE[f.confidence] ?? ''}`}
          data-testid="diagnosis-confidence"
        >
          {f.confidence}
        </span>
      )}
      {f.rule && (
        <span className="text-xs text-slate-600 dark:text-slate-300" data-testid="diagnosis-rule">
          cause: {formatRule(f.rule)}
        </span>
      )}
      {f.expected && (
        <span className="text-xs text-slate-600 dark:text-slate-300">an expected difference</span>
      )}
      {where.length > 0 && (
        <span className="text-xs text-slate-600 dark:text-slate-300">{where.join(' · ')}</span>
      )}
      {linked && (
        <button
          type="button"
          className="btn"
          aria-pressed={current === 0}
          onClick={() => store.getState().selectFinding(0, true)}
        >
          Show in both runs
        </button>
      )}
    </section>
  );
}
