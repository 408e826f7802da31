import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Phase } from '../../../parsers/analysis/phases.js';
import type { AppStore } from '../store/create-app-store.js';
import { useAppContext } from '../store/store-context.js';

/**
 * Lesson state, beside the app store rather than inside it: the walker only reads the app store (traces,
 * viewport) and drives it through its public actions (setViewport, select), so the app knows nothing of
 * lessons. One lesson store per app store.
 */
export interface LessonState {
  /** The lesson being walked, or null in free exploration. */
  lessonId: string | null;
  stepIndex: number;
  /** Which run's events are on screen: the step's own, or its comparison run. */
  view: 'step' | 'compare';
  /** 'loading' while the step's run is parsed or its selectors resolved. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  message: string;
  /** The events the step (or its comparison) points at, in the trace now in slot a. */
  events: number[];
  focus: number | null;
  menuOpen: boolean;
  showPhases: boolean;
  /** Phases of the trace in slot a, by trace id (fetched from the worker). */
  phases: { traceId: string; phases: Phase[] } | null;
}

export type LessonStore = ReturnType<typeof createLessonStore>;

export function createLessonStore() {
  return createStore<LessonState>()(() => ({
    lessonId: null,
    stepIndex: 0,
    view: 'step',
    status: 'idle',
    message: '',
    events: [],
    focus: null,
    menuOpen: false,
    showPhases: true,
    phases: null,
  }));
}

const stores = new WeakMap<AppStore, LessonStore>();

export function lessonStoreFor(app: AppStore): LessonStore {
  let s = stores.get(app);
  if (!s) {
    s = createLessonStore();
    stores.set(app, s);
  }
  return s;
}

export function useLessonState<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStoreFor(useAppContext().store), selector);
}
