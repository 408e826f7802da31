import { computeSibling } from '../logic/compute-rows.js';
import {
  computeCenteredWindow,
  computeMinSpan,
  computePannedWindow,
  computeZoomedWindow,
} from '../logic/compute-window.js';
import { selectLaneModel } from '../logic/derived.js';
import type { AppStore } from '../store/create-app-store.js';
import { renderers } from '../timeline/timeline-view.js';

/** Keyboard shortcuts, listed in the help overlay (one table, so help and behaviour never drift). */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['?', 'show or hide this help'],
  ['o', 'open trace files'],
  ['/', 'search the table (text or path)'],
  ['← →', 'pan the timeline'],
  ['+ −', 'zoom in and out'],
  ['0', 'show the whole trace'],
  ['Shift + ↑ ↓ (or Shift + wheel)', 'scroll lanes'],
  ['j k', 'next / previous event in the table'],
  ['n N', 'next / previous call with the same name'],
  ['p P', 'next / previous event of the same process'],
  ['f', 'zoom to the selected call'],
  ['x', 'x axis: time or call order'],
  ['t', 'light or dark theme'],
  ['Esc', 'close help, clear selection'],
];

/**
 * Handles a key press for the whole page. `rows` gives the table's current rows (j/k walk them).
 * Returns true when the key was used.
 */
export function handleShortcut(
  e: KeyboardEvent,
  store: AppStore,
  rows: () => Int32Array,
  openFiles: () => void,
): boolean {
  const target = e.target as HTMLElement | null;
  const typing =
    target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return false;
  const s = store.getState();
  const trace = s.traces.a;
  const vp = s.viewports.a;
  const model = trace ? selectLaneModel(trace, s.xMode) : null;
  const extent = model ? { x0: model.xMin, x1: model.xMax } : null;
  const setWindow = (w: { x0: number; x1: number }): void => {
    if (vp) s.setViewport('a', { ...vp, ...w });
  };
  const sel = s.selection;
  const step = (by: 'name' | 'pid', dir: 1 | -1): void => {
    if (!trace || !sel) return;
    const next = computeSibling(trace, sel.index, by, dir);
    if (next >= 0) s.select({ slot: sel.slot, index: next });
  };
  switch (e.key) {
    case '?':
      s.setHelpOpen(!s.helpOpen);
      return true;
    case 'Escape':
      if (s.helpOpen) s.setHelpOpen(false);
      else s.select(null);
      return true;
    case 'o':
      openFiles();
      return true;
    case '/':
      document.getElementById('filter-text')?.focus();
      return true;
    case 't':
      s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
      return true;
    case 'x':
      s.setXMode(s.xMode === 'time' ? 'order' : 'time');
      return true;
  }
  if (!vp || !extent || !model) return false;
  switch (e.key) {
    case 'ArrowLeft':
    case 'ArrowRight':
      setWindow(computePannedWindow(vp, (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 0.5 : 0.1), extent));
      return true;
    case '+':
    case '=':
    case '-':
    case '_':
      setWindow(
        computeZoomedWindow(
          vp,
          e.key === '+' || e.key === '=' ? 1.5 : 1 / 1.5,
          0.5,
          extent,
          computeMinSpan(model.xMode),
        ),
      );
      return true;
    case '0':
      setWindow(extent);
      return true;
    case 'ArrowUp':
    case 'ArrowDown':
      if (!e.shiftKey) return false;
      renderers.get('a')?.scrollLanes(e.key === 'ArrowUp' ? -1 : 1);
      return true;
    case 'PageUp':
    case 'PageDown':
      renderers.get('a')?.scrollLanes(e.key === 'PageUp' ? -10 : 10);
      return true;
    case 'j':
    case 'k': {
      const r = rows();
      if (!r.length) return true;
      const at = sel ? r.indexOf(sel.index) : -1;
      const k = at < 0 ? 0 : Math.max(0, Math.min(r.length - 1, at + (e.key === 'j' ? 1 : -1)));
      s.select({ slot: 'a', index: r[k] as number });
      return true;
    }
    case 'n':
    case 'N':
      step('name', e.key === 'n' ? 1 : -1);
      return true;
    case 'p':
    case 'P':
      step('pid', e.key === 'p' ? 1 : -1);
      return true;
    case 'f': {
      if (!sel) return true;
      const lane = model.lanes[model.laneOf[sel.index] ?? -1];
      const pos = model.posOf[sel.index] ?? -1;
      if (!lane || pos < 0) return true;
      const x = lane.x[pos] as number;
      const span = Math.max(computeMinSpan(model.xMode) * 20, ((lane.xEnd[pos] as number) - x) * 8);
      setWindow(computeCenteredWindow(x, span, extent));
      // Bring the lane into view too.
      const laneIdx = model.laneOf[sel.index] as number;
      const cur = store.getState().viewports.a;
      if (cur && (laneIdx < cur.laneTop || laneIdx > cur.laneTop + 10))
        s.setViewport('a', { ...cur, laneTop: Math.max(0, laneIdx - 2) });
      return true;
    }
  }
  return false;
}
