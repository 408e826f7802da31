import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TraceClient } from '../trace/trace-client.js';
import type { AppState, AppStore } from './create-app-store.js';

export interface AppContextValue {
  store: AppStore;
  client: TraceClient;
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
