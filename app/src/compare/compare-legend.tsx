import { DIFF_COLORS } from './draw-diff-layers.js';

/** What the comparison's own marks mean (the call colours are the timeline legend's, below it). */
export function CompareLegend() {
  const item = 'flex items-center gap-1';
  return (
    <ul
      aria-label="Comparison legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-slate-200 px-3 py-1 text-xs dark:border-slate-700"
      data-testid="compare-legend"
    >
      <li className={item}>
        <svg width="16" height="10" aria-hidden="true">
          <line x1="2" y1="0" x2="14" y2="10" stroke="rgb(100,116,139)" />
        </svg>
        equal (strip)
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-2.5 w-1 rounded-sm"
          style={{ background: DIFF_COLORS.changed }}
        />
        changed (≠ result, ≠ args)
      </li>
      <li className={item}>
        <span aria-hidden="true" className="inline-block h-2 w-1" style={{ background: DIFF_COLORS.onlyA }} />
        only in A
      </li>
      <li className={item}>
        <span aria-hidden="true" className="inline-block h-2 w-1" style={{ background: DIFF_COLORS.onlyB }} />
        only in B
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-3 w-2.5 border-2"
          style={{ borderColor: DIFF_COLORS.failed }}
        />
        fails in this run only
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-3 w-5 border border-dashed"
          style={{ borderColor: DIFF_COLORS.onlyB, background: DIFF_COLORS.block }}
        />
        launcher start-up (one block)
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 rounded-full border-2"
          style={{ borderColor: DIFF_COLORS.selection }}
        />
        selected
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-3 w-3 rounded-full border-2"
          style={{ borderColor: DIFF_COLORS.evidence }}
        />
        evidence of the finding
      </li>
      <li className={item}>
        <span
          aria-hidden="true"
          className="inline-block h-3 w-px"
          style={{ background: DIFF_COLORS.cursor }}
        />
        shared cursor
      </li>
    </ul>
  );
}
