import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CompareSlice } from '../compare/compare-slice.js';
import { createCompareSlice } from '../compare/compare-slice.js';
import type { LessonSlice } from '../lessons/lesson-slice.js';
import { createLessonSlice } from '../lessons/lesson-slice.js';
import type { TraceSlice } from './trace-slice.js';
import { createTraceSlice } from './trace-slice.js';
import type { ViewSlice } from './view-slice.js';
import { createViewSlice } from './view-slice.js';

export type { TraceSlot, Viewport } from './trace-slice.js';
export { ALWAYS_HIGHLIGHTED } from './trace-slice.js';

/**
 * The whole state of one app instance, in one store: the traces and their views (trace-slice), the page
 * around them (view-slice), the comparison of two runs (compare-slice) and the lesson being walked
 * (lesson-slice). What is derived from it (B's window while zoom is linked, lanes, filtered rows) comes
 * from selectors (selectors.ts), never from a second copy kept in step.
 */
export type AppState = TraceSlice & ViewSlice & CompareSlice & LessonSlice;
export type AppStore = StoreApi<AppState>;
export type SetAppState = AppStore['setState'];
export type GetAppState = AppStore['getState'];

export interface AppStoreOptions {
  theme?: 'light' | 'dark';
  xMode?: 'time' | 'order';
  highlights?: string[];
}

/** One store per app instance (made in main.tsx, handed down by context); tests make their own. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createTraceSlice(set, get, options),
    ...createViewSlice(set, get, options),
    ...createCompareSlice(set, get),
    ...createLessonSlice(set, get),
  }));
}
