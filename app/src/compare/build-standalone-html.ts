import type { EmbeddedLog } from './diff-data.js';

/** What a self-contained comparison file carries: both runs' logs and their names. */
export interface EmbeddedCompare {
  version: 1;
  labels: { a: string; b: string };
  titles: { a: string; b: string };
  a: EmbeddedLog[];
  b: EmbeddedLog[];
}

const EMBED_ID = 'spelunk-embedded';
/**
 * The data tag's opening, assembled at run time: this code is itself inlined into the page it fills, and
 * a literal copy of the tag in it would be found (and replaced) instead of the real one.
 */
const OPEN_TAG = ['<', 'script type="application/json" id="', EMBED_ID, '">'].join('');
const CLOSE_TAG = ['</', 'script>'].join('');

/**
 * The standalone page (the app with its script, styles and worker inlined) with both traces embedded as
 * JSON. `<` is escaped so no log line can close the script element.
 */
export function buildStandaloneHtml(template: string, data: EmbeddedCompare): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const tag = OPEN_TAG + json + CLOSE_TAG;
  const at = template.indexOf(OPEN_TAG);
  if (at >= 0) {
    const end = template.indexOf(CLOSE_TAG, at);
    if (end >= 0) return template.slice(0, at) + tag + template.slice(end + CLOSE_TAG.length);
  }
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
