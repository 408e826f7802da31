/**
 * `spelunk diff --json` is written in pieces (formatDiffJsonPieces): the pieces joined must be exactly
 * the one-string JSON (formatDiffJson), on real pairs of runs, small and past a piece's 4096 entries,
 * with the -ff files named on each side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeTraceDiff, formatDiffJson, formatDiffJsonPieces } from '../../parsers/analysis/diff/index.js';
import { parseStraceFiles } from '../../parsers/strace/index.js';
import { CORPUS, loadLog } from './diff-helpers.js';

const PAIRS: [string, string][] = [
  ['corpus:foo-host.log', 'corpus:foo-chroot-fails.log'],
  ['fixture:mt-run1.log', 'fixture:mt-run2.log'],
  ['fixture:ls-run1.log', 'fixture:ls-run2.log'],
  // some 12k calls each: more than three pieces of entries
  ['corpus:format/big.default.log', 'corpus:format/big.v.yy.log'],
];

describe('diff --json in pieces', () => {
  it.each(PAIRS)('%s against %s joins into the one-string JSON', (a, b) => {
    const diff = computeTraceDiff(loadLog(a), loadLog(b), { labels: { a: 'host', b: 'chroot' } });
    const pieces = [...formatDiffJsonPieces(diff)];
    const text = pieces.join('');
    expect(text).toBe(JSON.stringify(formatDiffJson(diff)));
    expect(JSON.parse(text).pairs).toHaveLength(diff.pairs.count);
    if (diff.pairs.count > 4096) expect(pieces.length).toBeGreaterThan(3);
  });

  it('names the -ff files of each entry as the one-string JSON does', () => {
    const dir = CORPUS + 'ff/';
    const files = readdirSync(dir)
      .sort()
      .map((name) => ({ name, text: readFileSync(dir + name, 'latin1') }));
    const set = parseStraceFiles(files);
    const diff = computeTraceDiff(set, loadLog('corpus:pipe-f-yy.log'));
    const text = [...formatDiffJsonPieces(diff)].join('');
    expect(text).toBe(JSON.stringify(formatDiffJson(diff)));
    expect(text).toContain('"fileA":"pipe.7721"');
  });
});
