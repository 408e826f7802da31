import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.js';
import { createAppStore } from './store/create-app-store.js';
import { AppContext } from './store/store-context.js';
import { startUrlSync } from './store/url-sync.js';
import { frameCount, framesSince } from './timeline/frame-stats.js';
import { TraceClient } from './trace/trace-client.js';
import './styles.css';

const THEME_KEY = 'spelunk.theme';
const saved = localStorage.getItem(THEME_KEY);
const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
const store = createAppStore({
  theme: saved === 'dark' || saved === 'light' ? saved : prefersDark ? 'dark' : 'light',
});
store.subscribe((s, prev) => {
  if (s.theme !== prev.theme) localStorage.setItem(THEME_KEY, s.theme);
});
const client = new TraceClient();
startUrlSync(store);

// A small, documented hook for the UI benchmark and end-to-end tests (bench/ui-bench.ts).
Object.assign(window, { __spelunk: { store, frameCount, framesSince } });

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={{ store, client }}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
