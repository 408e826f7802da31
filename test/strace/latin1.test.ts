/**
 * decodeLatin1 reads one byte as one character, whatever the bytes: ASCII lines (the native UTF-8
 * decoder's path), bytes 0x80-0xFF (C1 controls, UTF-8 sequences, a BOM: never decoded as UTF-8), long
 * runs past fromCharCode's piece size, and any range inside the array.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLatin1 } from '../../parsers/model/latin1.js';

const oneByOne = (bytes: Uint8Array, start: number, end: number): string => {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
};

describe('decodeLatin1', () => {
  it('gives one character per byte, code for code, on any bytes and range', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 20_000 }), fc.nat(), fc.nat(), (codes, x, y) => {
        const bytes = Uint8Array.from(codes);
        const start = bytes.length ? x % (bytes.length + 1) : 0;
        const end = start + (bytes.length - start ? y % (bytes.length - start + 1) : 0);
        expect(decodeLatin1(bytes, start, end)).toBe(oneByOne(bytes, start, end));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads UTF-8 or a BOM as such', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9, 0x80, 0x9f]);
    expect(decodeLatin1(bytes)).toBe('\u00ef\u00bb\u00bfcaf\u00c3\u00a9\u0080\u009f');
    expect(decodeLatin1(Uint8Array.from([0, 10, 0x7f]))).toBe('\u0000\n\u007f');
  });
});
