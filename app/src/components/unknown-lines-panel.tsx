import { useEffect, useState } from 'react';
import { formatCount } from '../logic/format-value.js';
import { useAppContext } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';

const LIMIT = 1000;

/** Lines the parser could not place, and its diagnostics: counted and listed, never hidden. */
export function UnknownLinesPanel({ trace }: { trace: TraceData }) {
  const { client, store } = useAppContext();
  const [lines, setLines] = useState<
    { index: number; line: number; file: string | null; text: string }[] | null
  >(null);
  useEffect(() => {
    let live = true;
    void client.unknownLines('a', LIMIT).then((l) => live && setLines(l));
    return () => {
      live = false;
    };
  }, [client, trace]);
  return (
    <div className="h-full overflow-auto p-2 text-xs">
      <p className="mb-2">
        {formatCount(trace.unknownCount)} unknown {trace.unknownCount === 1 ? 'line' : 'lines'};{' '}
        {formatCount(trace.diagnosticCount)} diagnostics.
        {trace.unknownCount > LIMIT ? ` Showing the first ${LIMIT}.` : ''}
      </p>
      {lines && lines.length > 0 && (
        <table className="w-full font-mono" aria-label="Unknown lines">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                line
              </th>
              <th scope="col" className="text-left">
                text
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr
                key={l.index}
                className="cursor-pointer"
                onClick={() => store.getState().select({ slot: 'a', index: l.index })}
              >
                <td className="pr-2 align-top">
                  {l.file ? `${l.file}:` : ''}
                  {l.line}
                </td>
                <td className="break-all">{l.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trace.diagnostics.length > 0 && (
        <>
          <h3 className="mt-3 font-semibold">Diagnostics</h3>
          <ul className="font-mono">
            {trace.diagnostics.slice(0, 200).map((d, k) => (
              <li key={k}>
                {d.file ? `${d.file}:` : ''}
                {d.line} {d.code}: {d.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
