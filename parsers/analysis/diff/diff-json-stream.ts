import type { Trace } from '../../model/index.js';
import { PAIR_STATUSES } from './pair-list.js';
import type { TraceDiff } from './trace-diff.js';
import { diffJsonHead } from './trace-diff.js';

/** Alignment entries per piece: a few hundred KB of text, whatever the size of the traces. */
const PAIRS_PER_PIECE = 4096;

/**
 * `spelunk diff --json` in pieces, for a writer that waits on each: exactly the text of
 * `JSON.stringify(formatDiffJson(diff))`, without ever holding it whole. Two runs of 650k calls give
 * about 1.3 M alignment entries, some 40 MB of JSON: built as one object tree and one string, that was
 * over a second and hundreds of MB more at peak; here only one piece of entries exists at a time.
 */
export function* formatDiffJsonPieces(diff: TraceDiff): Generator<string> {
  const head = JSON.stringify(diffJsonHead(diff));
  // the head object without its closing brace, then the pairs array, then the fields after it
  yield `${head.slice(0, -1)},"pairs":[`;
  const { a, b, pairs } = diff;
  const count = pairs.count;
  // Each entry is written as JSON.stringify(diffPairJson(diff, k)) spells it, key by key, without the
  // object: `{"status":"equal","a":12,"b":14}` (a line number is an integer; a file name is quoted).
  const opening = PAIR_STATUSES.map((status) => `{"status":${JSON.stringify(status)}`);
  const fileA = quotedFiles(a, 'fileA');
  const fileB = quotedFiles(b, 'fileB');
  for (let start = 0; start < count; start += PAIRS_PER_PIECE) {
    const end = Math.min(count, start + PAIRS_PER_PIECE);
    let piece = start === 0 ? '' : ',';
    for (let k = start; k < end; k++) {
      const i = pairs.a[k] as number;
      const j = pairs.b[k] as number;
      let entry = opening[pairs.status[k] as number] as string;
      if (i >= 0) entry += `,"a":${a.line(i)}${fileA(i)}`;
      if (j >= 0) entry += `,"b":${b.line(j)}${fileB(j)}`;
      piece += k === start ? `${entry}}` : `,${entry}}`;
    }
    yield piece;
  }
  yield `],"coarse":${JSON.stringify(diff.coarse)},"labels":${JSON.stringify(diff.labels)}}`;
}

/** `,"fileA":"trace.123"` for an event of an -ff set (several files), "" otherwise: what Trace.file says. */
function quotedFiles(t: Trace, field: 'fileA' | 'fileB'): (i: number) => string {
  if (t.sources.length <= 1) return () => '';
  const byFile = t.sources.map((s) => `,"${field}":${JSON.stringify(s.name)}`);
  return (i) => byFile[t.columns.fileId[i] as number] ?? '';
}
