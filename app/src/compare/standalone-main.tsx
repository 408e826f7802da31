import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../components/app.js';
import { createAppStore } from '../store/create-app-store.js';
import { AppContext } from '../store/store-context.js';
import { frameCount, framesSince } from '../timeline/frame-stats.js';
import { TraceClient } from '../trace/trace-client.js';
import ParseWorker from '../worker/parse-worker.ts?worker&inline';
import { readEmbeddedCompare } from './build-standalone-html.js';
import { compareStoreFor } from './compare-store.js';
import { openCompare } from './open-compare.js';
import '../styles.css';

/**
 * The entry of the self-contained export (standalone.html, one file): the same app, its worker inlined
 * as a blob, and the two runs read from the JSON embedded in the page instead of from a server.
 */
const store = createAppStore({
  theme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
});
const client = new TraceClient(new ParseWorker());
Object.assign(window, { __spelunk: { store, frameCount, framesSince } });

const embedded = readEmbeddedCompare(document);
if (embedded) {
  const side = (logs: typeof embedded.a, label: string, title: string) => ({
    id: `embedded:${label}`,
    title,
    label,
    inputs: logs.map((l) => ({ type: 'text' as const, text: l.text, name: l.name })),
  });
  void openCompare(
    store,
    compareStoreFor(store),
    client,
    side(embedded.a, embedded.labels.a, embedded.titles.a),
    side(embedded.b, embedded.labels.b, embedded.titles.b),
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={{ store, client }}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
