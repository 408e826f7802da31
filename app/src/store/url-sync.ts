import { formatUrlState, parseUrlState } from '../logic/url-state.js';
import type { UrlState } from '../logic/url-state.js';
import type { AppStore } from './create-app-store.js';

/** Trace ids that can be reopened from a URL: served ones. Uploads never leave the browser. */
export function isServedId(id: string): boolean {
  return !id.startsWith('upload:') && !id.startsWith('paste:');
}

export function readUrlState(): UrlState {
  return parseUrlState(window.location.hash);
}

/** Applies the view part of a URL state (after its trace has loaded). */
export function applyUrlView(store: AppStore, u: UrlState): void {
  const s = store.getState();
  s.setXMode(u.xMode);
  s.setFilters(u.filters);
  for (const h of u.highlights) s.addHighlight(h);
  const trace = s.traces.a;
  if (u.window) s.setViewport('a', { x0: u.window[0], x1: u.window[1], laneTop: 0 });
  if (trace && u.selected !== null && u.selected < trace.columns.count)
    s.select({ slot: 'a', index: u.selected });
}

/**
 * Keeps the hash in step with the store: written 300 ms after the view stops changing (replaceState costs
 * several ms in Chromium, too much to do while panning).
 */
export function startUrlSync(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const s = store.getState();
    const trace = s.traces.a;
    if (!trace || s.traces.b) return; // with a trace in slot b the hash names the comparison (compare/compare-url.ts)
    const vp = s.viewports.a;
    const hash = formatUrlState({
      trace: isServedId(trace.id) ? trace.id : null,
      xMode: s.xMode,
      window: vp ? [vp.x0, vp.x1] : null,
      selected: s.selection?.slot === 'a' ? s.selection.index : null,
      filters: s.filters,
      highlights: s.highlights,
    });
    const next = hash ? `#${hash}` : ' ';
    if (window.location.hash !== next)
      history.replaceState(null, '', next === ' ' ? window.location.pathname : next);
  };
  return store.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, 300);
  });
}
