import type { ReactElement } from 'react';
import { useEffect, useState } from 'react';
import { lookupErrno, lookupSyscall } from '../logic/catalog.js';
import type { TraceEvent } from '../../../parsers/model/index.js';
import { computeSibling } from '../logic/compute-rows.js';
import { selectTimeRange } from '../logic/derived.js';
import { formatDuration, formatSeconds } from '../logic/format-value.js';
import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { EventDetail } from '../worker/worker-protocol.js';
import { ArgTree } from './arg-tree.js';

/** The selected call in full: arguments, result, timing, stack, raw line, a plain-language note. */
export function DetailsPanel() {
  const { client, store } = useAppContext();
  const selection = useAppState((s) => s.selection);
  const trace = useAppState((s) => (s.selection ? s.traces[s.selection.slot] : undefined));
  const [detail, setDetail] = useState<EventDetail | null>(null);

  useEffect(() => {
    let live = true;
    setDetail(null);
    if (selection) void client.eventDetail(selection.slot, selection.index).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [client, selection, trace]);

  const go = (by: 'name' | 'pid', dir: 1 | -1): void => {
    if (!selection || !trace) return;
    const next = computeSibling(trace, selection.index, by, dir);
    if (next >= 0) store.getState().select({ slot: selection.slot, index: next });
  };

  return (
    <section role="region" aria-label="Event details" className="panel h-full overflow-auto p-3 text-sm">
      <h2 className="panel-title">Event details</h2>
      {!selection || !trace ? (
        <p className="text-slate-500">Select a call in the timeline or the table.</p>
      ) : !detail ? (
        <p className="text-slate-500">Loading…</p>
      ) : (
        <EventBody detail={detail} range={selectTimeRange(trace)} />
      )}
      {selection && trace && (
        <nav aria-label="Related calls" className="mt-3 flex flex-wrap gap-1">
          <button type="button" className="btn" onClick={() => go('name', -1)}>
            ← same name
          </button>
          <button type="button" className="btn" onClick={() => go('name', 1)}>
            same name →
          </button>
          <button type="button" className="btn" onClick={() => go('pid', -1)}>
            ← same process
          </button>
          <button type="button" className="btn" onClick={() => go('pid', 1)}>
            same process →
          </button>
        </nav>
      )}
    </section>
  );
}

function EventBody({ detail, range }: { detail: EventDetail; range: { t0: number; span: number } }) {
  const ev = detail.event;
  const title = ev.kind === 'syscall' ? ev.name : ev.kind;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-mono text-base font-semibold" data-testid="details-name">
          {title}
        </span>
        {ev.pid !== null && <span>pid {ev.pid}</span>}
        {ev.ts !== null && (
          <span title={String(ev.ts)}>at +{formatSeconds(ev.ts - range.t0, range.span, true)}</span>
        )}
        <span className="text-slate-500" data-testid="details-line">
          line {ev.line}
          {detail.file ? ` of ${formatVisibleText(detail.file)}` : ''}
        </span>
      </div>
      <Note ev={ev} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">{...resultRows(ev)}</dl>
      {ev.kind === 'syscall' && (
        <div>
          <h3 className="text-xs font-semibold uppercase text-slate-500">Arguments</h3>
          <ArgTree args={ev.args} names={lookupSyscall(ev.name)?.args.map((a) => a.name)} />
        </div>
      )}
      {ev.kind === 'syscall' && ev.stack?.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase text-slate-500">Stack (-k)</h3>
          <ol className="font-mono text-xs">
            {ev.stack.map((f, k) => (
              <li key={k}>{formatVisibleText(f)}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold uppercase text-slate-500">
          Raw line {ev.line}
          {detail.file ? ` of ${formatVisibleText(detail.file)}` : ''}
        </h3>
        <pre
          className="whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
          data-testid="details-raw"
        >
          {formatVisibleText(detail.rawLine)}
          {detail.endRawLine ? `\n${formatVisibleText(detail.endRawLine)}` : ''}
        </pre>
      </div>
    </div>
  );
}

function resultRows(ev: TraceEvent): ReactElement[] {
  const row = (k: string, v: string | number): ReactElement[] => [
    <dt key={`${k}-t`} className="text-slate-500">
      {k}
    </dt>,
    <dd key={`${k}-d`} className="font-mono break-all">
      {typeof v === 'string' ? formatVisibleText(v) : v}
    </dd>,
  ];
  switch (ev.kind) {
    case 'syscall':
      return [
        ...row('returned', ev.ret + (ev.retPath ? ` → ${ev.retPath}` : '')),
        ...(ev.errno ? row('error', `${ev.errno}${ev.errText ? ` (${ev.errText})` : ''}`) : []),
        ...(ev.dur !== null ? row('duration', formatDuration(ev.dur)) : []),
        ...(ev.status ? row('status', ev.status) : []),
        ...(ev.notes?.length ? row('notes', ev.notes.join('; ')) : []),
      ];
    case 'signal':
      return [...row('signal', ev.signal), ...(ev.info ? row('info', ev.info.text) : [])];
    case 'exit':
      return row('exit code', ev.code);
    case 'killed':
      return row('killed by', `${ev.signal}${ev.core ? ' (core dumped)' : ''}`);
    case 'unknown':
      return row('not understood', ev.reason);
    default:
      return [];
  }
}

/** A short plain-language note from the catalogue; the teaching issue deepens it. */
function Note({ ev }: { ev: TraceEvent }) {
  if (ev.kind !== 'syscall') return null;
  const info = lookupSyscall(ev.name);
  const errno = ev.errno ? lookupErrno(ev.errno) : null;
  const errMeaning = ev.errno ? info?.errors.find((e) => e.errno === ev.errno)?.meaning : undefined;
  if (!info?.summary && !errno) return null;
  return (
    <div
      className="rounded border border-sky-200 bg-sky-50 p-2 text-xs dark:border-sky-900 dark:bg-sky-950"
      aria-label="Note"
    >
      {info?.summary && (
        <p>
          <span className="font-semibold">{info.manPage}:</span> {info.summary}
        </p>
      )}
      {errno && (
        <p className="mt-1">
          <span className="font-semibold">{errno.name}</span> ({errno.message}):{' '}
          {errMeaning ?? errno.explanation}
        </p>
      )}
    </div>
  );
}
