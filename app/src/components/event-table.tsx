import { useEffect, useRef, useState } from 'react';
import { EVENT_KINDS } from '../../../parsers/model/index.js';
import type { SortKey } from '../logic/compute-rows.js';
import { selectTimeRange } from '../logic/derived.js';
import { formatDuration, formatReturn, formatSeconds } from '../logic/format-value.js';
import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';
import type { RowText } from '../worker/worker-protocol.js';

const ROW_PX = 24;
const OVERSCAN = 10;

interface Column {
  key: SortKey | 'args';
  title: string;
  /** Width in rem; undefined takes the rest (the arguments). */
  rem?: number;
  /** Below this table width (CSS px) the column is left out: its value is in the details and tooltips. */
  minTablePx?: number;
}

const COLUMNS: readonly Column[] = [
  { key: 'line', title: 'line', rem: 3.75 },
  { key: 'time', title: 'time', rem: 6, minTablePx: 840 },
  { key: 'pid', title: 'pid', rem: 4 },
  { key: 'call', title: 'call', rem: 7 },
  { key: 'args', title: 'arguments' },
  { key: 'returned', title: 'returned', rem: 8.5 },
  { key: 'error', title: 'error', rem: 6 },
  { key: 'duration', title: 'duration', rem: 5, minTablePx: 760 },
];

/**
 * Every event (after filters) in a real <table>, virtualized: only the rows in view exist in the DOM,
 * with spacer rows above and below. Argument and result text come from the worker for the visible rows
 * only. Headers sort (click again to reverse, a third time for trace order); on a narrow table the
 * time and duration columns step aside so the arguments keep their room.
 */
export function EventTable({ trace, rows }: { trace: TraceData; rows: Int32Array }) {
  const { client, store } = useAppContext();
  const selection = useAppState((s) => s.selection);
  const sort = useAppState((s) => s.tableSort);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 1000, height: 400 });
  const [texts, setTexts] = useState<{ trace: TraceData; map: Map<number, RowText> }>({
    trace,
    map: new Map(),
  });
  const textMap = texts.trace === trace ? texts.map : new Map<number, RowText>();

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + size.height) / ROW_PX) + OVERSCAN);
  const visible = Array.from(rows.subarray(first, last));

  useEffect(() => {
    const missing = visible.filter((i) => !textMap.has(i));
    if (!missing.length) return;
    let live = true;
    void client.rowTexts('a', missing).then((res) => {
      if (!live) return;
      setTexts((prev) => {
        const map = prev.trace === trace ? new Map(prev.map) : new Map<number, RowText>();
        for (const r of res) map.set(r.index, r);
        if (map.size > 5000) for (const k of [...map.keys()].slice(0, map.size - 5000)) map.delete(k);
        return { trace, map };
      });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, trace, first, last, rows]);

  // Keep the selected row in view when the selection comes from elsewhere (timeline, keyboard).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !selection || selection.slot !== 'a') return;
    const k = rows.indexOf(selection.index);
    if (k < 0) return;
    const top = k * ROW_PX;
    if (top < el.scrollTop || top + ROW_PX > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [selection, rows]);

  const columns = COLUMNS.filter((col) => !col.minTablePx || size.width >= col.minTablePx);
  const shows = (key: Column['key']): boolean => columns.some((col) => col.key === key);
  const toggleSort = (key: SortKey): void => {
    const st = store.getState();
    const now = st.tableSort;
    st.setTableSort(now?.key !== key ? { key, dir: 'asc' } : now.dir === 'asc' ? { key, dir: 'desc' } : null);
  };
  const c = trace.columns;
  const { t0, span } = selectTimeRange(trace);
  return (
    <div
      ref={scrollRef}
      className="h-full overflow-auto"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={-1}
    >
      <table
        className="event-table w-full table-fixed border-collapse font-mono text-xs"
        aria-label={`Events of ${trace.title}`}
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {columns.map((col) => (
            <col key={col.key} style={col.rem ? { width: `${col.rem}rem` } : undefined} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800">
          <tr>
            {columns.map((col) => (
              <th
                key={col.key}
                scope="col"
                aria-sort={
                  sort?.key === col.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {col.key === 'args' ? (
                  col.title
                ) : (
                  <button
                    type="button"
                    className="w-full truncate text-left font-semibold hover:underline"
                    onClick={() => toggleSort(col.key as SortKey)}
                    aria-label={`Sort by ${col.title}`}
                  >
                    {col.title}
                    {sort?.key === col.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_PX }} />}
          {visible.map((i, k) => {
            const kind = c.kind[i] as number;
            const errno = trace.errnos[c.errnoId[i] as number];
            const selected = selection?.slot === 'a' && selection.index === i;
            const name = trace.names[c.nameId[i] as number] ?? '';
            const row = textMap.get(i);
            const args = row ? formatVisibleText(row.text) : undefined;
            const ret =
              kind === KIND.syscall ? row?.ret || formatReturn(name, c.ret[i] as number) || '?' : '';
            return (
              <tr
                key={i}
                aria-rowindex={first + k + 2}
                aria-selected={selected}
                data-index={i}
                className={`cursor-pointer ${selected ? 'row-selected' : ''} ${errno ? 'row-failed' : ''}`}
                style={{ height: ROW_PX }}
                onClick={() => store.getState().select({ slot: 'a', index: i })}
              >
                <td data-col="line">{c.line[i]}</td>
                {shows('time') && (
                  <td data-col="time">
                    {Number.isNaN(c.ts[i] as number)
                      ? ''
                      : `+${formatSeconds((c.ts[i] as number) - t0, span, true)}`}
                  </td>
                )}
                <td data-col="pid">{(c.pid[i] as number) < 0 ? '' : c.pid[i]}</td>
                <td data-col="call" className="truncate">
                  {kind === KIND.syscall ? name : `${EVENT_KINDS[kind]} ${name}`}
                </td>
                <td data-col="args" className="truncate" title={args}>
                  {args ?? '…'}
                </td>
                <td data-col="returned" className="truncate" title={ret}>
                  {formatVisibleText(ret)}
                </td>
                <td data-col="error" className={errno ? 'text-red-700 dark:text-red-400' : ''}>
                  {errno ?? ''}
                </td>
                {shows('duration') && (
                  <td data-col="duration">
                    {formatDuration(Number.isNaN(c.dur[i] as number) ? null : (c.dur[i] as number))}
                  </td>
                )}
              </tr>
            );
          })}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_PX }} />}
        </tbody>
      </table>
    </div>
  );
}
