import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FrameStats } from '../timeline/frame-stats.js';
import type { TraceClient } from '../trace/trace-client.js';
import type { AppState, AppStore } from './create-app-store.js';

/** What one app instance is made of: its store, its worker, its frame timings. */
export interface AppContextValue {
  store: AppStore;
  client: TraceClient;
  frames: FrameStats;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('AppContext missing');
  return ctx;
}

/** Subscribes a component to one slice of the store (re-renders when it changes by identity). */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}
