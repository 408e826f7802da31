import type { BlockTuning } from '../worker/block-threads.js';

/**
 * The page's query parameters that force how big logs are parsed, for tests and the benchmark:
 * `?threads=1` parses every file in one pass, `?threads=2` on two threads whatever the browser reports;
 * `?blockBytes=65536` cuts blocks of that size and reads in blocks any file at least that big (the
 * e2e test's small logs then take the parallel path with many seams). Null when the URL forces nothing.
 */
export function parseBlockTuning(search: string): BlockTuning | null {
  const q = new URLSearchParams(search);
  const tuning: BlockTuning = {};
  const threads = Number(q.get('threads'));
  const blockBytes = Number(q.get('blockBytes'));
  if (Number.isInteger(threads) && threads > 0) tuning.threads = threads;
  if (Number.isInteger(blockBytes) && blockBytes > 0) tuning.blockBytes = blockBytes;
  return Object.keys(tuning).length ? tuning : null;
}
