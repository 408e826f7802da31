import { createAppInstance, renderApp } from '../app-instance.js';
import ParseWorker from '../worker/parse-worker.ts?worker&inline';
import { readEmbeddedCompare } from './build-standalone-html.js';
import { openCompare } from './open-compare.js';
import type { CompareSide } from './compare-slice.js';
import '../styles.css';

/**
 * The entry of the self-contained export (standalone.html, one file): the same app, its worker inlined
 * as a blob, and the two runs read from the JSON embedded in the page instead of from a server.
 */
const app = createAppInstance(new ParseWorker());
app.store.getState().setServed([]);

const embedded = readEmbeddedCompare(document);
if (embedded) {
  const side = (logs: typeof embedded.a, label: string, title: string): CompareSide => ({
    id: `embedded:${label}`,
    title,
    label,
    inputs: logs.map((l) => ({ type: 'text' as const, text: l.text, name: l.name })),
    served: false,
  });
  void openCompare(
    app.store,
    app.client,
    side(embedded.a, embedded.labels.a, embedded.titles.a),
    side(embedded.b, embedded.labels.b, embedded.titles.b),
  );
}

const root = document.getElementById('root');
if (root) renderApp(root, app);
