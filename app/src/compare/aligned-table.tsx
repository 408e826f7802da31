import { useEffect, useMemo, useRef, useState } from 'react';
import { formatReturn } from '../logic/format-value.js';
import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';
import type { RowText } from '../worker/worker-protocol.js';
import { isLauncherBlock } from './compare-selection.js';
import type { DiffData } from './diff-data.js';
import { formatChange } from './draw-diff-layers.js';

const ROW_PX = 22;
const MARK = ['=', '~', '−', '+'];
const ROW_CLASS = [
  '',
  'bg-amber-50 dark:bg-amber-950/40',
  'bg-red-50 dark:bg-red-950/40',
  'bg-green-50 dark:bg-green-950/40',
];

/** `name(args) = result` as strace printed it (the worker's text), or from the columns while it comes. */
function callText(t: TraceData, i: number, row: RowText | undefined): string {
  const c = t.columns;
  const name = t.names[c.nameId[i] as number] ?? '?';
  const errno = t.errnos[c.errnoId[i] as number];
  const ret = row?.ret || formatReturn(name, c.ret[i] as number);
  const result = errno ? ` = -1 ${errno}` : ret ? ` = ${ret}` : '';
  return formatVisibleText(`${name}(${row?.text ?? '…'})${result}`);
}

/**
 * Rows of the alignment: every pair, or only the differences. A launcher stage only one run has (the
 * chroot program's start-up) is one folded row, -(block + 1), until it is expanded.
 */
function useRows(
  diff: DiffData | null,
  diffsOnly: boolean,
  expanded: ReadonlySet<number>,
  keep: ((k: number) => boolean) | null,
): Int32Array {
  return useMemo(() => {
    if (!diff) return new Int32Array(0);
    const out = new Int32Array(diff.count + diff.blocks.length);
    let n = 0;
    diff.blocks.forEach((block, b) => {
      if (isLauncherBlock(block) && !expanded.has(b) && !keep) {
        out[n++] = -(b + 1);
        return;
      }
      for (let k = block.start; k < block.end; k++)
        if ((!diffsOnly || diff.status[k] !== 0) && (!keep || keep(k))) out[n++] = k;
    });
    return out.slice(0, n);
  }, [diff, diffsOnly, expanded, keep]);
}

/**
 * The alignment as a table, one row per pair: A's call on the left, B's on the right, the status between.
 * Only the visible rows exist in the DOM; their argument text comes from the worker.
 */
