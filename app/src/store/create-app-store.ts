import { createStore } from 'zustand/vanilla';
import type { XMode } from '../logic/compute-lanes.js';
import type { TraceData } from '../trace/trace-data.js';
import type { Filters } from './filters.js';
import { EMPTY_FILTERS } from './filters.js';

/**
 * Trace slots. Part 1 uses 'a' only; the comparison view (issue 6) loads a second trace into 'b' and adds
 * its alignment next to these, so every per-trace piece of state is keyed by slot from the start.
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
}

export interface AppState {
  traces: Partial<Record<TraceSlot, TraceData>>;
  viewports: Partial<Record<TraceSlot, Viewport>>;
  xMode: XMode;
  selection: Selection | null;
  filters: Filters;
  /** Syscalls the user highlighted, in addition to ALWAYS_HIGHLIGHTED. */
  highlights: string[];
  theme: 'light' | 'dark';
  helpOpen: boolean;
  load: LoadStatus;

  setTrace(slot: TraceSlot, trace: TraceData | undefined): void;
  setViewport(slot: TraceSlot, viewport: Viewport): void;
  setXMode(mode: XMode): void;
  select(selection: Selection | null): void;
  setFilters(patch: Partial<Filters>): void;
  addHighlight(name: string): void;
  removeHighlight(name: string): void;
  setTheme(theme: 'light' | 'dark'): void;
  setHelpOpen(open: boolean): void;
  setLoad(patch: Partial<LoadStatus>): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** One store per app instance; tests create their own and drive it through these actions. */
export function createAppStore(initial: Partial<Pick<AppState, 'theme' | 'xMode' | 'highlights'>> = {}) {
  return createStore<AppState>()((set, get) => ({
    traces: {},
    viewports: {},
    xMode: initial.xMode ?? 'time',
    selection: null,
    filters: EMPTY_FILTERS,
    highlights: initial.highlights ?? [],
    theme: initial.theme ?? 'light',
    helpOpen: false,
    load: { state: 'idle', slot: 'a', label: '', progress: 0, message: '' },

    setTrace(slot, trace) {
      const traces = { ...get().traces, [slot]: trace };
      const viewports = { ...get().viewports };
      delete viewports[slot]; // the timeline fits the new trace on first draw
      const selection = get().selection?.slot === slot ? null : get().selection;
      set({ traces, viewports, selection, filters: EMPTY_FILTERS });
    },
    setViewport(slot, viewport) {
      set({ viewports: { ...get().viewports, [slot]: viewport } });
    },
    setXMode(xMode) {
      if (xMode !== get().xMode) set({ xMode, viewports: {} });
    },
    select(selection) {
      set({ selection });
    },
    setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
    },
    addHighlight(name) {
      const n = name.trim();
      if (!n || get().highlights.includes(n) || (ALWAYS_HIGHLIGHTED as readonly string[]).includes(n)) return;
      set({ highlights: [...get().highlights, n] });
    },
    removeHighlight(name) {
      set({ highlights: get().highlights.filter((h) => h !== name) });
    },
    setTheme(theme) {
      set({ theme });
    },
    setHelpOpen(helpOpen) {
      set({ helpOpen });
    },
    setLoad(patch) {
      set({ load: { ...get().load, ...patch } });
    },
  }));
}
