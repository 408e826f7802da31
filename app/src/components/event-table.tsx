import { useEffect, useRef, useState } from 'react';
import { EVENT_KINDS } from '../../../parsers/model/index.js';
import { selectTimeRange } from '../logic/derived.js';
import { lowerBound } from '../logic/search-sorted.js';
import { formatDuration, formatSeconds } from '../logic/format-value.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';
import { KIND } from '../trace/trace-data.js';

const ROW_PX = 24;
const OVERSCAN = 10;

/**
 * Every event (after filters) in a real <table>, virtualized: only the rows in view exist in the DOM,
 * with spacer rows above and below. Argument text comes from the worker for the visible rows only.
 */
export function EventTable({ trace, rows }: { trace: TraceData; rows: Int32Array }) {
  const { client, store } = useAppContext();
  const selection = useAppState((s) => s.selection);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [texts, setTexts] = useState<{ trace: TraceData; map: Map<number, string> }>({
    trace,
    map: new Map(),
  });
  const textMap = texts.trace === trace ? texts.map : new Map<number, string>();

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  const visible = Array.from(rows.subarray(first, last));

  useEffect(() => {
    const missing = visible.filter((i) => !textMap.has(i));
    if (!missing.length) return;
    let live = true;
    void client.rowTexts('a', missing).then((res) => {
      if (!live) return;
      setTexts((prev) => {
        const map = prev.trace === trace ? new Map(prev.map) : new Map<number, string>();
        for (const r of res) map.set(r.index, r.text);
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
    const k = lowerBound(rows, selection.index);
    if (rows[k] !== selection.index) return;
    const top = k * ROW_PX;
    if (top < el.scrollTop || top + ROW_PX > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [selection, rows]);

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
          <col className="w-16" />
          <col className="w-24" />
          <col className="w-16" />
          <col className="w-32" />
          <col />
          <col className="w-36" />
          <col className="w-20" />
          <col className="w-20" />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col">line</th>
            <th scope="col">time</th>
            <th scope="col">pid</th>
            <th scope="col">call</th>
            <th scope="col">arguments</th>
            <th scope="col">returned</th>
            <th scope="col">error</th>
            <th scope="col">duration</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_PX }} />}
          {visible.map((i, k) => {
            const kind = c.kind[i] as number;
            const errno = trace.errnos[c.errnoId[i] as number];
            const selected = selection?.slot === 'a' && selection.index === i;
            const ret = c.ret[i] as number;
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
                <td>{c.line[i]}</td>
                <td>
                  {Number.isNaN(c.ts[i] as number)
                    ? ''
                    : `+${formatSeconds((c.ts[i] as number) - t0, span, true)}`}
                </td>
                <td>{(c.pid[i] as number) < 0 ? '' : c.pid[i]}</td>
                <td className="truncate">
                  {kind === KIND.syscall
                    ? trace.names[c.nameId[i] as number]
                    : `${EVENT_KINDS[kind]} ${trace.names[c.nameId[i] as number] ?? ''}`}
                </td>
                <td className="truncate" title={textMap.get(i)}>
                  {textMap.get(i) ?? '…'}
                </td>
                <td className="truncate">
                  {kind === KIND.syscall ? (Number.isNaN(ret) ? '?' : formatRet(ret)) : ''}
                </td>
                <td className={errno ? 'text-red-700 dark:text-red-400' : ''}>{errno ?? ''}</td>
                <td>{formatDuration(Number.isNaN(c.dur[i] as number) ? null : (c.dur[i] as number))}</td>
              </tr>
            );
          })}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_PX }} />}
        </tbody>
      </table>
    </div>
  );
}

function formatRet(ret: number): string {
  return Math.abs(ret) >= 0x10000000 ? `0x${ret.toString(16)}` : String(ret);
}