export function AlignedTable() {
  const { store, client } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const diffsOnly = useAppState((s) => s.compare.diffsOnly);
  const nameFilter = useAppState((s) => s.compare.nameFilter);
  const pair = useAppState((s) => s.compare.pair);
  const ta = useAppState((s) => s.traces.a);
  const tb = useAppState((s) => s.traces.b);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // A statistics row clicked: only the pairs whose call (in either run) has that name.
  const keep = useMemo(() => {
    if (!nameFilter || !diff || !ta || !tb) return null;
    const idA = ta.names.indexOf(nameFilter);
    const idB = tb.names.indexOf(nameFilter);
    return (k: number): boolean => {
      const i = diff.pairA[k] as number;
      const j = diff.pairB[k] as number;
      return (i >= 0 && ta.columns.nameId[i] === idA) || (j >= 0 && tb.columns.nameId[j] === idB);
    };
  }, [nameFilter, diff, ta, tb]);
  const rows = useRows(diff, diffsOnly, expanded, keep);
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [texts, setTexts] = useState<{ a: Map<number, RowText>; b: Map<number, RowText> }>({
    a: new Map(),
    b: new Map(),
  });

  const first = Math.max(0, Math.floor(top / ROW_PX) - 5);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_PX) + 5);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (!diff) return;
    const ia: number[] = [];
    const ib: number[] = [];
    for (let r = first; r < last; r++) {
      const k = rows[r] as number;
      if (k < 0) continue;
      if ((diff.pairA[k] as number) >= 0) ia.push(diff.pairA[k] as number);
      if ((diff.pairB[k] as number) >= 0) ib.push(diff.pairB[k] as number);
    }
    let live = true;
    void Promise.all([client.rowTexts('a', ia), client.rowTexts('b', ib)]).then(([ra, rb]) => {
      if (live)
        setTexts({
          a: new Map(ra.map((r) => [r.index, r])),
          b: new Map(rb.map((r) => [r.index, r])),
        });
    });
    return () => {
      live = false;
    };
  }, [client, diff, rows, first, last]);
  // Bring the selected pair into view (a finding or a timeline click chose it), unfolding its block.
  useEffect(() => {
    const el = scroller.current;
    if (!el || pair < 0 || !diff) return;
    const r = rows.indexOf(pair);
    if (r < 0) {
      const b = diff.blocks.findIndex((bl) => pair >= bl.start && pair < bl.end);
      if (b >= 0 && !expanded.has(b)) setExpanded(new Set([...expanded, b]));
      return;
    }
    const y = r * ROW_PX;
    if (y < el.scrollTop || y > el.scrollTop + el.clientHeight - ROW_PX)
      el.scrollTop = Math.max(0, y - el.clientHeight / 3);
  }, [pair, rows, diff, expanded]);

  if (!diff || !ta || !tb) return null;
  const { a: la, b: lb } = diff.labels;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-3 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={diffsOnly}
            onChange={(e) => store.getState().setCompare({ diffsOnly: e.currentTarget.checked })}
          />
          Differences only
        </label>
        {nameFilter && (
          <button
            type="button"
            className="btn px-1.5 py-0 text-xs"
            onClick={() => store.getState().setCompare({ nameFilter: null })}
            aria-label={`Show every call, not only ${nameFilter}`}
          >
            only <span className="mx-1 font-mono">{nameFilter}</span> ×
          </button>
        )}
        <span data-testid="aligned-row-count">{rows.length} rows</span>
        <span className="text-slate-500">] / [ next / previous difference ·</span>
        <span className="text-slate-500">
          = equal · ~ changed · − only in {la} · + only in {lb}
        </span>
      </div>
      <div
        ref={scroller}
        className="min-h-0 flex-1 overflow-auto font-mono text-xs"
        role="grid"
        aria-label="Aligned calls"
        aria-rowcount={rows.length}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: rows.length * ROW_PX, position: 'relative' }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, n) => {
            const r = first + n;
            const k = rows[r] as number;
            if (k < 0) {
              const b = -k - 1;
              const block = diff.blocks[b]!;
              const side = block.kind === 'onlyA' ? la : lb;
              const program = (block.kind === 'onlyA' ? block.programA : block.programB) || 'launcher';
              return (
                <div
                  key={`block-${b}`}
                  role="row"
                  aria-rowindex={r + 1}
                  className={`absolute left-0 right-0 flex items-center gap-2 whitespace-nowrap px-2 font-sans ${ROW_CLASS[block.kind === 'onlyA' ? 2 : 3]}`}
                  style={{ top: r * ROW_PX, height: ROW_PX }}
                >
                  <span role="gridcell" className="w-3 text-center font-bold">
                    {block.kind === 'onlyA' ? MARK[2] : MARK[3]}
                  </span>
                  <span role="gridcell" className="min-w-0 flex-1 truncate">
                    {block.end - block.start} calls only in {side}: the {program} program's own start-up
                    {block.why === 'launcher' ? ' (a launcher)' : ''}
                    {block.why === 'runtime-scaffolding' ? ' (the container runtime, all its processes)' : ''}
                    , one block, not compared call by call.{' '}
                    <button
                      type="button"
                      className="underline"
                      onClick={() => setExpanded(new Set([...expanded, b]))}
                    >
                      Show its calls
                    </button>
                  </span>
                </div>
              );
            }
            const i = diff.pairA[k] as number;
            const j = diff.pairB[k] as number;
            const st = diff.status[k] as number;
            const selected = k === pair;
            return (
              <div
                key={k}
                role="row"
                aria-rowindex={r + 1}
                aria-selected={selected}
                data-pair={k}
                className={`absolute left-0 right-0 flex cursor-pointer items-center gap-2 whitespace-nowrap px-2 ${ROW_CLASS[st]} ${selected ? 'outline outline-2 -outline-offset-2 outline-amber-500' : ''}`}
                style={{ top: r * ROW_PX, height: ROW_PX }}
                onClick={() => store.getState().selectAligned({ pair: k }, true)}
              >
                <span
                  role="gridcell"
                  className="w-3 text-center font-bold"
                  title={['equal', 'changed', `only in ${la}`, `only in ${lb}`][st]}
                >
                  {MARK[st]}
                </span>
                <span role="gridcell" className="w-12 shrink-0 text-right text-slate-500">
                  {i >= 0 ? ta.columns.line[i] : ''}
                </span>
                <span role="gridcell" className="shrink-0 truncate" style={{ width: 'calc(50% - 4.5rem)' }}>
                  {i >= 0 ? callText(ta, i, texts.a.get(i)) : ''}
                </span>
                <span role="gridcell" className="w-12 shrink-0 text-right text-slate-500">
                  {j >= 0 ? tb.columns.line[j] : ''}
                </span>
                <span role="gridcell" className="min-w-0 flex-1 truncate">
                  {j >= 0 ? callText(tb, j, texts.b.get(j)) : ''}
                  {st === 1 && (
                    <span className="ml-2 text-amber-700 dark:text-amber-400">
                      ≠ {formatChange(diff.change[k] as number)}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
