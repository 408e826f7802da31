import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.js';
import { createAppStore } from './store/create-app-store.js';
import { startSearchSync } from './store/search-sync.js';
import { AppContext } from './store/store-context.js';
import type { AppContextValue } from './store/store-context.js';
import { createFrameStats } from './timeline/frame-stats.js';
import { TraceClient } from './trace/trace-client.js';

const THEME_KEY = 'spelunk.theme';

/** The store, worker client and frame timings of one app, with the theme the user last chose. */
export function createAppInstance(worker: Worker): AppContextValue {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(THEME_KEY);
  } catch {
    // storage refused (a sandboxed page): the system theme decides
  }
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const store = createAppStore({
    theme: saved === 'dark' || saved === 'light' ? saved : prefersDark ? 'dark' : 'light',
  });
  store.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    try {
      localStorage.setItem(THEME_KEY, s.theme);
    } catch {
      // not remembered, nothing else lost
    }
  });
  const client = new TraceClient(worker);
  const frames = createFrameStats();
  startSearchSync(store, client);
  // A small, documented hook for the UI benchmark and end-to-end tests (bench/ui-bench.ts).
  Object.assign(window, {
    __spelunk: {
      store,
      frameCount: frames.frameCount,
      framesSince: frames.framesSince,
      compareLayerTimes: frames.compareLayerTimes,
    },
  });
  return { store, client, frames };
}

/** Renders the app of one instance into `root`. */
export function renderApp(root: HTMLElement, value: AppContextValue): void {
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={value}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
