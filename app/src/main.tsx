import { createAppInstance, renderApp } from './app-instance.js';
import { parseBlockTuning } from './load/block-tuning-url.js';
import { openFromUrl } from './load/open-from-url.js';
import { fetchServedTraces } from './load/served-traces.js';
import { startUrlSync } from './store/url-sync.js';
import ParseWorker from './worker/parse-worker.ts?worker&inline';
import './styles.css';

/**
 * The app's entry. The worker is inlined (a blob), so the built page also runs from disk (file://),
 * where a worker script file may not be loaded.
 */
const app = createAppInstance(new ParseWorker());
const { store, client } = app;
// before any load: how big logs are parsed, when the URL forces it (tests, the benchmark)
const tuning = parseBlockTuning(window.location.search);
if (tuning) void client.call('tune', tuning).done;
startUrlSync(store);
void fetchServedTraces().then((served) => {
  store.getState().setServed(served);
  void openFromUrl(store, client, window.location.hash, window.location.search, true);
});
// A hash changed by hand, or by Back and Forward, opens what it names.
window.addEventListener('hashchange', () => {
  void openFromUrl(store, client, window.location.hash, window.location.search, false);
});

const root = document.getElementById('root');
if (root) renderApp(root, app);
