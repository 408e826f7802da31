import { useEffect, useState } from 'react';
import type { ArgNode } from '../../../parsers/model/index.js';
import { formatVisibleText } from '../logic/visible-text.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { EventDetail } from '../worker/worker-protocol.js';

/** An argument's text with what differs between any two runs masked: -y decorations and pointers. */
function masked(text: string): string {
  return text.replace(/<[^<>]*>/g, '').replace(/0x[0-9a-f]+/gi, '0x…');
}

function argsOf(d: EventDetail | null): ArgNode[] {
  return d?.event.kind === 'syscall' ? d.event.args : [];
}

function resultOf(d: EventDetail | null): string {
  if (!d) return '';
  const e = d.event;
  if (e.kind !== 'syscall') return '';
  return e.errno ? `-1 ${e.errno}${e.errText ? ` (${e.errText})` : ''}` : e.ret;
}

/** The selected call in A and in B side by side, the arguments and result that differ emphasised. */
export function CompareDetails() {
  const { client } = useAppContext();
  const diff = useAppState((s) => s.compare.diff);
  const selA = useAppState((s) => s.compare.selA);
  const selB = useAppState((s) => s.compare.selB);
  const pair = useAppState((s) => s.compare.pair);
  const [details, setDetails] = useState<[EventDetail | null, EventDetail | null]>([null, null]);
  useEffect(() => {
    let live = true;
    void Promise.all([
      selA >= 0 ? client.eventDetail('a', selA) : Promise.resolve(null),
      selB >= 0 ? client.eventDetail('b', selB) : Promise.resolve(null),
    ]).then((d) => live && setDetails(d));
    return () => {
      live = false;
    };
  }, [client, selA, selB]);
  if (!diff) return null;
  if (selA < 0 && selB < 0)
    return (
      <section aria-label="Compared call" className="p-3 text-sm text-slate-500">
        Select a call (a finding, a row, or a mark on either timeline) to see both runs&apos; versions side by
        side.
      </section>
    );
  const [da, db] = details;
  const aa = argsOf(da);
  const ab = argsOf(db);
  const n = Math.max(aa.length, ab.length);
  const status =
    pair >= 0
      ? ['equal', 'changed', `only in ${diff.labels.a}`, `only in ${diff.labels.b}`][
          diff.status[pair] as number
        ]
      : 'not aligned';
  const ra = resultOf(da);
  const rb = resultOf(db);
  const both = !!da && !!db;
  const emph = 'rounded bg-amber-200 px-0.5 font-semibold dark:bg-amber-800';
  const nameA = da?.event.kind === 'syscall' ? da.event.name : '';
  const nameB = db?.event.kind === 'syscall' ? db.event.name : '';
  const v = formatVisibleText;
  return (
    <section aria-label="Compared call" className="p-3 text-sm">
      <h2 className="mb-1 font-semibold">
        Compared call <span className="font-normal text-slate-500">({status})</span>
      </h2>
      <table className="w-full table-fixed border-collapse text-xs" data-testid="compare-details">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="w-14" />
            <th>
              {diff.labels.a}
              {da ? ` · line ${da.event.line}` : ''}
            </th>
            <th>
              {diff.labels.b}
              {db ? ` · line ${db.event.line}` : ''}
            </th>
          </tr>
        </thead>
        <tbody className="font-mono">
          <tr>
            <th className="text-left font-sans text-slate-500">call</th>
            <td data-testid="compare-name-a" className={both && nameA !== nameB ? emph : ''}>
              {nameA || (da ? da.event.kind : '—')}
            </td>
            <td data-testid="compare-name-b" className={both && nameA !== nameB ? emph : ''}>
              {nameB || (db ? db.event.kind : '—')}
            </td>
          </tr>
          {Array.from({ length: n }, (_, k) => {
            const x = aa[k];
            const y = ab[k];
            const differs = both && masked(x?.text ?? '') !== masked(y?.text ?? '');
            return (
              <tr key={k} className="align-top">
                <th className="text-left font-sans font-normal text-slate-500">arg {k + 1}</th>
                <td className="break-all">
                  <span className={differs ? emph : ''} data-differs={differs || undefined}>
                    {v(x?.text ?? '')}
                  </span>
                </td>
                <td className="break-all">
                  <span className={differs ? emph : ''} data-differs={differs || undefined}>
                    {v(y?.text ?? '')}
                  </span>
                </td>
              </tr>
            );
          })}
          <tr>
            <th className="text-left font-sans text-slate-500">result</th>
            <td>
              <span className={both && ra !== rb ? emph : ''}>{v(ra)}</span>
            </td>
            <td>
              <span className={both && ra !== rb ? emph : ''}>{v(rb)}</span>
            </td>
          </tr>
        </tbody>
      </table>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-500">Raw lines</summary>
        <pre className="whitespace-pre-wrap break-all">{v(da?.rawLine ?? '')}</pre>
        <pre className="whitespace-pre-wrap break-all">{v(db?.rawLine ?? '')}</pre>
      </details>
    </section>
  );
}
