import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AppStore } from '../store/create-app-store.js';
import { useAppContext } from '../store/store-context.js';
import type { TraceData } from '../trace/trace-data.js';
import type { DiffData } from './diff-protocol.js';

export type CompareTab = 'aligned' | 'stats' | 'processes';

/**
 * The comparison's state, beside the app store (as the lessons do): the two traces themselves live in
 * the app store's slots a and b, so the part-1 timelines draw them unchanged; this store holds the
 * alignment and what the comparison adds (linked views, the selected pair, the cursor).
 */
export interface CompareState {
  /** The comparison view is showing (slots a and b hold its traces). */
  active: boolean;
  /** The traces this comparison was opened with: a different trace in slot a ends it. */
  traceA: TraceData | null;
  traceB: TraceData | null;
  status: 'idle' | 'loading' | 'aligning' | 'ready' | 'error';
  stage: string;
  /** 0..1 */
  progress: number;
  message: string;
  diff: DiffData | null;
  /** Zoom and pan move both timelines together. */
  linked: boolean;
  /** x of B minus x of A at the same screen position (the alignment point, by default the target's execve). */
  offset: number;
  /** Selected pair (-1: none) and the events it selects in each run (-1: none on that side). */
  pair: number;
  selA: number;
  selB: number;
  /** The shared cursor, in A's x (B's is this plus offset); null when the pointer is elsewhere. */
  cursorX: number | null;
  /** The aligned table lists differences only. */
  diffsOnly: boolean;
  tab: CompareTab;
  /** Identifies the comparison for URLs: served ids, or null for uploads. */
  ids: [string, string] | null;
}

export type CompareStore = ReturnType<typeof createCompareStore>;

/** What ending a comparison resets; the rest (linked zoom, tab, table filter) stays as the user left it. */
export const COMPARISON_ENDED: Partial<CompareState> = {
  active: false,
  diff: null,
  status: 'idle',
  traceA: null,
  traceB: null,
  pair: -1,
  selA: -1,
  selB: -1,
};

export function createCompareStore() {
  return createStore<CompareState>()(() => ({
    active: false,
    traceA: null,
    traceB: null,
    status: 'idle',
    stage: '',
    progress: 0,
    message: '',
    diff: null,
    linked: true,
    offset: 0,
    pair: -1,
    selA: -1,
    selB: -1,
    cursorX: null,
    diffsOnly: false,
    tab: 'aligned',
    ids: null,
  }));
}

const stores = new WeakMap<AppStore, CompareStore>();

export function compareStoreFor(app: AppStore): CompareStore {
  let s = stores.get(app);
  if (!s) {
    s = createCompareStore();
    stores.set(app, s);
  }
  return s;
}

export function useCompareStore(): CompareStore {
  return compareStoreFor(useAppContext().store);
}

export function useCompareState<T>(selector: (s: CompareState) => T): T {
  return useStore(useCompareStore(), selector);
}
