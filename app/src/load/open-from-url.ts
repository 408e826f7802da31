import { openCompare } from '../compare/open-compare.js';
import { pickDefaultCompare, servedSides } from '../compare/compare-sides.js';
import { parseUrlState } from '../logic/url-state.js';
import type { UrlState } from '../logic/url-state.js';
import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import { loadTrace } from './load-trace.js';
import { findServedRun, formatRunId, formatRunTitle, listServedRuns, runInputs } from './served-traces.js';

/**
 * Opens what the URL's hash names (`#compare=A,B` or `#trace=ID`, with its view) from the served list;
 * at start-up, with nothing named, the default: the sample comparison, or the first served trace. Called
 * once the served list has arrived, and again whenever the hash changes (typed by hand, Back, Forward):
 * what is already open is kept and only its view moves.
 */
export async function openFromUrl(
  store: AppStore,
  client: TraceClient,
  hash: string,
  search: string,
  startup: boolean,
): Promise<void> {
  const served = store.getState().served ?? [];
  const u = parseUrlState(hash);
  const s = store.getState();
  if (u.compare) {
    const a = findServedRun(served, u.compare[0]);
    const b = findServedRun(served, u.compare[1]);
    if (!a || !b) return;
    const sides = s.compare.sides;
    const open =
      s.compare.active &&
      s.compare.status === 'ready' &&
      sides?.[0].id === u.compare[0] &&
      sides[1].id === u.compare[1];
    if (!open && !(await openCompare(store, client, ...servedSides(a, b)))) return;
    applyCompareView(store, u);
    return;
  }
  if (u.trace) {
    const run = findServedRun(served, u.trace);
    if (!run) return;
    const current = store.getState();
    if (current.traces.a?.id !== u.trace || current.compare.active) {
      if (current.compare.active) current.endCompare();
      const trace = await loadTrace(
        store,
        client,
        'a',
        u.trace,
        formatRunTitle(run.t, run.r),
        runInputs(run.r),
      );
      if (!trace) return;
    }
    applyTraceView(store, u);
    return;
  }
  if (!startup || s.traces.a || s.load.state === 'loading' || s.compare.active) return;
  // A lesson link (?lesson=) opens the lesson's own run (lesson-bar.tsx): nothing else is opened beside it.
  if (new URLSearchParams(search).has('lesson')) return;
  const pick = pickDefaultCompare(served, hash, search);
  if (pick) {
    await openCompare(store, client, ...servedSides(pick[0], pick[1]));
    return;
  }
  const first = listServedRuns(served)[0];
  if (first)
    await loadTrace(
      store,
      client,
      'a',
      formatRunId(first.t, first.r),
      formatRunTitle(first.t, first.r),
      runInputs(first.r),
    );
}

/** The view part of a URL for the single view (after its trace has loaded). */
function applyTraceView(store: AppStore, u: UrlState): void {
  const s = store.getState();
  s.setXMode(u.xMode);
  s.setFilters(u.filters);
  for (const h of u.highlights) s.addHighlight(h);
  const trace = store.getState().traces.a;
  // The selection first: selecting brings it into view, and the URL's window then has the last word.
  if (trace && u.selected !== null && u.selected < trace.columns.count)
    store.getState().select({ slot: 'a', index: u.selected });
  if (u.window) store.getState().setViewport('a', { x0: u.window[0], x1: u.window[1], laneTop: 0 });
}

/** The view part of a URL for a comparison: x mode, A's window, link, the selected pair. */
function applyCompareView(store: AppStore, u: UrlState): void {
  const s = store.getState();
  s.setXMode(u.xMode);
  for (const h of u.highlights) s.addHighlight(h);
  // The selection first (it brings itself into view), then the URL's window has the last word.
  const { traces } = store.getState();
  const okA = u.selected !== null && u.selected < (traces.a?.columns.count ?? 0);
  const okB = u.selectedB !== null && u.selectedB < (traces.b?.columns.count ?? 0);
  if (okA || okB)
    store.getState().selectAligned({ a: okA ? u.selected! : -1, b: okB ? u.selectedB! : -1 }, false);
  if (u.window) store.getState().setViewport('a', { x0: u.window[0], x1: u.window[1], laneTop: 0 });
  if (!u.linked) store.getState().setLinked(false);
}
