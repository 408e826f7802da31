import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import { downloadBlob } from '../timeline/export-view.js';
import { buildStandaloneHtml } from './build-standalone-html.js';

function baseName(store: AppStore): string {
  const l = store.getState().compare.diff?.labels ?? { a: 'A', b: 'B' };
  return `spelunk-${l.a}-vs-${l.b}`.replace(/[^\w.-]+/g, '_').slice(0, 60);
}

export async function exportCompareJson(store: AppStore, client: TraceClient): Promise<void> {
  const { text } = await client.call('diffExport', { format: 'json' }).done;
  downloadBlob(new Blob([text + '\n'], { type: 'application/json' }), `${baseName(store)}.diff.json`);
}

export async function exportCompareMarkdown(store: AppStore, client: TraceClient): Promise<void> {
  const { text } = await client.call('diffExport', { format: 'markdown' }).done;
  downloadBlob(new Blob([text], { type: 'text/markdown' }), `${baseName(store)}.md`);
}

/** The standalone page shipped with the app (standalone.html), or this page itself when it is one. */
async function fetchTemplate(): Promise<string> {
  if (document.getElementById('spelunk-standalone'))
    return '<!doctype html>\n' + document.documentElement.outerHTML;
  let res: Response;
  try {
    res = await fetch('standalone.html');
  } catch {
    throw new Error('Export HTML needs the page served over http (it reads standalone.html beside it).');
  }
  if (!res.ok) throw new Error('This build has no standalone page (standalone.html).');
  return res.text();
}

/** One HTML file that opens offline: the app inlined, both logs embedded. */
export async function exportCompareHtml(store: AppStore, client: TraceClient): Promise<void> {
  const [template, { sources }] = await Promise.all([
    fetchTemplate(),
    client.call('diffExport', { format: 'sources' }).done,
  ]);
  const s = store.getState();
  const labels = s.compare.diff?.labels ?? { a: 'A', b: 'B' };
  const html = buildStandaloneHtml(template, {
    version: 1,
    labels,
    titles: { a: s.traces.a?.title ?? labels.a, b: s.traces.b?.title ?? labels.b },
    a: sources?.[0] ?? [],
    b: sources?.[1] ?? [],
  });
  downloadBlob(new Blob([html], { type: 'text/html' }), `${baseName(store)}.html`);
}
