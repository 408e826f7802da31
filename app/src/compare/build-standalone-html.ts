import type { EmbeddedLog } from './diff-protocol.js';

/** What a self-contained comparison file carries: both runs' logs and their names. */
export interface EmbeddedCompare {
  version: 1;
  labels: { a: string; b: string };
  titles: { a: string; b: string };
  a: EmbeddedLog[];
  b: EmbeddedLog[];
}

export const EMBED_ID = 'spelunk-embedded';
const EMBED_RE = /<script type="application\/json" id="spelunk-embedded">[\s\S]*?<\/script>/;

/**
 * The standalone page (the app with its script, styles and worker inlined) with both traces embedded as
 * JSON. `<` is escaped so no log line can close the script element.
 */
export function buildStandaloneHtml(template: string, data: EmbeddedCompare): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const tag = `<script type="application/json" id="${EMBED_ID}">${json}</script>`;
  if (EMBED_RE.test(template)) return template.replace(EMBED_RE, () => tag);
  if (template.includes('</head>')) return template.replace('</head>', () => `${tag}\n</head>`);
  return tag + template;
}

/** The embedded comparison of the current page, or null. */
export function readEmbeddedCompare(doc: Document): EmbeddedCompare | null {
  const text = doc.getElementById(EMBED_ID)?.textContent;
  if (!text) return null;
  try {
    const data = JSON.parse(text) as EmbeddedCompare;
    return data.version === 1 && Array.isArray(data.a) && Array.isArray(data.b) ? data : null;
  } catch {
    return null;
  }
}
