import { formatUrlState } from '../logic/url-state.js';
import type { AppStore } from './create-app-store.js';
import { EMPTY_FILTERS } from './filters.js';
import { isComparing } from './selectors.js';

/** Trace ids that can be reopened from a URL: served ones. Uploads never leave the browser. */
export function isServedId(id: string): boolean {
  return !id.startsWith('upload:') && !id.startsWith('paste:') && !id.startsWith('embedded:');
}

/** The hash that names what the store shows (served traces only), or '' for nothing shareable. */
export function formatStoreHash(store: AppStore): string {
  const s = store.getState();
  const c = s.compare;
  const comparing = isComparing(s) && c.status === 'ready';
  const sides = c.sides;
  if (comparing && !(sides?.[0].served && sides[1].served)) return '';
  const trace = s.traces.a;
  if (!comparing && (!trace || !isServedId(trace.id))) return '';
  const vp = s.viewports.a;
  return formatUrlState({
    trace: comparing ? null : (trace?.id ?? null),
    compare: comparing && sides ? [sides[0].id, sides[1].id] : null,
    xMode: s.xMode,
    window: vp ? [vp.x0, vp.x1] : null,
    selected: comparing
      ? c.selA >= 0
        ? c.selA
        : null
      : s.selection?.slot === 'a'
        ? s.selection.index
        : null,
    selectedB: comparing && c.selB >= 0 ? c.selB : null,
    linked: c.linked,
    filters: comparing ? EMPTY_FILTERS : s.filters,
    highlights: s.highlights,
  });
}

/**
 * Keeps the hash in step with the store: written 300 ms after the view stops changing (replaceState costs
 * several ms in Chromium, too much to do while panning). A lesson keeps its own place in the query string.
 */
export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const s = store.getState();
    if (s.load.state === 'loading' || (s.compare.active && s.compare.status !== 'ready')) return;
    if (!s.traces.a) return;
    const hash = formatStoreHash(store);
    const next = hash ? `#${hash}` : '';
    if (window.location.hash !== next && !(next === '' && window.location.hash === '#'))
      history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${next}`);
  };
  const stop = store.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, 300);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
