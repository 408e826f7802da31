import { findNextDifference } from '../compare/compare-selection.js';
import { computeSibling } from '../logic/compute-rows.js';
import {
  computeCenteredWindow,
  computeMinSpan,
  computePannedWindow,
  computeZoomedWindow,
} from '../logic/compute-window.js';
import type { AppStore } from '../store/create-app-store.js';
import {
  isComparing,
  selectLaneModelOf,
  selectTableRows,
  selectViewport,
  selectXExtent,
} from '../store/selectors.js';

/** Keyboard shortcuts, listed in the help overlay (one table, so help and behaviour never drift). */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['?', 'show or hide this help'],
  ['o', 'open trace files'],
  ['/', 'search the table (text or path)'],
  ['W S  (or + −)', 'zoom in and out'],
  ['A D  (or ← →)', 'pan the timeline'],
  ['0', 'show the whole trace'],
  ['Shift + ↑ ↓ (or Shift + wheel)', 'scroll lanes'],
  ['Shift + drag', 'select a range: its duration and the calls in it'],
  ['j k', 'next / previous event in the table'],
  ['n N', 'next / previous call with the same name'],
  ['p P', 'next / previous event of the same process'],
  ['] [', 'next / previous difference (comparison)'],
  ['f', 'zoom to the selected call (or the selected range)'],
  ['x', 'x axis: time or call order'],
  ['t', 'light or dark theme'],
  ['Esc', 'close help or the open panel, clear the range, then the selection'],
];

/**
 * Handles a key press for the whole page: keys move timeline A (which moves B too while a comparison's
 * zoom is linked). Returns true when the key was used.
 */
export function handleShortcut(e: KeyboardEvent, store: AppStore, openFiles: () => void): boolean {
  const target = e.target as HTMLElement | null;
  const typing =
    target &&
    (target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable);
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return false;
  const s = store.getState();
  switch (e.key) {
    case '?':
      s.setHelpOpen(!s.helpOpen);
      return true;
    case 'Escape':
      if (s.helpOpen) s.setHelpOpen(false);
      else if (s.panel !== 'none' && (s.traces.a || s.compare.active)) s.setPanel('none');
      else if (s.range) s.setRange(null);
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
    case ']':
    case '[': {
      const diff = s.compare.diff;
      if (!isComparing(s) || !diff) return false;
      const k = findNextDifference(diff, s.compare.pair, e.key === ']' ? 1 : -1);
      if (k >= 0) s.selectAligned({ pair: k }, true);
      return true;
    }
  }
  return moveTimeline(e, store);
}

/** Zoom, pan, lane scroll and walking the table. */
function moveTimeline(e: KeyboardEvent, store: AppStore): boolean {
  const s = store.getState();
  const trace = s.traces.a;
  const vp = selectViewport(s, 'a');
  const model = selectLaneModelOf(s, 'a');
  const extent = selectXExtent(s, 'a');
  if (!trace || !vp || !model || !extent) return false;
  const setWindow = (w: { x0: number; x1: number }): void => s.setViewport('a', { ...vp, ...w });
  const sel = s.selection;
  const step = (by: 'name' | 'pid', dir: 1 | -1): void => {
    const t = sel ? s.traces[sel.slot] : undefined;
    if (!t || !sel) return;
    const next = computeSibling(t, sel.index, by, dir);
    if (next >= 0) s.select({ slot: sel.slot, index: next });
  };
  const zoom = (factor: number): void =>
    setWindow(computeZoomedWindow(vp, factor, 0.5, extent, computeMinSpan(model.xMode)));
  const pan = (fraction: number): void => setWindow(computePannedWindow(vp, fraction, extent));
  switch (e.key) {
    case 'ArrowLeft':
    case 'a':
    case 'A':
      pan(e.shiftKey && e.key === 'ArrowLeft' ? -0.5 : -0.1);
      return true;
    case 'ArrowRight':
    case 'd':
    case 'D':
      pan(e.shiftKey && e.key === 'ArrowRight' ? 0.5 : 0.1);
      return true;
    case '+':
    case '=':
    case 'w':
    case 'W':
      zoom(1.5);
      return true;
    case '-':
    case '_':
    case 's':
    case 'S':
      zoom(1 / 1.5);
      return true;
    case '0':
      setWindow(extent);
      return true;
    case 'ArrowUp':
    case 'ArrowDown':
      if (!e.shiftKey) return false;
      s.scrollLanes('a', e.key === 'ArrowUp' ? -1 : 1);
      return true;
    case 'PageUp':
    case 'PageDown':
      s.scrollLanes('a', e.key === 'PageUp' ? -10 : 10);
      return true;
    case 'j':
    case 'k': {
      if (isComparing(s)) return false;
      const rows = selectTableRows(s);
      if (!rows.length) return true;
      const at = sel ? rows.indexOf(sel.index) : -1;
      const k = at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + (e.key === 'j' ? 1 : -1)));
      s.select({ slot: 'a', index: rows[k] as number });
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
    case 'f':
      zoomToFocus(store);
      return true;
  }
  return false;
}

/** `f`: the selected range fills the view; else the selected call, with its lane in view. */
function zoomToFocus(store: AppStore): void {
  const s = store.getState();
  const range = s.range;
  const slot = range?.slot ?? s.selection?.slot ?? 'a';
  const vp = selectViewport(s, slot);
  const model = selectLaneModelOf(s, slot);
  const extent = selectXExtent(s, slot);
  if (!vp || !model || !extent) return;
  if (range) {
    s.setViewport(slot, { ...vp, x0: range.x0, x1: range.x1 });
    return;
  }
  const sel = s.selection;
  if (!sel) return;
  const lane = model.lanes[model.laneOf[sel.index] ?? -1];
  const pos = model.posOf[sel.index] ?? -1;
  if (!lane || pos < 0) return;
  const x = lane.x[pos] as number;
  const span = Math.max(computeMinSpan(model.xMode) * 20, ((lane.xEnd[pos] as number) - x) * 8);
  const w = computeCenteredWindow(x, span, extent);
  const li = model.laneOf[sel.index] as number;
  const laneTop = li < vp.laneTop || li > vp.laneTop + 10 ? Math.max(0, li - 2) : vp.laneTop;
  s.setViewport(slot, { x0: w.x0, x1: w.x1, laneTop });
}
