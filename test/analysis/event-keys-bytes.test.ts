import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../parsers/model/index.js';
import { createStraceParser, parseStrace } from '../../parsers/strace/index.js';
import { KeySpace, computeEventKeys } from '../../parsers/analysis/diff/event-keys.js';
import type { NormaliseContext } from '../../parsers/analysis/diff/normalise-call.js';
import { hashCallText } from '../../parsers/analysis/diff/normalise-call.js';
import { computeProcessTree } from '../../parsers/analysis/process-tree.js';
import { CORPUS } from './diff-helpers.js';

/**
 * The diff keys every call where its line lies: in the log's own bytes when the log was read as bytes,
 * in UTF-16 units when it was given as text. The two must key alike, and a call's key must not depend
 * on what lies past its line (in a byte segment the next line follows; in a scratch buffer, stale text).
 */

/** A log as bytes, in pieces of `piece` bytes (so that segments end mid-line), as the CLI reads it. */
function fromBytes(bytes: Uint8Array, piece: number): Trace {
  const parser = createStraceParser({ fileName: 'bytes.log' });
  for (let k = 0; k < bytes.length; k += piece) parser.push(bytes.subarray(k, k + piece));
  return parser.end();
}

type Options = Parameters<typeof computeEventKeys>[2];

function keysAlike(text: string, piece: number, options: Partial<Options> = {}): void {
  const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  const asText = parseStrace(text, { fileName: 'text.log' });
  const asBytes = fromBytes(bytes, piece);
  expect(asBytes.count).toBe(asText.count);
  const space = new KeySpace();
  const key = (t: Trace) =>
    computeEventKeys(t, space, {
      chrootPrefix: null,
      cwd: null,
      dropDecorations: false,
      tree: computeProcessTree(t),
      ...options,
    });
  const a = key(asText);
  const b = key(asBytes);
  expect(b.syscalls).toBe(a.syscalls);
  expect(b.checksum).toBe(a.checksum);
  expect(Array.from(b.fine)).toEqual(Array.from(a.fine));
  expect(Array.from(b.coarse)).toEqual(Array.from(a.coarse));
  expect(Array.from(b.name)).toEqual(Array.from(a.name));
}

const LOGS = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.log'))
    .map((f) => CORPUS + f),
  ...readdirSync(CORPUS + 'format')
    .filter((f) => f.endsWith('.log'))
    .map((f) => CORPUS + 'format/' + f),
];

describe('diff keys over bytes and over text', () => {
  it.each(LOGS.map((path) => [path.slice(CORPUS.length), path]))('%s keys alike', (_name, path) => {
    const text = readFileSync(path, 'latin1');
    keysAlike(text, 4096);
    // Without decorations (fd numbers labelled by the path they were opened with), from a cwd.
    keysAlike(text, 1000, { dropDecorations: true, cwd: '/tmp' });
  });

  // Calls built from the pieces the normaliser treats apart, each line followed by lines of the same
  // pieces: anything read past a line's end shows up as a difference between the two readings.
  const piece = fc.constantFrom(
    '"',
    '\\"',
    '\\',
    '/',
    '/*',
    '*/',
    ' /* 3 vars */',
    'var',
    '0',
    '0x',
    '0x7f1cefd2d000',
    '12',
    '4242',
    '<',
    '>',
    '</tmp/x>',
    '<pipe:[1234]>',
    '[',
    ']',
    '=',
    'tv_sec=',
    'st_atime=',
    'AT_FDCWD',
    '/usr/lib/',
    '/usr/lib64/x',
    '/tmp',
    ' ',
    '  ',
    ', ',
    ') = -1 ',
    ') = ',
    'x',
  );
  const callText = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));
  const name = fc.constantFrom(
    'openat',
    'read',
    'mmap',
    'execve',
    'clock_gettime',
    'getrandom',
    'wait4',
    'close',
  );
  const line = fc.tuple(name, callText).map(([n, t]) => `100 ${n}(${t}`);

  it('a call keys alike whatever follows its line, read from bytes or text', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        (lines, cut) => {
          const text = lines.join('\n');
          keysAlike(text, cut);
          keysAlike(text + '\n', cut, { dropDecorations: true, cwd: '/tmp', chrootPrefix: '/tmp/x' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a call text keys the same whatever the buffer held past it before', () => {
    const ctx = fc.record({
      pidTokens: fc.boolean(),
      dropStrings: fc.boolean(),
      dropAll: fc.boolean(),
      dropDecorations: fc.boolean(),
      execBasenames: fc.boolean(),
      cwd: fc.constantFrom(null, '/tmp', '/usr'),
      chrootPrefix: fc.constantFrom(null, '/tmp/x', '/tmp'),
    });
    fc.assert(
      fc.property(callText, callText, callText, ctx, (t, before1, before2, o) => {
        const c: NormaliseContext = { pids: new Map([[4242, 1]]), ...o };
        // The scratch buffer keeps what a longer text left there: the key must not read it.
        hashCallText(t + before1 + before1, 1, c);
        const one = hashCallText(t, 1, c);
        hashCallText(t + before2 + before2, 1, c);
        expect(hashCallText(t, 1, c)).toBe(one);
      }),
      { numRuns: 3000 },
    );
  });
});
