import type { XMode } from '../logic/compute-lanes.js';
import { computeRevealedViewport } from '../logic/compute-window.js';
import type { TraceData } from '../trace/trace-data.js';
import type { AppStoreOptions, GetAppState, SetAppState } from './create-app-store.js';
import type { Filters } from './filters.js';
import { EMPTY_FILTERS } from './filters.js';
import {
  isLinked,
  selectLaneModelOf,
  selectViewport,
  selectVisibleLanes,
  selectXExtent,
} from './selectors.js';

/**
 * Trace slots: 'a' alone in the single view; the comparison loads a second trace into 'b', so every
 * per-trace piece of state is keyed by slot.
 */
export type TraceSlot = 'a' | 'b';
export const ALWAYS_HIGHLIGHTED = ['execve', 'brk', 'mmap', 'chroot'] as const;

/** The visible window of one timeline, as plain data (the d3 zoom transform is derived from it). */
export interface Viewport {
  /** Visible x range: seconds from the trace start, or call order. */
  x0: number;
  x1: number;
  /** First visible lane (lanes scroll vertically). */
  laneTop: number;
}

export interface Selection {
  slot: TraceSlot;
  index: number;
}

export interface LoadStatus {
  state: 'idle' | 'loading' | 'error' | 'done';
  slot: TraceSlot;
  label: string;
  /** 0..1, or -1 when the total size is unknown. */
  progress: number;
  message: string;
  /** The worker request of the load in flight (to cancel it), 0 when none. */
  requestId: number;
}

/** The worker's answer to the text filter, for one trace. */
export interface SearchResult {
  traceId: string;
  text: string;
  /** Sorted indices of the events whose line contains the text. */
  matches: Int32Array;
}

/** A stretch of x the user selected on one timeline (shift-drag), summarised under the timeline. */
export interface TimeRange {
  slot: TraceSlot;
  x0: number;
  x1: number;
}

export interface TraceSlice {
  traces: Partial<Record<TraceSlot, TraceData>>;
  /**
   * Each timeline's window as set. While a comparison's zoom is linked, B's x range is not kept here:
   * selectViewport derives it from A's (only B's laneTop is B's own).
   */
  viewports: Partial<Record<TraceSlot, Viewport>>;
  xMode: XMode;
  /** The selected event whose details show; in a comparison its partner is compare.selA / selB. */
  selection: Selection | null;
  filters: Filters;
  search: SearchResult | null;
  /** Syscalls the user highlighted, in addition to ALWAYS_HIGHLIGHTED. */
  highlights: string[];
  load: LoadStatus;
  /** Pids whose descendants are folded into their lane, per slot. */
  collapsed: Partial<Record<TraceSlot, readonly number[]>>;
  range: TimeRange | null;
  /** Height of each timeline's plot in CSS px, as its renderer measured it (how many lanes show). */
  plotHeights: Partial<Record<TraceSlot, number>>;

  setTrace(slot: TraceSlot, trace: TraceData | undefined): void;
  setViewport(slot: TraceSlot, viewport: Viewport): void;
  setXMode(mode: XMode): void;
  /** Selects an event (null: nothing) and brings it into view; in a comparison, its partner too. */
  select(selection: Selection | null): void;
  setFilters(patch: Partial<Filters>): void;
  setSearch(result: SearchResult | null): void;
  addHighlight(name: string): void;
  removeHighlight(name: string): void;
  setLoad(patch: Partial<LoadStatus>): void;
  toggleCollapsed(slot: TraceSlot, pid: number): void;
  setRange(range: TimeRange | null): void;
  setPlotHeight(slot: TraceSlot, heightCssPx: number): void;
  scrollLanes(slot: TraceSlot, delta: number): void;
}

