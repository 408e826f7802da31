import type { TraceDiff } from './trace-diff.js';
import { diffJsonHead, diffPairJson } from './trace-diff.js';

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
  const count = diff.pairs.count;
  for (let start = 0; start < count; start += PAIRS_PER_PIECE) {
    const end = Math.min(count, start + PAIRS_PER_PIECE);
    const parts: string[] = new Array(end - start);
    for (let k = start; k < end; k++) parts[k - start] = JSON.stringify(diffPairJson(diff, k));
    yield (start === 0 ? '' : ',') + parts.join(',');
  }
  yield `],"coarse":${JSON.stringify(diff.coarse)},"labels":${JSON.stringify(diff.labels)}}`;
}
