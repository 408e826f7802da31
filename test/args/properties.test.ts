import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArgs, parseArgs, parseValue } from '../../parsers/strace/args/index.js';
import { argArbitraries } from './arbitraries.js';
import { findCoverageGap } from './helpers.js';

/** Pieces of strace syntax, so random input reaches the scanner's corners more often than random text. */
const SYNTAX = fc.constantFrom(
  '"',
  '\\',
  '\\"',
  '<',
  '>',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  ', ',
  ',',
  ' ',
  '/* ',
  ' */',
  '...',
  '=',
  ' => ',
  '|',
  '<<',
  'a',
  'AT_FDCWD',
  '1',
  '0x1f',
  '077',
  ':[',
  '~[',
  '@"',
  '-',
  ' or ',
  ' && ',
  ' == ',
  '00:11',
  'f(',
  '<... resuming interrupted read ...>',
  '</p>',
  '(deleted)',
  '<char 1:3>',
);
const straceish = fc.array(SYNTAX, { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  straceish,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
);

describe('(a) parsing never throws and never loses text', () => {
  it('parseArgs on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const nodes = parseArgs(text);
        expect(findCoverageGap(text, nodes)).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });
  it('parseValue on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => void parseValue(text)),
      { numRuns: 2000 },
    );
  });
});

describe('(b) print then parse', () => {
  const { args, value } = argArbitraries();

  it('parseArgs(formatArgs(nodes)) equals nodes, texts included', () => {
    fc.assert(
      fc.property(args, (nodes) => {
        expect(parseArgs(formatArgs(nodes))).toEqual(nodes);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseValue(formatArg(value)) equals the value', () => {
    fc.assert(
      fc.property(value, (node) => {
        expect(parseValue(formatArgs([node]))).toEqual(node);
      }),
      { numRuns: 2000 },
    );
  });
});
