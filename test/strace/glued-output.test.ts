import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gluedWriteOutputIn, writeNeedsCheck } from '../../parsers/strace/glued-output.js';

/**
 * The parser checks a write line for the program's output printed into it only when a cheap look says
 * it may hold some. The look must never pass over a line the full check flags, whether the write has
 * returned (its result to compare the count with) or not (`<unfinished ...>`).
 */
const fd = fc.constantFrom('1', '2', '3', '12', '1</dev/pts/0<char 136:0>>', '3</tmp/a, "b>', '2</tmp/x>');
/** Pieces of a buffer as strace prints it (a quote inside is always escaped). */
const piece = fc.constantFrom(
  'a',
  ' ',
  '\\n',
  '\\t',
  '\\0',
  '\\00',
  '\\0001',
  '\\177',
  '\\x7f',
  '\\x',
  '\\"',
  '\\\\',
  'é',
  ', ',
);
const body = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.constantFrom('05', '00', '3111', '4ls: '),
);

function needsCheck(args: string, ret: number): boolean {
  return writeNeedsCheck((k) => args.charCodeAt(k), 0, args.length, ret);
}

describe('the cheap look at a write line', () => {
  it('never passes over a line the full check flags', () => {
    fc.assert(
      fc.property(
        fd,
        body,
        fc.boolean(),
        count,
        fc.option(fc.integer({ min: 0, max: 12 })),
        (f, b, cut, n, ret) => {
          const args = `${f}, "${b}"${cut ? '...' : ''}, ${n}`;
          // A write that returned its count is taken as sound (strace shows the buffer it was given).
          if (ret !== null && Number(n) === ret) return;
          if (gluedWriteOutputIn(args) !== null) expect(needsCheck(args, ret ?? Number.NaN)).toBe(true);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('lets a sound write pass, finished or not', () => {
    expect(needsCheck('1, "hi\\n", 3', 3)).toBe(false);
    expect(needsCheck('1, "hi\\n", 3', Number.NaN)).toBe(false);
    expect(needsCheck('3</tmp/out.txt>, "\\177ELF\\2\\1\\x01", 7', Number.NaN)).toBe(false);
    // The program's "111" printed after the count 3 by a write that has not returned yet.
    expect(needsCheck('2, "111", 3111', Number.NaN)).toBe(true);
    expect(gluedWriteOutputIn('2, "111", 3111')).not.toBeNull();
  });
});
