import type { TraceClient } from '../trace/trace-client.js';
import type { AppStore } from './create-app-store.js';

/**
 * The text filter needs the raw lines, which only the worker holds: while the user types, the worker is
 * asked (200 ms after the last key) and its answer stored, for the table and the timeline alike.
 */
export function startSearchSync(store: AppStore, client: TraceClient): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = '';
  const stop = store.subscribe((s, prev) => {
    if (s.filters.text === prev.filters.text && s.traces.a === prev.traces.a) return;
    const trace = s.traces.a;
    const text = s.filters.text.trim();
    if (timer) clearTimeout(timer);
    if (!trace || !text) return;
    const key = `${trace.id}\0${text}`;
    if (key === asked && s.search?.traceId === trace.id && s.search.text === text) return;
    timer = setTimeout(() => {
      asked = key;
      void client.search('a', text).then((matches) => {
        const now = store.getState();
        if (now.traces.a === trace && now.filters.text.trim() === text)
          now.setSearch({ traceId: trace.id, text, matches });
      });
    }, 200);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