export function createTraceSlice(set: SetAppState, get: GetAppState, options: AppStoreOptions): TraceSlice {
  return {
    traces: {},
    viewports: {},
    xMode: options.xMode ?? 'time',
    selection: null,
    filters: EMPTY_FILTERS,
    search: null,
    highlights: options.highlights ?? [],
    load: { state: 'idle', slot: 'a', label: '', progress: 0, message: '', requestId: 0 },
    collapsed: {},
    range: null,
    plotHeights: {},

    setTrace(slot, trace) {
      const s = get();
      const traces = { ...s.traces, [slot]: trace };
      const viewports = { ...s.viewports };
      delete viewports[slot]; // the timeline fits the new trace on first draw
      const collapsed = { ...s.collapsed };
      delete collapsed[slot];
      const selection = s.selection?.slot === slot ? null : s.selection;
      const range = s.range?.slot === slot ? null : s.range;
      // Another trace in slot a ends the comparison it belonged to (its second run goes too).
      const c = s.compare;
      const ends = slot === 'a' && c.active && c.traceA !== null && trace !== c.traceA;
      if (ends) delete traces.b;
      set({
        traces,
        viewports,
        collapsed,
        selection,
        range,
        filters: EMPTY_FILTERS,
        search: null,
        ...(ends ? { compare: { ...c, ...COMPARISON_ENDED_FIELDS } } : {}),
      });
    },
    setViewport(slot, viewport) {
      const s = get();
      if (slot === 'b' && isLinked(s)) {
        // Linked: B's window is A's plus the offset, so moving B moves A.
        const a = s.viewports.a;
        const off = s.compare.offset;
        set({
          viewports: {
            a: { x0: viewport.x0 - off, x1: viewport.x1 - off, laneTop: a?.laneTop ?? 0 },
            b: viewport,
          },
        });
        return;
      }
      set({ viewports: { ...s.viewports, [slot]: viewport } });
    },
    setXMode(xMode) {
      if (xMode === get().xMode) return;
      set({ xMode, viewports: {}, range: null });
      if (get().compare.status === 'ready') get().frameOnTarget();
    },
    select(selection) {
      const s = get();
      if (s.compare.active && s.compare.status === 'ready') {
        if (selection) s.selectAligned(selection, false);
        else set({ selection: null, compare: { ...s.compare, pair: -1, selA: -1, selB: -1, finding: -1 } });
        return;
      }
      set({ selection });
      if (selection) revealInSlot(get, selection.slot, selection.index);
    },
    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
    },
    setSearch(search) {
      set({ search });
    },
    addHighlight(name) {
      const n = name.trim();
      const h = get().highlights;
      if (!n || h.includes(n) || (ALWAYS_HIGHLIGHTED as readonly string[]).includes(n)) return;
      set({ highlights: [...h, n] });
    },
    removeHighlight(name) {
      set({ highlights: get().highlights.filter((h) => h !== name) });
    },
    setLoad(patch) {
      set({ load: { ...get().load, ...patch } });
    },
    toggleCollapsed(slot, pid) {
      const now = get().collapsed[slot] ?? [];
      const next = now.includes(pid) ? now.filter((p) => p !== pid) : [...now, pid];
      set({ collapsed: { ...get().collapsed, [slot]: next } });
    },
    setRange(range) {
      set({ range: range && range.x1 > range.x0 ? range : null });
    },
    setPlotHeight(slot, heightCssPx) {
      if (get().plotHeights[slot] !== heightCssPx)
        set({ plotHeights: { ...get().plotHeights, [slot]: heightCssPx } });
    },
    scrollLanes(slot, delta) {
      const s = get();
      const vp = selectViewport(s, slot);
      const model = selectLaneModelOf(s, slot);
      if (!vp || !model) return;
      const max = Math.max(0, model.lanes.length - selectVisibleLanes(s, slot));
      const laneTop = Math.max(0, Math.min(max, vp.laneTop + delta));
      if (laneTop !== vp.laneTop) s.setViewport(slot, { ...vp, laneTop });
    },
  };
}

/** What ending a comparison resets; the rest (linked zoom, tab, table filter) stays as the user left it. */
export const COMPARISON_ENDED_FIELDS = {
  active: false,
  diff: null,
  status: 'idle',
  traceA: null,
  traceB: null,
  pair: -1,
  selA: -1,
  selB: -1,
  cursorX: null,
  finding: -1,
  nameFilter: null,
} as const;

/** Pans and scrolls one timeline, only if needed, so event `index` shows. */
function revealInSlot(get: GetAppState, slot: TraceSlot, index: number): void {
  const s = get();
  const vp = selectViewport(s, slot);
  const model = selectLaneModelOf(s, slot);
  const extent = selectXExtent(s, slot);
  if (!vp || !model || !extent) return;
  const next = computeRevealedViewport(model, vp, index, selectVisibleLanes(s, slot), extent);
  if (next !== vp) s.setViewport(slot, next);
}
