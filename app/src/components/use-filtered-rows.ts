import { useEffect, useMemo, useState } from 'react';
import { computeFilteredRows } from '../logic/compute-rows.js';
import { useAppContext, useAppState } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';

/**
 * The rows the table shows. Column filters run on the main thread (one pass over typed arrays); the text
 * search needs the raw text, so the worker answers it, debounced while the user types.
 */
export function useFilteredRows(trace: TraceData | undefined): { rows: Int32Array; searching: boolean } {
  const { client } = useAppContext();
  const filters = useAppState((s) => s.filters);
  const [matches, setMatches] = useState<{ trace: TraceData; text: string; indices: Int32Array } | null>(
    null,
  );
  const text = filters.text.trim();
  useEffect(() => {
    if (!trace || !text) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.search('a', text).then((indices) => live && setMatches({ trace, text, indices }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, trace, text]);
  const current = matches && matches.trace === trace && matches.text === text ? matches.indices : null;
  const searching = Boolean(text) && !current;
  const rows = useMemo(
    () =>
      trace
        ? computeFilteredRows(trace, { ...filters, text }, text ? (current ?? new Int32Array(0)) : null)
        : new Int32Array(0),
    [trace, filters, text, current],
  );
  return { rows, searching };
}
