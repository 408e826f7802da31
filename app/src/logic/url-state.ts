import type { Category } from './categories.js';
import { CATEGORIES } from './categories.js';
import type { XMode } from './compute-lanes.js';
import type { Filters } from '../store/filters.js';
import { EMPTY_FILTERS } from '../store/filters.js';

/** The shareable part of the view, as it lives in the URL's hash. */
export interface UrlState {
  /** Served trace id (samples and `spelunk serve` inputs); uploads have none, they never leave the browser. */
  trace: string | null;
  /** Two served run ids: the comparison of A and B. */
  compare: [string, string] | null;
  xMode: XMode;
  /** The visible window (of A, in a comparison). */
  window: [number, number] | null;
  /** Selected event (of A, in a comparison), and of B. */
  selected: number | null;
  selectedB: number | null;
  /** A comparison's zoom is linked (the default). */
  linked: boolean;
  filters: Filters;
  highlights: string[];
}

const list = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);
const index = (v: string | null): number | null => (v !== null && /^\d+$/.test(v) ? Number(v) : null);

export function formatUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.compare) p.set('compare', s.compare.join(','));
  else if (s.trace) p.set('trace', s.trace);
  if (s.xMode !== 'time') p.set('x', s.xMode);
  if (s.window) p.set('view', s.window.map((v) => Number(v.toPrecision(15))).join(','));
  if (s.selected !== null) p.set('sel', String(s.selected));
  if (s.compare && s.selectedB !== null) p.set('selb', String(s.selectedB));
  if (s.compare && !s.linked) p.set('linked', '0');
  const f = s.filters;
  if (f.names.length) p.set('name', f.names.join(','));
  if (f.categories.length) p.set('cat', f.categories.join(','));
  if (f.pids.length) p.set('pid', f.pids.join(','));
  if (f.errno) p.set('errno', f.errno);
  if (f.failedOnly) p.set('failed', '1');
  if (f.text) p.set('q', f.text);
  if (s.highlights.length) p.set('hl', s.highlights.join(','));
  return p.toString();
}

export function parseUrlState(hash: string): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = list(p.get('view')).map(Number);
  const x = p.get('x');
  const pair = list(p.get('compare'));
  const filters: Filters = {
    ...EMPTY_FILTERS,
    names: list(p.get('name')),
    categories: list(p.get('cat')).filter((c): c is Category =>
      (CATEGORIES as readonly string[]).includes(c),
    ),
    pids: list(p.get('pid')).map(Number).filter(Number.isFinite),
    errno: p.get('errno') ?? '',
    failedOnly: p.get('failed') === '1',
    text: p.get('q') ?? '',
  };
  return {
    trace: p.get('trace'),
    compare: pair.length === 2 ? [pair[0] as string, pair[1] as string] : null,
    xMode: x === 'order' ? 'order' : 'time',
    window:
      view.length === 2 && view.every(Number.isFinite) && (view[1] as number) > (view[0] as number)
        ? [view[0] as number, view[1] as number]
        : null,
    selected: index(p.get('sel')),
    selectedB: index(p.get('selb')),
    linked: p.get('linked') !== '0',
    filters,
    highlights: list(p.get('hl')),
  };
}
