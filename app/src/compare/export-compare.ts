import type { AppStore } from '../store/create-app-store.js';
import type { TraceClient } from '../trace/trace-client.js';
import { downloadBlob } from '../timeline/export-view.js';
import { buildStandaloneHtml } from './build-standalone-html.js';
import { requestDiffExport } from './compare-client.js';
import type { CompareStore } from './compare-store.js';

function baseName(cs: CompareStore): string {
  const l = cs.getState().diff?.labels ?? { a: 'A', b: 'B' };
  return `spelunk-${l.a}-vs-${l.b}`.replace(/[^\w.-]+/g, '_').slice(0, 60);
}

export async function exportCompareJson(client: TraceClient, cs: CompareStore): Promise<void> {
  const { text } = await requestDiffExport(client, 'json');
  downloadBlob(new Blob([text + '\n'], { type: 'application/json' }), `${baseName(cs)}.diff.json`);
}

export async function exportCompareMarkdown(client: TraceClient, cs: CompareStore): Promise<void> {
  const { text } = await requestDiffExport(client, 'markdown');
  downloadBlob(new Blob([text], { type: 'text/markdown' }), `${baseName(cs)}.md`);
}

/** The standalone page shipped with the app (standalone.html), or this page itself when it is one. */
async function fetchTemplate(): Promise<string> {
  if (document.getElementById('spelunk-standalone'))
    return '<!doctype html>\n' + document.documentElement.outerHTML;
  const res = await fetch('standalone.html');
  if (!res.ok) throw new Error('This build has no standalone page (standalone.html).');
  return res.text();
}

/** One HTML file that opens offline: the app inlined, both logs embedded. */
export async function exportCompareHtml(app: AppStore, client: TraceClient, cs: CompareStore): Promise<void> {
  const [template, { sources }] = await Promise.all([fetchTemplate(), requestDiffExport(client, 'sources')]);
  const s = app.getState();
  const labels = cs.getState().diff?.labels ?? { a: 'A', b: 'B' };
  const html = buildStandaloneHtml(template, {
    version: 1,
    labels,
    titles: { a: s.traces.a?.title ?? labels.a, b: s.traces.b?.title ?? labels.b },
    a: sources?.[0] ?? [],
    b: sources?.[1] ?? [],
  });
  downloadBlob(new Blob([html], { type: 'text/html' }), `${baseName(cs)}.html`);
}
