/**
 * Past the lines it prints, the report only counts the alignment's lines (`… N more lines`), without
 * building them. On real pairs of runs and every context, the count must be what listing every line
 * gives: the report printing a few lines says N more, the report printing all of them lists those N.
 */
import { describe, expect, it } from 'vitest';
import { computeTraceDiff, formatDiffReport } from '../../parsers/analysis/diff/index.js';
import { loadLog } from './diff-helpers.js';

const PAIRS: [string, string][] = [
  ['corpus:foo-host.log', 'corpus:foo-chroot-fails.log'],
  ['fixture:mt-run1.log', 'fixture:mt-run2.log'],
  ['fixture:ls-run1.log', 'fixture:ls-run2.log'],
  ['fixture:env-plain.log', 'fixture:env-clear.log'],
  ['corpus:format/big.default.log', 'corpus:format/big.v.yy.log'],
];

const CONTEXTS: (number | 'all')[] = [0, 1, 2, 2.5, 7, Infinity, 'all'];

/** The alignment's lines of a report: those after its `Alignment` heading. */
function alignmentLines(report: string): string[] {
  const lines = report.trimEnd().split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('Alignment')) + 1);
}

describe('the report past its printed lines', () => {
  it.each(PAIRS)('%s against %s: counts the lines it leaves out as listing them gives', (x, y) => {
    const diff = computeTraceDiff(loadLog(x), loadLog(y));
    for (const context of CONTEXTS) {
      const all = alignmentLines(formatDiffReport(diff, { context, maxLines: Infinity }));
      for (const maxLines of [0, 3, 40]) {
        const some = alignmentLines(formatDiffReport(diff, { context, maxLines }));
        const more = /^… (\d+) more lines/.exec(some[some.length - 1] ?? '');
        if (all.length <= maxLines) {
          expect(some, `context ${context}, ${maxLines} lines`).toEqual(all);
          continue;
        }
        expect(Number(more?.[1]), `context ${context}, ${maxLines} lines`).toBe(all.length - maxLines);
        expect(some.slice(0, -1)).toEqual(all.slice(0, maxLines));
      }
    }
  });
});
